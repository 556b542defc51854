// The scene of public-until-published.test.ts: an incident already public with a draft, an update awaiting
// approval, an approved one not yet published and one to discard; an incident never published; a root-cause
// report awaiting approval; components in each role; a subscriber and a webhook receiver.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "vitest";
import { REPO_ROOT } from "../setup/app-process.ts";
import { freshDatabase, startApp, type Api, type DatabaseKind, type TestApp } from "../setup/app-server.ts";
import type { TestDatabase } from "../setup/test-databases.ts";
import { startReceiver } from "../setup/webhook-receiver.ts";
import { signedInApi } from "./postmortem-fixtures.ts";
import { json, readPublic } from "./public-paths.ts";

const CLOCK_JUMP = pathToFileURL(path.join(REPO_ROOT, "tests/setup/clock-jump.mjs")).href;

export type PublicScene = ReturnType<typeof publicScene>;

/** The scene for one database; `setUp` builds it (in a beforeAll), `restart` restarts the app on the same database. */
export function publicScene(kind: DatabaseKind) {
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

  async function setUp(): Promise<void> {
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
  }

  async function tearDown(): Promise<void> {
    await app?.stop();
    await database?.drop();
    await receiver?.close();
  }

  async function restart(): Promise<void> {
    await app.stop();
    app = await start();
  }

  return {
    stamp,
    SECRET,
    PUBLIC_NAME,
    PUBLIC_BODY,
    reader,
    component,
    drafts,
    expected,
    get app() {
      return app;
    },
    get receiver() {
      return receiver;
    },
    get incident() {
      return incident;
    },
    get neverPublished() {
      return neverPublished;
    },
    get resolvedWithReport() {
      return resolvedWithReport;
    },
    secrets,
    created,
    publish,
    setUp,
    tearDown,
    restart,
  };
}
