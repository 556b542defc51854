// "Nothing internal is public until published" (decision 0007), on an incident that is already public:
// its draft, the update awaiting approval, the approved one not yet published and a discarded one never
// reach /status, its incident page, the history, the uptime page, the widget, the v2 JSON, the feeds,
// the subscribers' emails or the webhooks, nor move a component; neither does an incident never
// published, a root-cause report awaiting approval, nor what only the room knows (the internal title,
// summary, timeline, people and component impact). Checked after every kind of rebuild of the public
// snapshot: a publish, a catalog change, a maintenance step (by a person and by the clock), the hourly
// rebuild, and a restart on the same database.
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../setup/app-process.ts";
import { databases, freshDatabase, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import type { TestDatabase } from "../setup/test-databases.ts";
import { signedInApi } from "./postmortem-fixtures.ts";
import { json, leaks, readPublic, uptimeOf } from "./public-paths.ts";

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CLOCK_JUMP = pathToFileURL(path.join(REPO_ROOT, "tests/setup/clock-jump.mjs")).href;
/** The maintenance clock's tick (5 s), and room for a rebuild on a busy machine. */
const TICK_AND_SLACK_MS = 5_000 + 10_000;

type Received = { body: string };

function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ body });
      res.writeHead(204).end();
    });
  });
  return new Promise<{ url: string; received: Received[]; close: () => Promise<void> }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://localhost:${port}/hook`, received, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms (last: ${JSON.stringify(value).slice(0, 300)})`);
    await delay(200);
  }
}

describe.each(databases())("nothing internal is public until published, on %s", (kind) => {
  const stamp = Math.random().toString(36).slice(2, 8);
  /** Words only the room has; none may appear on any public path, in any email or webhook. */
  const SECRET = {
    internalTitle: `internal-title-${stamp}`,
    summary: `internal-summary-${stamp}`,
    entry: `internal-entry-${stamp}`,
    draft: `draft-body-${stamp}`,
    draftTitle: `draft-title-${stamp}`,
    awaiting: `awaiting-approval-body-${stamp}`,
    approved: `approved-unpublished-body-${stamp}`,
    discarded: `discarded-body-${stamp}`,
    neverPublishedTitle: `never-published-title-${stamp}`,
    neverPublishedDraft: `never-published-draft-${stamp}`,
    report: `report-awaiting-approval-${stamp}`,
  };
  const PUBLIC_NAME = `Public name ${stamp}`;
  const PUBLIC_BODY = [`public-body-one-${stamp}`, `public-body-two-${stamp}`];
  const reader = `reader-${stamp}@example.com`;

  let database: TestDatabase;
  let app: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let secondPerson: Api;
  /** the people of the incident: their names are internal too */
  let people: { id: string; name: string }[];
  const component: Record<"published" | "drafted" | "internal" | "untouched" | "maintained", { id: string; name: string }> = {} as never;
  let incident: string;
  let neverPublished: string;
  let resolvedWithReport: string;
  const drafts: Record<"draft" | "awaiting" | "approved" | "discarded" | "neverPublished" | "report", string> = {} as never;
  /** What the public must see of the incident: the published updates (newest first), its status and impact. */
  const expected = {
    updates: [] as string[],
    status: "investigating",
    impact: "minor",
    reportIncidentUpdates: [] as string[],
    maintained: "operational",
  };

  const secrets = () => [...Object.values(SECRET), ...people.map((p) => p.name)];
  const start = () =>
    startApp({
      database: kind,
      databaseUrl: database.url,
      env: { WEBHOOK_ALLOWED_HOSTS: "localhost", NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${CLOCK_JUMP}`.trim() },
    });

  async function created<T = { id: string }>(path: string, body: unknown, key: string, as: Api = app.api): Promise<T> {
    const response = await as.post(path, body);
    expect(response.status, `POST ${path}: ${JSON.stringify(response.body)}`).toBe(201);
    return response.body[key] as T;
  }

  async function draft(incidentId: string, body: Record<string, unknown>): Promise<string> {
    return (await created(`/api/v1/incidents/${incidentId}/updates`, { notify: true, ...body }, "update")).id;
  }

  async function publish(body: Record<string, unknown>): Promise<void> {
    const update = await created<{ id: string; state: string }>(
      `/api/v1/incidents/${incident}/updates`,
      { notify: true, publish: true, ...body },
      "update",
    );
    expect(update.state).toBe("published");
    expected.updates.unshift(update.id);
  }

  /** The whole public side, now: nothing internal anywhere, and what was published where it belongs. */
  async function expectNothingInternal(when: string): Promise<void> {
    const reads = await readPublic(app.baseUrl, [incident, resolvedWithReport]);
    for (const [path, read] of reads) expect(read.status, `${path} ${when}`).toBe(200);
    expect(leaks(reads, secrets()), when).toEqual([]);
    expect((await fetch(`${app.baseUrl}/status/incidents/${neverPublished}`)).status, when).toBe(404);

    // The published words are there: the check above read real pages.
    const latest = PUBLIC_BODY[expected.updates.length - 1];
    for (const path of ["/status", `/status/incidents/${incident}`, "/api/v2/incidents.json", "/history.atom", "/history.rss"]) {
      expect(reads.get(path)!.text, `${path} ${when}`).toContain(latest);
    }
    for (const path of ["/status/history", "/status/embed", "/api/v2/summary.json"])
      expect(reads.get(path)!.text, `${path} ${when}`).toContain(PUBLIC_NAME);

    const incidents = json<{
      incidents: {
        id: string;
        name: string;
        status: string;
        impact: string;
        incident_updates: { id: string }[];
        components: { id: string }[];
      }[];
    }>(reads, "/api/v2/incidents.json").incidents;
    expect(
      incidents.map((i) => i.id),
      when,
    ).not.toContain(neverPublished);
    const shown = incidents.find((i) => i.id === incident)!;
    expect({ name: shown.name, status: shown.status, impact: shown.impact }, when).toEqual({
      name: PUBLIC_NAME,
      status: expected.status,
      impact: expected.impact,
    });
    expect(
      shown.incident_updates.map((u) => u.id),
      when,
    ).toEqual(expected.updates);
    expect(
      shown.components.map((c) => c.id),
      when,
    ).toEqual([component.published.id]);
    const report = incidents.find((i) => i.id === resolvedWithReport)!;
    expect({ status: report.status, updates: report.incident_updates.map((u) => u.id) }, when).toEqual({
      status: "resolved",
      updates: expected.reportIncidentUpdates,
    });
    for (const path of ["/api/v2/incidents/unresolved.json", "/api/v2/summary.json"] as const) {
      const ids = json<{ incidents: { id: string }[] }>(reads, path).incidents.map((i) => i.id);
      expect(ids, `${path} ${when}`).toContain(incident);
      expect(ids, `${path} ${when}`).not.toContain(neverPublished);
    }

    const statuses = new Map(
      json<{ components: { id: string; status: string }[] }>(reads, "/api/v2/components.json").components.map((c) => [c.id, c.status]),
    );
    expect(Object.fromEntries(Object.entries(component).map(([role, c]) => [role, statuses.get(c.id)])), when).toEqual({
      published: expected.status === "identified" ? "partial_outage" : "degraded_performance",
      drafted: "operational",
      internal: "operational",
      untouched: "operational",
      maintained: expected.maintained,
    });
    const uptime = reads.get("/status/uptime")!.text;
    for (const c of [component.drafted, component.internal, component.untouched])
      expect(uptimeOf(uptime, c.name), `${c.name} ${when}`).toBe("100.00%");
  }

  beforeAll(async () => {
    receiver = await startReceiver();
    database = await freshDatabase(kind);
    app = await start();
    secondPerson = await signedInApi(app, "comms@northwind.example");
    people = await app.db.rows<{ id: string; name: string }>(
      `SELECT "id", "name" FROM "User" WHERE "email" IN (?, ?, ?) ORDER BY "email"`,
      ...["responder", "comms", "viewer"].map((role) => `${role}@northwind.example`),
    );
    expect(people).toHaveLength(3);
    expect(
      (await app.api.post("/api/v1/subscribers", { email: reader, confirmedAt: new Date(Date.now() - 60_000).toISOString() })).status,
    ).toBe(201);
    await created(
      "/api/v1/webhooks",
      { url: receiver.url, secret: "a-long-enough-secret-0123456789", events: ["incident", "component"] },
      "webhook",
    );
    for (const role of ["published", "drafted", "internal", "untouched", "maintained"] as const) {
      component[role] = {
        id: (await created("/api/v1/components", { name: `Public check ${role} ${stamp}` }, "component")).id,
        name: `Public check ${role} ${stamp}`,
      };
    }

    // An incident as the room knows it: internal title, summary, people, an impact only it records.
    incident = (
      await created(
        "/api/v1/incidents",
        {
          title: SECRET.internalTitle,
          severity: "SEV3",
          summary: SECRET.summary,
          components: [{ id: component.internal.id, impact: "major_outage" }],
        },
        "incident",
      )
    ).id;
    const [commander, commsLead, scribe] = people;
    expect(
      (await app.api.patch(`/api/v1/incidents/${incident}`, { commanderId: commander.id, commsLeadId: commsLead.id, scribeId: scribe.id }))
        .status,
    ).toBe(200);
    await created(`/api/v1/incidents/${incident}/timeline`, { body: SECRET.entry, pinned: true }, "entry");
    await publish({
      status: "investigating",
      title: PUBLIC_NAME,
      body: PUBLIC_BODY[0],
      components: [{ id: component.published.id, status: "degraded_performance" }],
    });

    // Now public: a draft (which would rename it), one awaiting approval, one approved and not published, one to discard.
    // The draft also names the component maintenance will hold: every maintenance step recomputes it.
    drafts.draft = await draft(incident, {
      status: "identified",
      title: SECRET.draftTitle,
      body: SECRET.draft,
      components: ["published", "drafted", "maintained"].map((role) => ({
        id: component[role as keyof typeof component].id,
        status: "major_outage",
      })),
    });
    drafts.awaiting = await draft(incident, {
      status: "monitoring",
      body: SECRET.awaiting,
      components: [{ id: component.drafted.id, status: "partial_outage" }],
    });
    expect((await app.api.post(`/api/v1/updates/${drafts.awaiting}/request-approval`)).body.update.state).toBe("awaiting_approval");
    drafts.approved = await draft(incident, {
      status: "resolved",
      body: SECRET.approved,
      components: [{ id: component.drafted.id, status: "major_outage" }],
    });
    expect((await secondPerson.post(`/api/v1/updates/${drafts.approved}/approve`)).body.update.state).toBe("approved");
    drafts.discarded = await draft(incident, {
      status: "identified",
      body: SECRET.discarded,
      components: [{ id: component.drafted.id, status: "degraded_performance" }],
    });
    // Maintenance announced for next week holds nothing before it starts (its component is recomputed at every step).
    const nextWeek = Date.now() + 7 * 24 * 3_600_000;
    await created(
      "/api/v1/maintenances",
      {
        title: `Next week ${stamp}`,
        scheduledFor: new Date(nextWeek).toISOString(),
        scheduledUntil: new Date(nextWeek + 3_600_000).toISOString(),
        components: [component.maintained.id],
      },
      "maintenance",
    );

    // An incident never published, with a SEV1 update approved by a second person and not published.
    neverPublished = (
      await created(
        "/api/v1/incidents",
        { title: SECRET.neverPublishedTitle, severity: "SEV1", components: [{ id: component.drafted.id, impact: "major_outage" }] },
        "incident",
      )
    ).id;
    drafts.neverPublished = await draft(neverPublished, {
      status: "investigating",
      title: SECRET.neverPublishedTitle,
      body: SECRET.neverPublishedDraft,
      publish: true,
      components: [{ id: component.drafted.id, status: "major_outage" }],
    });
    expect((await secondPerson.post(`/api/v1/updates/${drafts.neverPublished}/approve`)).body.update.state).toBe("approved");

    // A public root-cause report awaiting its second person, on a resolved public incident of the demo.
    resolvedWithReport = (await app.api.get("/api/v1/incidents/INC-2")).body.incident.id;
    expected.reportIncidentUpdates = json<{ incidents: { id: string; incident_updates: { id: string }[] }[] }>(
      await readPublic(app.baseUrl),
      "/api/v2/incidents.json",
    )
      .incidents.find((i) => i.id === resolvedWithReport)!
      .incident_updates.map((u) => u.id);
    const postmortem = await created<{ id: string }>("/api/v1/incidents/INC-2/postmortem", undefined, "postmortem");
    const rootCause = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: SECRET.report }] }] };
    expect(
      (
        await app.api.raw("PUT", `/api/v1/postmortems/${postmortem.id}/sections/root_cause`, JSON.stringify({ doc: rootCause }), {
          "content-type": "application/json",
        })
      ).status,
    ).toBe(200);
    drafts.report = (await created<{ id: string }>(`/api/v1/postmortems/${postmortem.id}/public-report`, undefined, "update")).id;
    expect((await app.api.post(`/api/v1/updates/${drafts.report}/request-approval`)).body.update.state).toBe("awaiting_approval");
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
    await receiver?.close();
  });

  it("keeps them off every public path after a publish", async () => {
    await publish({ status: "identified", body: PUBLIC_BODY[1], components: [{ id: component.published.id, status: "partial_outage" }] });
    Object.assign(expected, { status: "identified", impact: "major" });
    await expectNothingInternal("after a publish");
    // Discarded after the snapshot was built while it was a draft: it stays off too.
    expect((await app.api.delete(`/api/v1/updates/${drafts.discarded}`)).status).toBe(204);
  });

  it("keeps them off after a change to the components catalog, which the public sees at once", async () => {
    const renamed = `Public check untouched renamed ${stamp}`;
    const patched = await app.api.patch(`/api/v1/components/${component.untouched.id}`, {
      name: renamed,
      description: `catalog-change-${stamp}`,
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    component.untouched.name = renamed;
    const shown = json<{ components: { id: string; name: string; description: string }[] }>(
      await readPublic(app.baseUrl),
      "/api/v2/components.json",
    ).components;
    expect(shown.find((c) => c.id === component.untouched.id)).toMatchObject({ name: renamed, description: `catalog-change-${stamp}` });
    await expectNothingInternal("after a catalog change");
  });

  it("keeps them off after maintenance steps taken by a person and by the clock", async () => {
    const window = (fromNowMs: number) => ({
      title: `Public check window ${stamp}`,
      scheduledFor: new Date(Date.now() + fromNowMs).toISOString(),
      scheduledUntil: new Date(Date.now() + fromNowMs + 3 * 3_600_000).toISOString(),
      components: [component.maintained.id],
    });
    const now = await created<{ id: string; status: string }>("/api/v1/maintenances", window(-1_000), "maintenance");
    expect(now.status).toBe("in_progress");
    expected.maintained = "under_maintenance";
    await expectNothingInternal("after a maintenance window started on scheduling");
    expect((await app.api.post(`/api/v1/maintenances/${now.id}`, { status: "completed" })).status).toBe(200);
    expected.maintained = "operational";
    await expectNothingInternal("after a person completed a maintenance window");

    await created("/api/v1/maintenances", window(2_000), "maintenance");
    await until(
      "the clock starts the window",
      async () =>
        json<{ components: { id: string; status: string }[] }>(await readPublic(app.baseUrl), "/api/v2/components.json").components.find(
          (c) => c.id === component.maintained.id,
        )?.status,
      (status) => status === "under_maintenance",
      2_000 + TICK_AND_SLACK_MS,
    );
    expected.maintained = "under_maintenance";
    await expectNothingInternal("after the clock started a maintenance window");
  });

  it("keeps them off after the hourly rebuild", async () => {
    // A change the app does not announce (written straight into the database) shows once the hourly rebuild has read it.
    const marker = `hourly-rebuild-${stamp}`;
    expect(await app.db.execute(`UPDATE "Component" SET "description" = ? WHERE "id" = ?`, marker, component.untouched.id)).toBe(1);
    process.kill(app.pid, "SIGUSR2");
    await until(
      "the hourly rebuild",
      async () =>
        json<{ components: { id: string; description: string | null }[] }>(
          await readPublic(app.baseUrl),
          "/api/v2/components.json",
        ).components.find((c) => c.id === component.untouched.id)?.description,
      (description) => description === marker,
      TICK_AND_SLACK_MS,
    );
    await expectNothingInternal("after the hourly rebuild");
  });

  it("sent subscribers and webhooks only what was published, and nothing for the drafts", async () => {
    const mails = await until(
      "the notices of both published updates",
      () =>
        app.db.rows<{ subject: string; text: string; html: string }>(
          `SELECT "subject", "text", "html" FROM "OutboxEmail" WHERE "to" = ?`,
          reader,
        ),
      (rows) => PUBLIC_BODY.every((body) => rows.some((r) => r.text.includes(body))),
      60_000,
    );
    for (const body of PUBLIC_BODY) expect(mails.find((m) => m.text.includes(body))!.subject, body).toContain(PUBLIC_NAME);
    // At least the second update's webhook: the first one's can be dead-lettered when the delivery worker takes
    // it before the snapshot that first shows the incident is built ("the update is not on the public page").
    const hooks = await until(
      "a webhook about the incident",
      async () => receiver.received,
      (r) => r.some((h) => h.body.includes(incident)),
      60_000,
    ).catch(async (error: Error) => {
      const rows = await app.db.rows(`SELECT "updateId", "state", "attempts", "lastError" FROM "Delivery" WHERE "channel" = 'webhook'`);
      throw new Error(`${error.message}\nwebhook deliveries: ${JSON.stringify(rows)}`);
    });
    const found = [...mails.map((m) => `${m.subject}\n${m.text}\n${m.html}`), ...hooks.map((h) => h.body)].flatMap((text) =>
      secrets().filter((s) => text.includes(s)),
    );
    expect(found).toEqual([]);
    type Hook = { component_update?: { component_id: string } };
    const changed = hooks.map((h) => (JSON.parse(h.body) as Hook).component_update?.component_id);
    for (const c of [component.drafted, component.internal, component.untouched]) expect(changed, c.name).not.toContain(c.id);
    const ids = Object.values(drafts);
    expect(await app.db.count("Delivery", `"updateId" IN (${ids.map(() => "?").join(", ")})`, ...ids)).toBe(0);
  });

  it("keeps them off after a restart on the same database", async () => {
    await app.stop();
    app = await start();
    await expectNothingInternal("after a restart");
  });
});
