// A browser that stops reading (a frozen tab, a stalled proxy) must not make the server
// buffer its events without end: its stream is dropped and it catches up on reconnect.
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../setup/app-server.ts";
import { openEventStream } from "../setup/sse-client.ts";

const BIG_ENTRY = "x".repeat(19_000);
const POSTS = 160; // about 40 KB a frame: 6 MB, more than loopback buffers and the 1 MB allowance

describe("a client that stops reading its event stream", () => {
  let app: TestApp;
  let incident: { id: string; lastSeq: number };

  beforeAll(async () => {
    app = await startApp({ database: "sqlite" });
    incident = (await app.api.post("/api/v1/incidents", { title: "Stalled reader", severity: "SEV3" })).body.incident;
  });
  afterAll(() => app?.stop());

  it("is dropped instead of buffered, and gets everything on reconnect with Last-Event-ID", async () => {
    const url = new URL(`${app.baseUrl}/api/v1/incidents/${incident.id}/events`);
    const socket: Socket = connect(Number(url.port), url.hostname);
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write(
      `GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${app.adminToken}\r\nLast-Event-ID: ${incident.lastSeq}\r\n\r\n`,
    );
    socket.pause(); // never read: the kernel buffers fill, then the server's

    for (let i = 0; i < POSTS; i++) {
      const response = await app.api.post(`/api/v1/incidents/${incident.id}/timeline`, { body: `${i} ${BIG_ENTRY}` });
      expect(response.status).toBe(201);
    }
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // the server checks once a second

    // Reading now, the stalled connection ends before it has delivered every event.
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (received += chunk));
    const ended = await new Promise<boolean>((resolve) => {
      socket.once("close", () => resolve(true));
      setTimeout(() => resolve(false), 10_000);
      socket.resume();
    });
    expect(ended).toBe(true);
    const delivered = (received.match(/^id: /gm) ?? []).length;
    expect(delivered).toBeLessThan(POSTS);

    // Reconnecting from the last event it did get, it receives exactly the rest.
    const lastSeen = Math.max(incident.lastSeq, ...[...received.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1])));
    const again = await openEventStream(url.toString(), { token: app.adminToken, lastEventId: lastSeen });
    const rest = await again.waitForCount(incident.lastSeq + POSTS - lastSeen, 15_000);
    again.close();
    expect(rest.map((e) => Number(e.id))).toEqual(Array.from({ length: incident.lastSeq + POSTS - lastSeen }, (_, i) => lastSeen + i + 1));
  }, 120_000);
});
