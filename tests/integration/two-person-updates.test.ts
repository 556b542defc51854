// The two-person rule on status-page updates means two people: whoever approves a SEV1 update
// or a root-cause report wrote none of its text. The author and everyone who edited it (through
// the comms form, the API, a token) are its contributors, listed by the API and in the audit
// log, and each way of approving refuses them with 403 and the reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import { cookieOf, signedInApi } from "./postmortem-fixtures.ts";

const DANA = "responder@northwind.example";
const ELENA = "comms@northwind.example";
const TOMAS = "tomas.rivera@northwind.example";
const PRIYA = "admin@northwind.example";
const EDITOR_REFUSAL = "You edited this update's text; someone who did not must approve it.";

type Person = { id: string; name: string };
type Update = { id: string; state: string; body: string; approvedBy: Person | null; contributors: Person[] };

describe.each(databases())("the two-person rule on status updates on %s", (database) => {
  let app: TestApp;
  /** Dana Whitfield, a responder: the author of the drafts here */
  let dana: Api;
  /** Elena Marsh (comms), who rewrites Dana's drafts */
  let elena: Api;
  let elenaCookie: string;
  /** Tomás Rivera (comms): a third person, who wrote nothing */
  let tomas: Api;
  let people: Record<string, Person>;

  /** Posts the comms tab's form as a browser does. */
  const commsForm = (cookie: string, incidentId: string, fields: Record<string, string>) =>
    fetch(`${app.baseUrl}/incidents/${incidentId}/comms`, {
      method: "POST",
      headers: { cookie, origin: app.baseUrl },
      body: new URLSearchParams(fields),
      redirect: "manual",
    });

  const read = async (id: string) => (await app.api.get(`/api/v1/updates/${id}`)).body.update as Update;
  const publicText = async () => (await fetch(`${app.baseUrl}/api/v2/incidents.json`)).text();

  async function declare(severity: string) {
    const response = await app.api.post("/api/v1/incidents", {
      title: `Two people ${severity} ${Math.random().toString(36).slice(2, 8)}`,
      severity,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.incident.id as string;
  }

  /** A SEV1 draft by Dana, sent for approval. */
  async function danasSev1Draft(body = "Chat is unavailable for most customers. We are investigating.") {
    const incidentId = await declare("SEV1");
    const drafted = await dana.post(`/api/v1/incidents/${incidentId}/updates`, { status: "investigating", body });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    const sent = await dana.post(`/api/v1/updates/${drafted.body.update.id}/request-approval`);
    expect(sent.body.update.state).toBe("awaiting_approval");
    return { incidentId, update: sent.body.update as Update };
  }

  const auditOf = (id: string) =>
    app.db.rows<{ action: string; actorId: string; after: unknown }>(
      `SELECT "action", "actorId", "after" FROM "AuditEvent" WHERE "entityType" = 'StatusUpdate' AND "entityId" = ? ORDER BY "at", "id"`,
      id,
    );
  const json = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value) as Record<string, unknown>;

  beforeAll(async () => {
    app = await startApp({ database });
    [dana, elena, tomas] = await Promise.all([DANA, ELENA, TOMAS].map((email) => signedInApi(app, email)));
    elenaCookie = await cookieOf(app, ELENA);
    const byEmail = async (email: string) => {
      const row = (await app.db.rows<Person>(`SELECT "id", "name" FROM "User" WHERE "email" = ?`, email))[0];
      return { id: row.id, name: row.name };
    };
    people = { dana: await byEmail(DANA), elena: await byEmail(ELENA), tomas: await byEmail(TOMAS), priya: await byEmail(PRIYA) };
  });
  afterAll(() => app?.stop());

  it("refuses the comms user who rewrote someone else's SEV1 draft through the form: approving is 403 and changes nothing", async () => {
    const { incidentId, update } = await danasSev1Draft();
    const rewritten = "All systems are back to normal. No data was affected.";
    const edited = await commsForm(elenaCookie, incidentId, { intent: "edit", updateId: update.id, body: rewritten });
    expect(edited.status).toBe(200);
    expect(await read(update.id)).toMatchObject({ body: rewritten, state: "awaiting_approval", contributors: [people.dana, people.elena] });

    const approved = await commsForm(elenaCookie, incidentId, { intent: "approve", updateId: update.id });
    expect(approved.status).toBe(403);
    expect(await approved.text()).toContain(EDITOR_REFUSAL.replace("'", "&#x27;"));
    expect(await read(update.id)).toMatchObject({ state: "awaiting_approval", approvedBy: null, body: rewritten });

    // Nor by the API, nor published alone.
    const byApi = await elena.post(`/api/v1/updates/${update.id}/approve`);
    expect(byApi.status).toBe(403);
    expect(byApi.body.error).toMatchObject({ code: "forbidden", message: EDITOR_REFUSAL });
    expect((await commsForm(elenaCookie, incidentId, { intent: "publish", updateId: update.id })).status).toBe(409);
    expect(await publicText()).not.toContain(rewritten);
    expect(await app.db.count("AuditEvent", `"entityId" = ? AND "action" = 'update.approved'`, update.id)).toBe(0);

    // A third person, who wrote none of it, approves; then it may go out.
    const third = await tomas.post(`/api/v1/updates/${update.id}/approve`);
    expect(third.status, JSON.stringify(third.body)).toBe(200);
    expect(third.body.update).toMatchObject({ state: "approved", approvedBy: people.tomas, contributors: [people.dana, people.elena] });
    expect((await commsForm(elenaCookie, incidentId, { intent: "publish", updateId: update.id })).status).toBe(200);
    expect(await publicText()).toContain(rewritten);

    // The audit log says who wrote it at each step, and who approved it.
    const audit = await auditOf(update.id);
    expect(audit.map((a) => a.action)).toEqual([
      "update.drafted",
      "update.approval_requested",
      "update.edited",
      "update.approved",
      "update.published",
    ]);
    expect(json(audit[0].after).contributors).toEqual([people.dana]);
    expect(audit[2].actorId).toBe(people.elena.id);
    expect(json(audit[2].after).contributors).toEqual([people.dana, people.elena]);
    expect(audit[3].actorId).toBe(people.tomas.id);
    expect(json(audit[3].after).contributors).toEqual([people.dana, people.elena]);
    expect(json(audit[4].after)).toMatchObject({ approvedBy: people.tomas, contributors: [people.dana, people.elena] });
  });

  it("refuses an editor who edited through the API, whichever way they then approve (session, their token)", async () => {
    const { incidentId, update } = await danasSev1Draft();
    const patched = await app.api.patch(`/api/v1/updates/${update.id}`, { body: "Rewritten by an admin's token." });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.update.contributors).toEqual([people.dana, people.priya]);

    const priya = await signedInApi(app, PRIYA);
    const bySession = await priya.post(`/api/v1/updates/${update.id}/approve`);
    expect(bySession.status).toBe(403);
    expect(bySession.body.error.message).toBe(EDITOR_REFUSAL);
    const commsToken = await app.api.post("/api/v1/tokens", { name: "comms token of the editor", role: "comms" });
    const byOtherToken = await api(app.baseUrl, commsToken.body.token).post(`/api/v1/updates/${update.id}/approve`);
    expect(byOtherToken.status).toBe(403);
    expect((await commsForm(await cookieOf(app, PRIYA), incidentId, { intent: "approve", updateId: update.id })).status).toBe(403);
    expect((await read(update.id)).state).toBe("awaiting_approval");
  });

  it("refuses the author by every way in, and lets the author publish once someone else approved", async () => {
    const { incidentId, update } = await danasSev1Draft();
    const own = await dana.post(`/api/v1/updates/${update.id}/approve`);
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/^The author of an update cannot approve it/);
    expect((await commsForm(await cookieOf(app, DANA), incidentId, { intent: "approve", updateId: update.id })).status).toBe(403);
    expect((await read(update.id)).contributors).toEqual([people.dana]);
    expect((await tomas.post(`/api/v1/updates/${update.id}/approve`)).status).toBe(200);
  });

  it("keeps the editors when an approved update is edited: the approval is withdrawn and the editor cannot give it again", async () => {
    const { incidentId, update } = await danasSev1Draft();
    expect((await tomas.post(`/api/v1/updates/${update.id}/approve`)).status).toBe(200);
    const edited = await commsForm(elenaCookie, incidentId, { intent: "edit", updateId: update.id, body: "Reworded after the approval." });
    expect(edited.status).toBe(200);
    expect(await read(update.id)).toMatchObject({
      state: "awaiting_approval",
      approvedBy: null,
      contributors: [people.dana, people.elena],
    });
    expect((await elena.post(`/api/v1/updates/${update.id}/approve`)).status).toBe(403);
    expect((await elena.post(`/api/v1/updates/${update.id}/publish`)).status).toBe(409);
    // Tomás wrote none of it: he may approve the new words.
    expect((await tomas.post(`/api/v1/updates/${update.id}/approve`)).status).toBe(200);
  });

  it("asks nothing more where no approval is needed: comms rewrites a SEV3 draft and publishes it", async () => {
    const incidentId = await declare("SEV3");
    const drafted = await dana.post(`/api/v1/incidents/${incidentId}/updates`, {
      status: "investigating",
      body: "Slow page loads for some.",
    });
    const edited = await elena.patch(`/api/v1/updates/${drafted.body.update.id}`, { body: "Some customers see slow page loads." });
    expect(edited.body.update.contributors).toEqual([people.dana, people.elena]);
    const published = await elena.post(`/api/v1/updates/${drafted.body.update.id}/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
  });

  it("never ends approved by an editor when the edit and the approval arrive together", async () => {
    for (let round = 0; round < 4; round++) {
      const { update } = await danasSev1Draft();
      await Promise.all([
        elena.patch(`/api/v1/updates/${update.id}`, { body: `Raced rewrite ${round}.` }),
        elena.post(`/api/v1/updates/${update.id}/approve`),
      ]);
      const after = await read(update.id);
      if (after.contributors.some((c) => c.id === people.elena.id))
        expect(after).toMatchObject({ state: "awaiting_approval", approvedBy: null });
    }
  });

  it("counts the author of every update, however it was written: demo data, the API, a maintenance notice", async () => {
    const component = (await app.api.get("/api/v1/components")).body.components.find((c: { group: boolean }) => !c.group).id;
    const window = {
      scheduledFor: new Date(Date.now() + 86_400_000).toISOString(),
      scheduledUntil: new Date(Date.now() + 90_000_000).toISOString(),
    };
    const scheduled = await elena.post("/api/v1/maintenances", {
      title: "Database failover drill",
      ...window,
      components: [component],
      notify: false,
    });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
    expect((await read(scheduled.body.maintenance.updates[0].id)).contributors).toEqual([people.elena]);
    const withoutAuthor = await app.db.count(
      "StatusUpdate",
      `NOT EXISTS (SELECT 1 FROM "UpdateContributor" c WHERE c."updateId" = "StatusUpdate"."id" AND c."userId" = "StatusUpdate"."authorId")`,
    );
    expect(withoutAuthor).toBe(0);
    expect(await app.db.count("StatusUpdate")).toBeGreaterThan(10);
  });

  it("holds the public root-cause report to it: whoever edited the report cannot approve it", async () => {
    const pm = (await app.api.post("/api/v1/incidents/INC-2/postmortem")).body.postmortem;
    const doc = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "A router limit applied to whole clusters." }] }],
    };
    expect(
      (
        await app.api.raw("PUT", `/api/v1/postmortems/${pm.id}/sections/root_cause`, JSON.stringify({ doc }), {
          "content-type": "application/json",
        })
      ).status,
    ).toBe(200);
    const drafted = await elena.post(`/api/v1/postmortems/${pm.id}/public-report`);
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    const report = drafted.body.update as Update;
    expect(report.contributors).toEqual([people.elena]);

    const edited = await tomas.patch(`/api/v1/updates/${report.id}`, { body: `${report.body}\n\nWe are sorry.` });
    expect(edited.status).toBe(200);
    const refused = await tomas.post(`/api/v1/updates/${report.id}/approve`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("You edited this root-cause report's text; someone who did not must approve it.");
    expect((await elena.post(`/api/v1/updates/${report.id}/approve`)).status).toBe(403);
    expect((await read(report.id)).state).toBe("draft");
    const approved = await dana.post(`/api/v1/updates/${report.id}/approve`);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.update.contributors).toEqual([people.elena, people.tomas]);
  });
  it("lets a responder send a SEV1 draft for approval from the composer, and publish nothing alone elsewhere", async () => {
    const danaCookie = await cookieOf(app, DANA);
    const sev1 = await declare("SEV1");
    const fields = {
      intent: "submit-for-approval",
      status: "investigating",
      body: "Sign-in fails for most customers. We are investigating.",
    };
    const sent = await commsForm(danaCookie, sev1, fields);
    expect(sent.status, await sent.clone().text()).toBe(200);
    const [mine] = (await app.api.get(`/api/v1/incidents/${sev1}/updates`)).body.updates as Update[];
    expect(mine).toMatchObject({ state: "awaiting_approval", contributors: [people.dana] });
    // The API's publish: true is the same request: sent for approval where a second person must approve…
    const viaApi = await dana.post(`/api/v1/incidents/${sev1}/updates`, {
      status: "investigating",
      body: "Still investigating.",
      publish: true,
    });
    expect(viaApi.status, JSON.stringify(viaApi.body)).toBe(201);
    expect(viaApi.body.update.state).toBe("awaiting_approval");
    // …and refused where it would publish at once, which a responder may not do.
    const sev3 = await declare("SEV3");
    const refused = await commsForm(danaCookie, sev3, { ...fields, intent: "publish-new" });
    expect(refused.status).toBe(403);
    expect((await dana.post(`/api/v1/incidents/${sev3}/updates`, { status: "investigating", body: "x", publish: true })).status).toBe(403);
    expect((await app.api.get(`/api/v1/incidents/${sev3}/updates`)).body.updates).toEqual([]);
  });
});
