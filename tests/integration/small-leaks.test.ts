// Small leaks (issue 13, item 11): links that leave the app are built from the configured page
// URL, never from the Host a request names; a client's X-Request-Id reaches the audit log and
// the log line only as a short token of safe characters; answers for signed-in people and the
// API are not stored by caches (signed-in-answers-not-cached.test.ts); the sign-in page offers the demo logins
// only while they work (demo-logins.test.ts).
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { cookieOf, generatedPostmortem, signedInApi } from "./postmortem-fixtures.ts";

const CONFIGURED = "https://desk.northwind.example";
const FORGED = "evil.example";

type Raw = { status: number; headers: http.IncomingHttpHeaders; text: string };

/** A request with headers fetch will not send as given (a forged Host). */
function raw(baseUrl: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, baseUrl), { method, headers, agent: false }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

describe.each(databases())("small leaks on %s", (database) => {
  let app: TestApp;
  let responder: string;
  let postmortemId: string;

  beforeAll(async () => {
    // Request lines are logged at info.
    app = await startApp({ database, env: { LOG_LEVEL: "info" } });
    const settings = new URLSearchParams({
      name: "Northwind",
      publicUrl: CONFIGURED,
      timeZone: "Europe/Berlin",
      uptimePartialWeight: "0.3",
      uptimeDegradedWeight: "0.1",
    });
    const saved = await fetch(`${app.baseUrl}/admin/settings`, {
      method: "POST",
      headers: { authorization: `Bearer ${app.adminToken}` },
      body: settings,
      redirect: "manual",
    });
    expect(saved.status).toBe(200);
    responder = await cookieOf(app, "responder@northwind.example");
    postmortemId = (await generatedPostmortem(app, await signedInApi(app, "responder@northwind.example"))).id;
  });
  afterAll(() => app?.stop());

  const forged = (extra: Record<string, string> = {}) => ({
    host: FORGED,
    "x-forwarded-host": FORGED,
    "x-forwarded-proto": "https",
    ...extra,
  });
  const absoluteLinks = (text: string) => [...text.matchAll(/https?:\/\/[^\s)"'<>\]]+/g)].map((m) => m[0]);

  it("builds the Markdown export's links from the configured page URL, whatever Host the request names", async () => {
    const md = await raw(app.baseUrl, "GET", `/postmortems/${postmortemId}.md`, forged({ cookie: responder }));
    expect(md.status).toBe(200);
    expect(md.text).toContain(`${CONFIGURED}/incidents/`);
    expect(md.text).not.toContain(FORGED);
    expect(absoluteLinks(md.text).filter((l) => !l.startsWith(CONFIGURED))).toEqual([]);
  });

  it("builds the API's markdown fields from it too: the post-mortem, a section, a section just written", async () => {
    const token = { authorization: `Bearer ${app.adminToken}`, "content-type": "application/json" };
    const whole = await raw(app.baseUrl, "GET", `/api/v1/postmortems/${postmortemId}`, forged(token));
    expect(whole.status).toBe(200);
    const sections = JSON.parse(whole.text).postmortem.sections as { key: string; markdown: string }[];
    expect(sections.some((s) => s.markdown.includes(CONFIGURED))).toBe(true);
    expect(whole.text).not.toContain(FORGED);

    const doc = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [{ type: "text", text: "the room", marks: [{ type: "link", attrs: { href: "/incidents/INC-1" } }] }],
        },
      ],
    };
    const written = await raw(
      app.baseUrl,
      "PUT",
      `/api/v1/postmortems/${postmortemId}/sections/impact`,
      forged(token),
      JSON.stringify({ doc }),
    );
    expect(written.status, written.text).toBe(200);
    expect(JSON.parse(written.text).section.markdown).toContain(`](${CONFIGURED}/incidents/INC-1)`);
    const read = await raw(app.baseUrl, "GET", `/api/v1/postmortems/${postmortemId}/sections/impact`, forged(token));
    expect(JSON.parse(read.text).section.markdown).toContain(`](${CONFIGURED}/incidents/INC-1)`);
    expect(read.text + written.text).not.toContain(FORGED);
  });

  it("builds the links of the confirmation email from it, whatever Host the subscribe form was posted to", async () => {
    const email = `forged-host-${database}@example.com`;
    const posted = await raw(
      app.baseUrl,
      "POST",
      "/status/subscribe",
      forged({ "content-type": "application/x-www-form-urlencoded" }),
      `email=${encodeURIComponent(email)}`,
    );
    expect(posted.status).toBe(200);
    let mail: { html: string; text: string } | undefined;
    for (let i = 0; i < 100 && !mail; i++) {
      [mail] = await app.db.rows<{ html: string; text: string }>(`SELECT "html", "text" FROM "OutboxEmail" WHERE "to" = ?`, email);
      if (!mail) await new Promise((r) => setTimeout(r, 100));
    }
    expect(mail, "the confirmation email").toBeDefined();
    expect(mail!.html + mail!.text).toContain(`${CONFIGURED}/status/subscriptions/`);
    expect(mail!.html + mail!.text).not.toContain(FORGED);
  });

  it("keeps a client's X-Request-Id only as a short token of safe characters, in the audit row and the log line", async () => {
    const incident = (await app.api.post("/api/v1/incidents", { title: "Traced by the client", severity: "SEV4" })).body.incident as {
      id: string;
    };
    const change = (requestId: string) =>
      raw(
        app.baseUrl,
        "PATCH",
        `/api/v1/incidents/${incident.id}`,
        { authorization: `Bearer ${app.adminToken}`, "content-type": "application/json", "x-request-id": requestId },
        JSON.stringify({ summary: `Traced ${requestId.length}.` }),
      );
    const refused = [
      "<script>alert(1)</script>",
      "x".repeat(10 * 1024),
      "id-with-a-space inside",
      `lb-${"7".repeat(70)}`,
      "=HYPERLINK",
      "-rf",
      "ünïcödé",
    ];
    for (const sent of refused) {
      const answer = await change(sent);
      expect(answer.status, sent.slice(0, 40)).toBe(200);
      const id = answer.headers["x-request-id"] as string;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const rows = await app.db.rows<{ requestId: string; after: unknown }>(
        `SELECT "requestId", "after" FROM "AuditEvent" WHERE "entityId" = ? AND "action" = 'incident.updated'`,
        incident.id,
      );
      const row = rows.find((r) => JSON.stringify(r.after).includes(`Traced ${sent.length}.`));
      expect(row?.requestId, sent.slice(0, 40)).toBe(id);
    }
    const kept = await change("lb-7f3a.91:abc");
    expect(kept.headers["x-request-id"]).toBe("lb-7f3a.91:abc");

    // A newline cannot be sent through a client library: the header line is written by hand.
    const injected = await new Promise<string>((resolve, reject) => {
      const socket = new net.Socket();
      const body = JSON.stringify({ summary: "Traced by hand" });
      socket.connect(Number(new URL(app.baseUrl).port), "127.0.0.1", () =>
        socket.end(
          `PATCH /api/v1/incidents/${incident.id} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${app.adminToken}\r\n` +
            `Content-Type: application/json\r\nX-Request-Id: first-line\n injected-line\r\n` +
            `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
        ),
      );
      let text = "";
      socket.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    expect(injected).toMatch(/^HTTP\/1\.1 [24]\d\d/);
    const stored = await app.db.rows<{ requestId: string | null }>(
      `SELECT "requestId" FROM "AuditEvent" WHERE "entityId" = ?`,
      incident.id,
    );
    for (const { requestId } of stored) expect(requestId ?? "").toMatch(/^[A-Za-z0-9][A-Za-z0-9._:+=/-]{0,63}$/);

    await new Promise((r) => setTimeout(r, 200));
    const logs = app.logs();
    expect(logs).toContain('"requestId":"lb-7f3a.91:abc"');
    for (const sent of refused) expect(logs).not.toContain(sent.slice(0, 30));
    expect(logs).not.toContain("injected-line");
  });
});
