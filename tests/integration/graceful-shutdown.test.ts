// SIGTERM on the real server, as an orchestrator sends it before replacing an instance: it
// stops accepting connections, lets a request under way finish, ends event streams with a
// retry hint, finishes the email batch in hand and takes no other, and exits 0 soon after.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { addConfirmedSubscribers, noticesOf, publishNotifyingUpdate } from "../setup/delivery-helpers.ts";
import { startResendStandIn, type ResendStandIn } from "../setup/resend-stand-in.ts";
import { openEventStream } from "../setup/sse-client.ts";

const SEND_MS = 1_500;
const EXIT_WITHIN_MS = 10_000;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(done: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await delay(25);
  }
}

async function postsInFlight(app: TestApp): Promise<number> {
  const response = await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${app.adminToken}` } });
  const line = (await response.text()).split("\n").find((l) => l.startsWith('incident_desk_http_requests_in_flight{method="POST"}'));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

describe.each(databases())("graceful shutdown on %s", (database) => {
  let standIn: ResendStandIn;
  let app: TestApp;

  beforeAll(async () => {
    // Each batch takes SEND_MS at the provider, so one is surely in hand when SIGTERM arrives.
    standIn = await startResendStandIn({ delayMs: SEND_MS });
    app = await startApp({
      database,
      env: { RESEND_API_KEY: standIn.apiKey, RESEND_BASE_URL: standIn.url, EMAIL_REQUESTS_PER_SECOND: "50" },
    });
    await addConfirmedSubscribers(app.api, `shutdown-${database}`, 300);
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await standIn?.close();
  });

  it("refuses new connections, finishes the request under way, ends event streams with a retry hint, leaves no delivery sending, exits 0", async () => {
    const { updateId } = await publishNotifyingUpdate(app.api, `Shutdown ${database}`);
    const incident = ((await app.api.get("/api/v1/incidents")).body.incidents as { id: string }[])[0];

    const stream = await openEventStream(`${app.baseUrl}/api/v1/incidents/${incident.id}/events`, { token: app.adminToken });
    await until(() => stream.retries.length > 0, 5_000, "the stream's first retry hint");

    // A request under way: a timeline entry whose body is still arriving when SIGTERM comes.
    let sendRest!: () => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"body":"Typed before the restart, '));
        sendRest = () => {
          controller.enqueue(new TextEncoder().encode('sent after it began"}'));
          controller.close();
        };
      },
    });
    const inFlight = fetch(`${app.baseUrl}/api/v1/incidents/${incident.id}/timeline`, {
      method: "POST",
      headers: { authorization: `Bearer ${app.adminToken}`, "content-type": "application/json", accept: "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    await until(() => standIn.inFlight() > 0, 20_000, "an email batch in the provider's hands");
    // The server has the request (headers read, body still coming) before the signal, not a
    // connection still waiting in the listen queue, which closing the server would reset.
    await until(async () => (await postsInFlight(app)) === 1, 5_000, "the timeline entry's request reaching the server");

    const signalled = Date.now();
    process.kill(app.pid, "SIGTERM");
    await delay(300);

    await expect(fetch(`${app.baseUrl}/healthz`)).rejects.toThrow();
    await until(() => stream.closed, 3_000, "the event stream's end");
    const hint = stream.retries.at(-1)!;
    expect(stream.retries.length).toBe(2);
    expect(hint).toBeGreaterThanOrEqual(1_000);
    expect(hint).toBeLessThanOrEqual(5_000);

    await delay(SEND_MS * 2);
    sendRest();
    const response = await inFlight;
    expect(response.status).toBe(201);
    const created = (await response.json()) as { entry: { id: string } };

    const exit = await Promise.race([app.exited, delay(EXIT_WITHIN_MS).then(() => null)]);
    expect(exit, `still running ${EXIT_WITHIN_MS} ms after SIGTERM:\n${app.logs()}`).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(EXIT_WITHIN_MS + 300);

    expect(await app.db.count("TimelineEntry", `"id" = ?`, created.entry.id)).toBe(1);
    // The batch in hand was finished and recorded; no other was taken; nothing is left "sending".
    const requests = new Set(noticesOf(standIn, updateId).map((e) => e.request));
    const sent = await app.db.count("Delivery", `"updateId" = ? AND "state" = 'sent'`, updateId);
    expect(requests.size).toBe(1);
    expect(sent).toBe(noticesOf(standIn, updateId).length);
    expect(await app.db.count("Delivery", `"state" = 'sending'`)).toBe(0);
    expect(await app.db.count("Delivery", `"updateId" = ? AND "state" = 'queued'`, updateId)).toBeGreaterThan(0);
  }, 180_000);
});
