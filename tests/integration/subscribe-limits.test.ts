// The public subscribe form (decision 0033): limited per email address and per client address
// (429 with a page that says so and Retry-After), and the same answer, from the same work, in a
// comparable time, whether or not the address is already subscribed. The request is queued in the
// outbox and carried out by the delivery worker: here a worker process started for the last test,
// so what the answer itself did can be read before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { startWorkerProcess, type WorkerProcess } from "../setup/delivery-helpers.ts";

const PER_ADDRESS = 5; // SUBSCRIBES_PER_ADDRESS's default, as docs/configuration.md documents it
const PER_CLIENT = 20; // SUBSCRIBES_PER_IP's default

type Answer = { status: number; text: string; retryAfter: string | null; ms: number };

describe.each(databases())("the subscribe form's limits on %s", (database) => {
  let app: TestApp;
  let worker: WorkerProcess | undefined;
  let client = 0;
  /** A client address of its own (TRUST_PROXY=1: the proxy's X-Forwarded-For names it). */
  const newClient = () => `198.51.100.${++client}`;

  const subscribe = async (email: string, from: string, components: string[] = []): Promise<Answer> => {
    const body = new URLSearchParams({ email });
    for (const c of components) body.append("components", c);
    const started = performance.now();
    const response = await fetch(`${app.baseUrl}/status/subscribe`, { method: "POST", headers: { "x-forwarded-for": from }, body });
    const text = await response.text();
    return { status: response.status, text, retryAfter: response.headers.get("retry-after"), ms: performance.now() - started };
  };

  beforeAll(async () => {
    app = await startApp({ database, env: { DELIVERY_WORKER: "off", TRUST_PROXY: "1" } });
  });
  afterAll(async () => {
    await worker?.kill("SIGTERM");
    await app?.stop();
  });

  it(`answers 429 to the ${PER_ADDRESS + 1}th request for one email address within the hour, from any client`, async () => {
    const email = `limited-${database}@example.com`;
    for (let i = 0; i < PER_ADDRESS; i++) expect((await subscribe(email, newClient())).status).toBe(200);
    const refused = await subscribe(email.toUpperCase(), newClient());
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.text).toContain("Too many subscription requests for this email address.");
    expect(refused.text).toMatch(/Try again in \d+ minutes/);
    expect((await subscribe(`other-${database}@example.com`, newClient())).status).toBe(200);
  });

  it(`answers 429 once one client has asked for ${PER_CLIENT} addresses, whatever the next address`, async () => {
    const from = newClient();
    for (let i = 0; i < PER_CLIENT; i++) expect((await subscribe(`many-${i}-${database}@example.com`, from)).status).toBe(200);
    const refused = await subscribe(`one-more-${database}@example.com`, from);
    expect(refused.status).toBe(429);
    expect(refused.text).toContain("Too many subscription requests from your network.");
    // Malformed requests count too, and are refused the same way once the client has had its share.
    expect((await subscribe("not an address", from)).status).toBe(429);
    expect((await subscribe(`one-more-${database}@example.com`, newClient())).status).toBe(200);
  });

  it("answers a known address and a new one the same, after the same work, in a comparable time", async () => {
    const known = Array.from({ length: 8 }, (_, i) => `known-${i}-${database}@example.com`);
    for (const email of known) {
      const created = await app.api.post("/api/v1/subscribers", { email, confirmedAt: "2026-01-05T10:00:00Z" });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const fresh = known.map((_, i) => `fresh-${i}-${database}@example.com`);
    const subscribersBefore = await app.db.count("Subscriber");
    const deliveriesBefore = await app.db.count("Delivery");

    const timings = { known: [] as number[], fresh: [] as number[] };
    for (let i = 0; i < known.length; i++) {
      const a = await subscribe(known[i], newClient());
      const b = await subscribe(fresh[i], newClient());
      expect([a.status, b.status]).toEqual([200, 200]);
      // The same page, word for word, but for the address it repeats.
      expect(a.text.replaceAll(known[i], "ADDRESS")).toBe(b.text.replaceAll(fresh[i], "ADDRESS"));
      timings.known.push(a.ms);
      timings.fresh.push(b.ms);
    }
    // The same work: one request queued in the outbox each, nothing read from or written to the subscribers.
    expect(await app.db.count("Subscriber")).toBe(subscribersBefore);
    expect(await app.db.count("Delivery")).toBe(deliveriesBefore + 2 * known.length);
    const queued = await app.db.rows<{ recipient: string; kind: string; state: string }>(
      `SELECT "recipient", "kind", "state" FROM "Delivery" WHERE "recipient" IN (${[...known, ...fresh].map(() => "?").join(", ")})`,
      ...known,
      ...fresh,
    );
    expect(queued.map((r) => `${r.kind}/${r.state}`)).toEqual(Array(2 * known.length).fill("subscribe-request/queued"));
    // Time: medians within a tolerance a loaded machine keeps (the structural check above is the real one).
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const [k, f] = [median(timings.known), median(timings.fresh)];
    expect(Math.abs(k - f), `medians ${k.toFixed(1)} ms and ${f.toFixed(1)} ms`).toBeLessThan(Math.max(25, 0.5 * Math.max(k, f)));
  });

  it("carries the requests out in the worker: a confirmation to a new address, none to a confirmed one, whose choice stays", async () => {
    const components = (await app.api.get("/api/v2/components.json")).body.components as { id: string; group: boolean }[];
    const someComponent = components.find((c) => !c.group)!.id;
    const known = `known-0-${database}@example.com`;
    expect((await subscribe(known, newClient(), [someComponent])).status).toBe(200);
    worker = await startWorkerProcess(app, {});

    const fresh = `fresh-0-${database}@example.com`;
    const until = Date.now() + 60_000;
    while ((await app.db.count("Delivery", `"kind" = 'subscribe-request'`)) > 0 && Date.now() < until)
      await new Promise((r) => setTimeout(r, 200));
    expect(await app.db.count("Delivery", `"kind" = 'subscribe-request'`)).toBe(0);
    while ((await app.db.count("OutboxEmail", `"to" = ?`, fresh)) === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    expect(await app.db.count("OutboxEmail", `"to" = ?`, fresh)).toBe(1);
    expect(await app.db.count("OutboxEmail", `"to" = ?`, known)).toBe(0);
    const listed = (await app.api.get(`/api/v1/subscribers?search=${encodeURIComponent(known)}`)).body.subscribers as {
      email: string;
      components: unknown[];
    }[];
    expect(listed.find((s) => s.email === known)!.components).toEqual([]);
  });
});
