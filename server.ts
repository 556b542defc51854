// The HTTP server: Express 4 with the Remix request handler, in one process.
// Security headers (CSP with a per-request nonce), compression that never touches
// text/event-stream, request ids on every log line, graceful shutdown on SIGTERM, and the
// collaboration websocket (/collab) handed to the app's Hocuspocus instance.
import { createServer, type IncomingMessage } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import pino from "pino";
import { WebSocketServer } from "ws";
import { CLIENT_ADDRESS_HEADER } from "./app/modules/auth/client-address.ts";
import type { AppRuntime } from "./app/runtime.server.ts";
import { clientAddressOf } from "./server/client-address.ts";
import { DRAIN_BYTES } from "./server/body-limits.ts";
import { lingeringClose } from "./server/lingering-close.ts";
import { collabUpgrades } from "./server/collab-upgrades.ts";
import { createMetrics } from "./server/metrics.ts";
import { remixHandler } from "./server/remix-handler.ts";
import { jsonBodies, originCheck } from "./server/request-guards.ts";
import { requestLog } from "./server/request-log.ts";
import { ROUTE_LABELS, routeLabeller } from "./server/route-labels.ts";
import { publicFastPath } from "./server/public-files.ts";
import { notReadyFirst } from "./server/not-ready-first.ts";

/** The server build, with the runtime its entry exports (app/runtime.server.ts). */
type AppBuild = ServerBuild & { entry: { module: ServerBuild["entry"]["module"] & { runtime: AppRuntime } } };

const root = path.dirname(fileURLToPath(import.meta.url));
/** Where `remix vite:build` wrote the app (BUILD_DIR lets several builds live side by side). */
const buildDir = path.resolve(root, process.env.BUILD_DIR ?? "build");
const MAX_UNSENT_STREAM_BYTES = 1024 * 1024;
/** On SIGTERM: how long requests under way may take to finish, and when the process stops regardless. */
const FINISH_REQUESTS_MS = 10_000;
const HARD_STOP_MS = 25_000;
type Metrics = ReturnType<typeof createMetrics>;
const pathOf = (url = "/") => url.split("?", 1)[0];
const REQUEST_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const log = pino({ level: process.env.LOG_LEVEL ?? "info", base: undefined });

export async function createApp(build: AppBuild, tools: { routeOf: (path: string) => string; metrics: Metrics }) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", process.env.TRUST_PROXY === "1" ? 1 : false);

  app.use(requestLog(log, tools.routeOf));
  // The address the sign-in and token rate limits count by; a value the client sent is replaced.
  app.use((req, _res, next) => {
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req);
    next();
  });
  // Outside the Remix route tree: no session, no HTML, its own bearer check (server/metrics.ts).
  app.get("/metrics", (req, res, next) => void tools.metrics.serve(req, res, clientAddressOf(req)).catch(next));

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", "data:"],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // "no-referrer" makes Chromium send Origin: null on form posts, which Remix refuses.
      referrerPolicy: { policy: "same-origin" },
      strictTransportSecurity: process.env.HSTS === "1" ? { maxAge: 31536000 } : false,
      crossOriginEmbedderPolicy: false,
    }),
  );

  // An answer sent before the request's body was read (a 413, a refusal before parsing) would
  // leave the rest of the body in a kept-alive connection, and the client's next request on it
  // would never be read. The rest is read and dropped; past DRAIN_BYTES the connection is closed.
  app.use((req, res, next) => {
    if (Number(req.headers["content-length"] ?? 0) > DRAIN_BYTES) res.setHeader("Connection", "close");
    res.on("finish", () => {
      if (req.complete) return;
      let drained = 0;
      req.removeAllListeners("data");
      req.on("data", (chunk: Buffer) => {
        drained += chunk.length;
        if (drained > DRAIN_BYTES) lingeringClose(req);
      });
      req.resume();
    });
    next();
  });

  // Before anything acts on a request: a write made with the browser's cookie comes from a page
  // of this site (decision 0030), and the API takes JSON bodies only.
  app.use(originCheck({ trustProxy: process.env.TRUST_PROXY === "1", publicUrl: process.env.PUBLIC_URL }));
  app.use(jsonBodies());

  app.use(
    compression({
      filter: (req, res) => {
        const type = String(res.getHeader("Content-Type") ?? "");
        return !type.startsWith("text/event-stream") && compression.filter(req, res);
      },
    }),
  );

  // Remix answers a method it does not know (PROPFIND, MKCOL…) with a 405 that reads as a server
  // error; the API answers it in its error shape, naming the methods there are.
  app.use((req, res, next) => {
    if (REQUEST_METHODS.has(req.method)) return next();
    res.setHeader("Allow", [...REQUEST_METHODS].join(", "));
    const message = `${req.method.slice(0, 20)} is not a method this server answers.`;
    if (!req.path.startsWith("/api/")) return void res.status(405).type("text/plain").send(message);
    res.status(405).json({ error: { code: "method_not_allowed", message, fields: {} } });
  });

  // Postgres can neither store nor compare a NUL character: a URL carrying one (%00) is
  // refused here, in the API's error shape, instead of failing a query as a 500.
  app.use((req, res, next) => {
    if (!/%00/.test(req.url)) return next();
    res.status(400).json({ error: { code: "bad_request", message: "The URL contains a NUL character (%00).", fields: {} } });
  });

  // Remix writes a streamed body without waiting for the socket to drain, so a client that
  // stops reading would make the server buffer its events without end. Such a stream is
  // dropped; the browser reconnects with Last-Event-ID and catches up from the database.
  app.use(/^\/api\/v1\/incidents\/[^/]+\/events$/, (_req, res, next) => {
    const watch = setInterval(() => {
      if (res.writableLength > MAX_UNSENT_STREAM_BYTES) res.destroy();
    }, 1000);
    watch.unref();
    res.on("close", () => clearInterval(watch));
    next();
  });

  app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h", index: false }));

  // Request bodies are counted as they arrive, by route class (decision 0031); private answers say no-store.
  const remix = remixHandler(build, (_req, res) => ({ cspNonce: res.locals.cspNonce, requestId: res.locals.requestId }));
  // The request id follows the handler's async work: log lines and audit rows carry it.
  app.all("*", (req, res, next) => build.entry.module.runtime.withRequest(res.locals.requestId, () => remix(req, res, next)));
  // Whatever fails outside Remix's own error handling: logged once with the request id and stack.
  // Express's own refusals carry their 4xx (a path that is not valid percent-encoding is 400).
  app.use(((error, req, res, next) => {
    const status = Number((error as { status?: unknown }).status);
    if (status >= 400 && status < 500 && !res.headersSent) {
      const message = error instanceof URIError ? "The URL is not valid percent-encoded UTF-8." : "The request cannot be read.";
      return void res.status(status).json({ error: { code: "bad_request", message, fields: {} } });
    }
    log.error({ err: error, requestId: res.locals.requestId, method: req.method, route: tools.routeOf(req.path) }, "unhandled error");
    if (res.headersSent) return next(error);
    res.status(500).json({ error: { code: "internal", message: "Something went wrong on our side.", fields: {} } });
  }) as express.ErrorRequestHandler);
  return app;
}

async function main() {
  // This server only ever serves a production build: without this, `npm start` (no NODE_ENV)
  // would load React's development build into it, several times slower to render.
  process.env.NODE_ENV = "production";
  const build = (await import(path.join(buildDir, "server/index.js"))) as AppBuild;
  const entry = build.entry.module.runtime;
  await entry.startup();
  const routeOf = routeLabeller(build.routes);
  const metrics = createMetrics(
    {
      eventStreamClients: entry.connectedClients,
      collaborators: entry.collaboratorCount,
      deliveryQueue: entry.deliveryQueueFigures,
      access: entry.metricsAccess,
      limitStoreFallbacks: entry.limitStoreFallbacks,
    },
    log,
  );
  const app = await createApp(build, { routeOf, metrics });
  // The public status page and its API are answered from the in-memory snapshot before Express
  // (server/public-files.ts); they are counted, not logged line by line.
  const publicFiles = publicFastPath(entry.publicSite, { hsts: process.env.HSTS === "1" });
  let stopping = false;
  const server = createServer((req, res) => {
    // While stopping, a kept-alive connection is closed as soon as its response is complete.
    if (stopping) res.setHeader("Connection", "close");
    res.once("close", () => stopping && server.closeIdleConnections());
    let route: string | null = null;
    metrics.observe(req, res, () => route ?? routeOf(pathOf(req.url)));
    if (publicFiles(req, res)) route = ROUTE_LABELS.publicSnapshot;
    else app(req, res);
  });
  // Live post-mortem editing: websockets on /collab only, refused past the message size limit.
  const collab = collabUpgrades({
    sockets: new WebSocketServer({ noServer: true, maxPayload: entry.MAX_COLLAB_MESSAGE_BYTES }),
    accept: (socket, request) => entry.acceptCollaborator(socket, request),
    tooMany: async (request) => (await entry.collabUpgradeRefusal(request))?.retryAfterSeconds ?? null,
    log,
  });
  // The address wrong tokens count against, as for every HTTP request (a value the client sent is replaced).
  server.on("upgrade", (request: IncomingMessage, socket, head: Buffer) => {
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(request);
    collab.upgrade(request, socket, head);
  });
  let reported = { ...publicFiles.hits };
  setInterval(() => {
    const { served, notModified } = publicFiles.hits;
    if (served === reported.served && notModified === reported.notModified) return;
    log.info(
      { served: served - reported.served, notModified: notModified - reported.notModified },
      "public status page requests in the last minute",
    );
    reported = { served, notModified };
  }, 60_000).unref();
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? "0.0.0.0";
  server.keepAliveTimeout = 65_000;
  server.listen(port, host, () => {
    const address = server.address();
    const actual = typeof address === "object" && address ? address.port : port;
    log.info({ port: actual }, `listening on http://localhost:${actual}`);
  });

  // The drain, after SIGTERM's grace (server/not-ready-first.ts): stop accepting, tell event-stream
  // clients when to come back and end their streams, let requests under way finish, then stop the
  // app (collaborators' documents stored, the delivery worker's batch in hand recorded, the
  // database closed) and exit 0. docs/operations.md.
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: no new connections, finishing requests");
    server.close(() => {
      void entry.shutdown().then(
        () => (log.info("stopped"), process.exit(0)),
        (error: unknown) => (log.error({ err: error }, "shutdown failed"), process.exit(1)),
      );
    });
    // Collaborators' sockets would hold close() open; the last one to leave a document stores
    // it, shutdown() waits for that, and their editors reconnect to the next instance.
    collab.closeAll();
    const streams = entry.beginShutdown();
    log.info({ streams }, "event streams ended with a retry hint");
    server.closeIdleConnections();
    // A request still running after this is cut; the hard stop is the last resort.
    setTimeout(() => server.closeAllConnections(), FINISH_REQUESTS_MS).unref();
    setTimeout(() => {
      log.error("shutdown did not finish in time; exiting");
      process.exit(1);
    }, HARD_STOP_MS).unref();
  };
  // Not ready first (/healthz "draining"), the balancer's moment, then the drain above.
  const signalled = notReadyFirst({ graceMs: entry.shutdownReadyGraceMs(), markNotReady: entry.beginDraining, drain: stop, log });
  process.on("SIGTERM", () => signalled("SIGTERM"));
  process.on("SIGINT", () => signalled("SIGINT"));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error) => {
    log.fatal({ err: error }, "failed to start");
    process.exit(1);
  });
}
