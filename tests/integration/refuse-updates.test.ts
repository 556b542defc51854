// Refusing an update awaiting approval (decision 0046): someone who could approve it sends it back
// to its author as a draft with a reason, through the API or the comms tab. The author is told in
// the bell, the card keeps the reason until the draft is sent again, and the audit log has the
// refusal. The author (or an editor) cannot refuse it (403), only an update awaiting approval can
// be refused (409), and a missing or overlong reason is a 422 naming "reason" that writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import { cookieOf, signedInApi } from "./postmortem-fixtures.ts";

const DANA = "responder@northwind.example";
const TOMAS = "tomas.rivera@northwind.example";
const REASON = "Names the wrong region: it is eu-west, not us-east.";

type Person = { id: string; name: string };
type Update = { id: string; state: string; approvedBy: Person | null; returned: { by: Person | null; at: string; reason: string } | null };
type Note = { kind: string; text: string; link: string };

describe.each(databases())("refusing a status update on %s", (database) => {
  let app: TestApp;
  /** Dana Whitfield, a responder: the author */
  let dana: Api;
  /** Tomás Rivera (comms), who wrote none of it */
  let tomas: Api;
  let tomasCookie: string;

  const read = async (id: string) => (await app.api.get(`/api/v1/updates/${id}`)).body.update as Update;
  const audit = (id: string) =>
    app.db.rows<{ action: string; after: unknown }>(
      `SELECT "action", "after" FROM "AuditEvent" WHERE "entityType" = 'StatusUpdate' AND "entityId" = ? ORDER BY "at", "id"`,
      id,
    );
  const json = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value) as Record<string, unknown>;
  const danasNotes = async () => (await dana.get("/api/v1/notifications?limit=100")).body.notifications as Note[];
  const events = (incidentId: string) => app.db.count("IncidentEvent", `"incidentId" = ?`, incidentId);

  async function awaitingApproval() {
    const declared = await app.api.post("/api/v1/incidents", {
      title: `Refuse ${Math.random().toString(36).slice(2, 8)}`,
      severity: "SEV1",
    });
    const incidentId = declared.body.incident.id as string;
    const drafted = await dana.post(`/api/v1/incidents/${incidentId}/updates`, {
      status: "investigating",
      body: "Chat is down in us-east.",
    });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    const sent = await dana.post(`/api/v1/updates/${drafted.body.update.id}/request-approval`);
    expect(sent.body.update.state).toBe("awaiting_approval");
    return { incidentId, id: drafted.body.update.id as string };
  }

  /** Nothing written: still awaiting approval, no refusal in the audit log, no new event. */
  async function unchanged(incidentId: string, id: string, eventsBefore: number) {
    expect((await read(id)).state).toBe("awaiting_approval");
    expect((await read(id)).returned).toBeNull();
    expect((await audit(id)).map((a) => a.action)).not.toContain("update.refused");
    expect(await events(incidentId)).toBe(eventsBefore);
  }

  beforeAll(async () => {
    app = await startApp({ database });
    [dana, tomas] = await Promise.all([DANA, TOMAS].map((email) => signedInApi(app, email)));
    tomasCookie = await cookieOf(app, TOMAS);
  });
  afterAll(() => app?.stop());

  it("returns the update to its author as a draft with the reason, audited, announced and told to the author", async () => {
    const { incidentId, id } = await awaitingApproval();
    const eventsBefore = await events(incidentId);
    const refused = await tomas.post(`/api/v1/updates/${id}/refuse`, { reason: `  ${REASON}  ` });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    expect(refused.body.update).toMatchObject({
      state: "draft",
      approvedBy: null,
      returned: { by: { name: "Tomás Rivera" }, reason: REASON },
    });
    expect((await read(id)).returned?.reason).toBe(REASON);

    const rows = await audit(id);
    const row = rows.find((r) => r.action === "update.refused");
    expect(json(row?.after)).toMatchObject({ state: "draft", reason: REASON });
    expect(await events(incidentId)).toBe(eventsBefore + 1);

    const note = (await danasNotes()).find((n) => n.kind === "approval_refused" && n.link.endsWith(`#update-${id}`));
    expect(note?.text).toMatch(new RegExp(`^Tomás Rivera refused your update on INC-\\d+: “${REASON}”$`));

    // Sent again, the refusal is gone; it may be refused again or approved.
    const again = await dana.post(`/api/v1/updates/${id}/request-approval`);
    expect(again.body.update).toMatchObject({ state: "awaiting_approval", returned: null });
    expect((await tomas.post(`/api/v1/updates/${id}/approve`)).body.update.state).toBe("approved");
  });

  it("refuses the author with 403: they edit or discard it instead, and nothing changes", async () => {
    const { incidentId, id } = await awaitingApproval();
    const before = await events(incidentId);
    const response = await dana.post(`/api/v1/updates/${id}/refuse`, { reason: REASON });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/author of an update cannot refuse it/);
    await unchanged(incidentId, id, before);
  });

  it("refuses with 409 an update that is not awaiting approval (a draft, a published one)", async () => {
    const { incidentId, id } = await awaitingApproval();
    expect((await tomas.post(`/api/v1/updates/${id}/refuse`, { reason: REASON })).status).toBe(200);
    const twice = await tomas.post(`/api/v1/updates/${id}/refuse`, { reason: REASON });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/this one is draft/);
    await tomas.post(`/api/v1/updates/${id}/approve`, { publish: true });
    expect((await read(id)).state).toBe("published");
    const published = await tomas.post(`/api/v1/updates/${id}/refuse`, { reason: REASON });
    expect(published.status).toBe(409);
    expect((await audit(id)).filter((a) => a.action === "update.refused")).toHaveLength(1);
    expect(incidentId).toBeTruthy();
  });

  it("wants a reason of 1 to 500 characters: 422 naming reason, nothing written", async () => {
    const { incidentId, id } = await awaitingApproval();
    const before = await events(incidentId);
    for (const body of [{}, { reason: "   " }, { reason: "x".repeat(501) }, { reason: 42 }]) {
      const response = await tomas.post(`/api/v1/updates/${id}/refuse`, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(response.body.error.fields)).toContain("reason");
    }
    const extra = await tomas.post(`/api/v1/updates/${id}/refuse`, { reason: REASON, publish: true });
    expect(extra.status).toBe(422);
    await unchanged(incidentId, id, before);
  });

  it("refuses through the comms tab's form, with the same rules", async () => {
    const { incidentId, id } = await awaitingApproval();
    const post = (fields: Record<string, string>) =>
      fetch(`${app.baseUrl}/incidents/${incidentId}/comms`, {
        method: "POST",
        headers: { cookie: tomasCookie, origin: app.baseUrl },
        body: new URLSearchParams(fields),
        redirect: "manual",
      });
    const before = await events(incidentId);
    const empty = await post({ intent: "refuse", updateId: id, reason: "" });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("must say why the update is refused");
    await unchanged(incidentId, id, before);

    const author = await fetch(`${app.baseUrl}/incidents/${incidentId}/comms`, {
      method: "POST",
      headers: { cookie: await cookieOf(app, DANA), origin: app.baseUrl },
      body: new URLSearchParams({ intent: "refuse", updateId: id, reason: REASON }),
      redirect: "manual",
    });
    expect(author.status).toBe(403);
    await unchanged(incidentId, id, before);

    const done = await post({ intent: "refuse", updateId: id, reason: REASON });
    expect(done.status).toBe(200);
    expect(await read(id)).toMatchObject({ state: "draft", returned: { by: { name: "Tomás Rivera" }, reason: REASON } });
  });
});
