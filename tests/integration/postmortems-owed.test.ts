// Post-mortems owed (issue 14, item 8): a resolved SEV1 or SEV2 without a published post-mortem
// is listed on /postmortems and in the insights, due then overdue as days pass, and cleared by
// publishing; the days per severity are a setting, refused with a 422 naming the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import { cookieOf, sectionWriter, signedInApi } from "./postmortem-fixtures.ts";

const DAY = 24 * 60 * 60_000;

describe.each(databases())("post-mortems owed on %s", (database) => {
  let app: TestApp;
  let writer: ReturnType<typeof sectionWriter>;
  let author: Api;
  let reviewer: Api;

  beforeAll(async () => {
    app = await startApp({ database });
    writer = sectionWriter(app.databaseUrl);
    author = await signedInApi(app, "responder@northwind.example");
    reviewer = await signedInApi(app, "kenji.tanaka@northwind.example");
  });
  afterAll(async () => {
    await writer?.close();
    await app?.stop();
  });

  const put = (body: unknown) =>
    app.api.raw("PUT", "/api/v1/postmortem-deadlines", JSON.stringify(body), { "content-type": "application/json" });
  const owedRow = async (ref: string) => {
    const html = (await app.api.get("/postmortems")).body as string;
    const owed = html.slice(html.indexOf('id="owed-heading"'), html.indexOf('aria-label="Filter post-mortems"'));
    const row = owed.split('data-testid="owed-row"').find((r) => r.includes(`>${ref}<`));
    return (
      row
        ?.replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ")
        .trim() ?? null
    );
  };
  const insightsOwed = async () => (await app.api.get("/api/v1/insights")).body.postmortems;

  it("has 5 days for a SEV1, 10 for a SEV2 and none for the others until changed; refuses what is not whole days", async () => {
    expect((await app.api.get("/api/v1/postmortem-deadlines")).body.dueDays).toEqual({ SEV1: 5, SEV2: 10, SEV3: null, SEV4: null });
    const audits = await app.db.count("AuditEvent", `"action" = 'settings.postmortem_deadlines_updated'`);
    for (const [body, field] of [
      [{ SEV1: 0, SEV2: 10, SEV3: null, SEV4: null }, "SEV1"],
      [{ SEV1: 5, SEV2: 2.5, SEV3: null, SEV4: null }, "SEV2"],
      [{ SEV1: 5, SEV2: 10, SEV3: "soon", SEV4: null }, "SEV3"],
      [{ SEV1: 5, SEV2: 10, SEV3: null, SEV4: 366 }, "SEV4"],
      [{ SEV1: 5, SEV2: 10, SEV3: null }, "SEV4"],
    ] as const) {
      const refused = await put(body);
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(refused.body.error.fields)).toEqual([field]);
    }
    // The settings form says the same, by field, with the value kept.
    const cookie = await cookieOf(app, "admin@northwind.example");
    const form = await fetch(`${app.baseUrl}/admin/settings`, {
      method: "POST",
      headers: { cookie, origin: app.baseUrl, accept: "application/json" },
      body: new URLSearchParams({ intent: "postmortem-due", SEV1: "-3", SEV2: "10", SEV3: "", SEV4: "" }),
    });
    expect(form.status).toBe(422);
    expect(await form.text()).toContain("must be a whole number of days from 1 to 365, or null for none");
    expect(await app.db.count("AuditEvent", `"action" = 'settings.postmortem_deadlines_updated'`)).toBe(audits);

    const saved = await put({ SEV1: 3, SEV2: 10, SEV3: 20, SEV4: null });
    expect(saved.body.dueDays).toEqual({ SEV1: 3, SEV2: 10, SEV3: 20, SEV4: null });
    expect(await app.db.count("AuditEvent", `"action" = 'settings.postmortem_deadlines_updated'`)).toBe(audits + 1);
    expect((await put({ SEV1: 5, SEV2: 10, SEV3: null, SEV4: null })).status).toBe(200);
  });

  it("lists a resolved SEV1 as due, then overdue as the days pass, until its post-mortem is published", async () => {
    const started = new Date(Date.now() - 7 * DAY).toISOString();
    const declared = await app.api.post("/api/v1/incidents", {
      title: "Checkout refused every card",
      severity: "SEV1",
      startedAt: started,
      detectedAt: started,
    });
    const { id, ref } = declared.body.incident;
    expect(await owedRow(ref)).toBeNull();
    expect((await app.api.patch(`/api/v1/incidents/${id}`, { status: "resolved" })).status).toBe(200);

    expect(await owedRow(ref)).toMatch(/SEV1 .* Due in 5 days .* Not started/);
    let owed = await insightsOwed();
    expect(owed.owed.incidentIds).toContain(id);
    expect(owed.overdue.incidentIds).not.toContain(id);

    // Resolved (and mitigated) six days ago: a day past the five.
    const sixDaysAgo = new Date(Date.now() - 6 * DAY).toISOString();
    expect((await app.api.patch(`/api/v1/incidents/${id}`, { mitigatedAt: sixDaysAgo, resolvedAt: sixDaysAgo })).status).toBe(200);
    expect(await owedRow(ref)).toMatch(/Overdue by 1 day .* Not started/);
    owed = await insightsOwed();
    expect(owed.overdue.incidentIds).toContain(id);
    expect(owed.items.find((i: { incidentId: string }) => i.incidentId === id)).toMatchObject({
      ref,
      overdue: true,
      days: 1,
      postmortemState: null,
    });
    const listed = (await app.api.get("/insights/incidents?figure=postmortems.overdue")).body as string;
    expect(listed).toContain("Incidents whose post-mortem is overdue");
    expect(listed).toContain(ref);

    // Written, reviewed by a second person, published: no longer owed.
    const pm = (await author.post(`/api/v1/incidents/${id}/postmortem`)).body.postmortem;
    expect(await owedRow(ref)).toMatch(/Overdue by 1 day .* Draft/);
    await writer.complete(pm.id);
    const item = await author.post(`/api/v1/postmortems/${pm.id}/action-items`, {
      title: "Alert on card refusals",
      kind: "prevent",
      ownerEmail: "kenji.tanaka@northwind.example",
      dueAt: "2030-01-31",
    });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    for (const [as, action] of [
      [author, "submit"],
      [reviewer, "approve"],
      [author, "publish"],
    ] as const) {
      const moved = await as.post(`/api/v1/postmortems/${pm.id}/review`, { action });
      expect(moved.status, `${action}: ${JSON.stringify(moved.body)}`).toBe(200);
      if (action !== "publish") expect(await owedRow(ref)).toMatch(/Overdue by 1 day/);
    }
    expect(await owedRow(ref)).toBeNull();
    expect((await insightsOwed()).owed.incidentIds).not.toContain(id);
  });

  it("owes nothing for a severity without days, and follows the setting when it changes", async () => {
    const declared = await app.api.post("/api/v1/incidents", { title: "Search results stale", severity: "SEV3" });
    const { id, ref } = declared.body.incident;
    await app.api.patch(`/api/v1/incidents/${id}`, { status: "resolved", resolvedAt: new Date(Date.now() - 2 * DAY).toISOString() });
    expect(await owedRow(ref)).toBeNull();
    expect((await put({ SEV1: 5, SEV2: 10, SEV3: 1, SEV4: null })).status).toBe(200);
    try {
      expect(await owedRow(ref)).toMatch(/SEV3 .* Overdue by 1 day/);
      expect((await app.api.get(`/api/v1/insights?severity=SEV3`)).body.postmortems.owed.incidentIds).toContain(id);
    } finally {
      await put({ SEV1: 5, SEV2: 10, SEV3: null, SEV4: null });
    }
  });
});
