// GET /metrics in Prometheus' text format, for this process only (each instance is scraped on
// its own; Prometheus adds the instance label). Request durations are observed as requests
// finish; the live figures (event-stream clients, collaborators) are read from the app, and
// the delivery queue from the database, when Prometheus scrapes.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { apiAnswer } from "../app/utils/api-boundary.server.ts";
import type { DomainError } from "../app/utils/errors.ts";
import { methodLabel, statusClass } from "./route-labels.ts";

export type MetricsSources = {
  eventStreamClients: () => number;
  collaborators: () => number;
  deliveryQueue: () => Promise<{ byState: Record<string, number>; due: number }>;
  /** limit checks answered from this instance's memory because Redis did not answer (REDIS_URL; decision 0049) */
  limitStoreFallbacks?: () => number;
  /** "allowed", or the answer to send instead, for the request's Authorization header and client address */
  access: (authorization: string | undefined, address: string) => Promise<"allowed" | DomainError>;
};

const PREFIX = "incident_desk_";

export function createMetrics(sources: MetricsSources, log: Logger) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requestDuration = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: "HTTP requests by method, route (a Remix route id or a fixed name, never a URL) and status class, and how long they took to answer",
    labelNames: ["method", "route", "status_class"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const inFlight = new Gauge({
    name: `${PREFIX}http_requests_in_flight`,
    help: "HTTP requests received and not yet answered (event streams included), by method: what a shutdown still waits for",
    labelNames: ["method"] as const,
    registers: [registry],
  });

  new Gauge({
    name: `${PREFIX}sse_clients`,
    help: "Clients connected to an incident's event stream on this instance",
    registers: [registry],
    collect() {
      this.set(sources.eventStreamClients());
    },
  });

  new Gauge({
    name: `${PREFIX}collab_connections`,
    help: "Live post-mortem editing connections on this instance",
    registers: [registry],
    collect() {
      this.set(sources.collaborators());
    },
  });

  let fallbacksReported = 0;
  new Counter({
    name: `${PREFIX}limit_store_fallbacks_total`,
    help: "Rate-limit checks counted in this instance's memory because Redis (REDIS_URL) did not answer",
    registers: [registry],
    collect() {
      const now = sources.limitStoreFallbacks?.() ?? 0;
      if (now > fallbacksReported) this.inc(now - fallbacksReported);
      fallbacksReported = now;
    },
  });

  // Both delivery gauges come from one read of the database per scrape.
  let reading: Promise<{ byState: Record<string, number>; due: number } | null> | null = null;
  const readQueue = () =>
    (reading ??= sources
      .deliveryQueue()
      .catch((error: unknown) => {
        log.warn({ err: error }, "metrics: the delivery queue could not be read");
        return null;
      })
      .finally(() => setImmediate(() => (reading = null))));

  new Gauge({
    name: `${PREFIX}deliveries`,
    help: "Deliveries (emails and webhooks) in the database by state; the same for every instance sharing the database",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const figures = await readQueue();
      this.reset();
      if (figures) for (const [state, count] of Object.entries(figures.byState)) this.set({ state }, count);
    },
  });

  new Gauge({
    name: `${PREFIX}delivery_queue_due`,
    help: "Deliveries queued or failed whose next attempt is due now: the worker's backlog",
    registers: [registry],
    async collect() {
      const figures = await readQueue();
      this.reset();
      if (figures) this.set(figures.due);
    },
  });

  return {
    /** Call once per request, before it is handled; `route` is asked when the response is finished. */
    observe(req: IncomingMessage, res: ServerResponse, route: () => string) {
      const end = requestDuration.startTimer();
      const method = methodLabel(req.method);
      inFlight.inc({ method });
      res.once("close", () => inFlight.dec({ method }));
      res.once("finish", () => end({ method: methodLabel(req.method), route: route(), status_class: statusClass(res.statusCode) }));
    },

    /** `address`: the client's, which wrong tokens count against (server/client-address.ts). */
    async serve(req: IncomingMessage, res: ServerResponse, address: string) {
      const access = await sources.access(req.headers.authorization, address).catch(() => null);
      if (access !== "allowed") {
        const message = "The database does not answer; try again in a few seconds.";
        const unavailable = { error: { code: "unavailable", message, fields: {} } };
        const answer = access ? apiAnswer(access) : Response.json(unavailable, { status: 503 });
        if (access?.code === "unauthorized") answer.headers.set("WWW-Authenticate", "Bearer");
        res.writeHead(answer.status, { ...Object.fromEntries(answer.headers), "Cache-Control": "no-store" });
        res.end(await answer.text());
        return;
      }
      const body = await registry.metrics();
      res.writeHead(200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" });
      res.end(body);
    },
  };
}
