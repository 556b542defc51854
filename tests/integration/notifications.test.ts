// People are told (issue 14 item 6): each change that asks something of someone, or answers
// them, writes their notification with it; each person reads and marks only their own; an
// approver who may publish approves and publishes in one step, and nobody who wrote the text
// does; the incident's commander publishes only when the organisation allows it.
// (The people and helpers: notifications.scene.ts.)
import { beforeAll, describe, expect, it } from "vitest";
import { databases, type TestApp } from "../setup/app-server.ts";
import { cookieOf, generatedPostmortem, type sectionWriter } from "./postmortem-fixtures.ts";
import { EMAILS, useNotificationsScene } from "./notifications.scene.ts";

describe.each(databases())("notifications on %s", (database) => {
  const { scene, as, ids, notesOf, kindsFor, declare, elenasSev1Update, stateOf, auditActions } = useNotificationsScene(database);
  let app: TestApp;
  let writer: ReturnType<typeof sectionWriter>;
  beforeAll(() => void ({ app, writer } = scene));

  it("asking for approval tells everyone who may approve except the author; approving tells the author", async () => {
    const { incidentId, updateId } = await elenasSev1Update();
    expect(await kindsFor(incidentId)).toEqual({
      priya: ["approval_requested"],
      marcus: ["approval_requested"],
      dana: ["approval_requested"],
      kenji: ["approval_requested"],
      sofia: ["approval_requested"],
      tomas: ["approval_requested"],
    });
    const [asked] = await notesOf("dana", incidentId);
    expect(asked).toMatchObject({
      text: expect.stringMatching(/^Elena Marsh asks for approval of an update on INC-\d+: “Chat is down for most customers\.”$/),
      link: `/incidents/${incidentId}/comms#update-${updateId}`,
      readAt: null,
    });

    expect((await as.dana.post(`/api/v1/updates/${updateId}/approve`)).status).toBe(200);
    const told = await notesOf("elena", incidentId);
    expect(told).toEqual([
      expect.objectContaining({
        kind: "approval_given",
        text: expect.stringMatching(/^Dana Whitfield approved your update on INC-\d+\.$/),
      }),
    ]);
  });

  it("a SEV1 update sent for approval as it is drafted asks too, and nothing is written when the draft is refused", async () => {
    const incidentId = await declare("SEV1");
    const refused = await as.elena.post(`/api/v1/incidents/${incidentId}/updates`, {
      status: "investigating",
      body: "x",
      components: [{ id: "nope", status: "major_outage" }],
      publish: true,
    });
    expect(refused.status).toBe(422);
    expect(await kindsFor(incidentId)).toEqual({});
    const sent = await as.elena.post(`/api/v1/incidents/${incidentId}/updates`, {
      status: "investigating",
      body: "Chat is slow.",
      publish: true,
    });
    expect(sent.body.update.state).toBe("awaiting_approval");
    expect(Object.keys(await kindsFor(incidentId)).sort()).toEqual(["dana", "kenji", "marcus", "priya", "sofia", "tomas"]);
  });

  it("the bell's stream sends the count at once and again, without asking, when a notification arrives", async () => {
    const cookie = await cookieOf(app, EMAILS.sofia);
    const controller = new AbortController();
    const stream = await fetch(`${app.baseUrl}/api/v1/notifications/events`, { headers: { cookie }, signal: controller.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = stream.body!.getReader();
    let buffered = "";
    const nextCount = async (): Promise<number> => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const match = /event: count\ndata: (\{[^\n]*\})\n\n/.exec(buffered);
        if (match) {
          buffered = buffered.slice(match.index + match[0].length);
          return JSON.parse(match[1]).unread as number;
        }
        if (Date.now() > deadline) throw new Error(`no count in: ${buffered}`);
        const { value, done } = await reader.read();
        if (done) throw new Error("the stream ended");
        buffered += new TextDecoder().decode(value);
      }
    };
    try {
      const first = await nextCount();
      expect(first).toBe((await as.sofia.get("/api/v1/notifications")).body.unread);
      await elenasSev1Update();
      expect(await nextCount()).toBe(first + 1);
      await as.sofia.post("/api/v1/notifications/read", { all: true });
      expect(await nextCount()).toBe(0);
    } finally {
      controller.abort();
    }
  });

  it("each person reads and marks only their own; the count follows", async () => {
    const { incidentId } = await elenasSev1Update();
    const [danas] = await notesOf("dana", incidentId);
    const before = (await as.dana.get("/api/v1/notifications")).body.unread as number;
    expect(before).toBeGreaterThan(0);

    const someoneElse = await as.kenji.post("/api/v1/notifications/read", { ids: [danas.id] });
    expect(someoneElse.body).toMatchObject({ marked: 0 });
    expect((await notesOf("dana", incidentId))[0].readAt).toBeNull();

    const own = await as.dana.post("/api/v1/notifications/read", { ids: [danas.id] });
    expect(own.body).toEqual({ marked: 1, unread: before - 1 });
    expect((await notesOf("dana", incidentId))[0].readAt).not.toBeNull();

    const bad = await as.dana.post("/api/v1/notifications/read", { ids: "all" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toHaveProperty("ids");
    const badQuery = await as.dana.get("/api/v1/notifications?limit=0");
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.fields).toHaveProperty("limit");

    const all = await as.dana.post("/api/v1/notifications/read", { all: true });
    expect(all.body.unread).toBe(0);
    expect((await as.dana.get("/api/v1/notifications?unread=1")).body.notifications).toEqual([]);
  });

  it("Approve and publish: one request, both steps audited; never by the author; 403 for a role that may not publish, with nothing changed", async () => {
    const { incidentId, updateId } = await elenasSev1Update();
    const byAuthor = await as.elena.post(`/api/v1/updates/${updateId}/approve`, { publish: true });
    expect(byAuthor.status).toBe(403);
    expect(byAuthor.body.error.message).toMatch(/author of an update cannot approve it/);
    const byResponder = await as.dana.post(`/api/v1/updates/${updateId}/approve`, { publish: true });
    expect(byResponder.status).toBe(403);
    expect(await stateOf(updateId)).toMatchObject({ state: "awaiting_approval", approvedBy: null });
    const bad = await as.tomas.post(`/api/v1/updates/${updateId}/approve`, { publish: "yes" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toHaveProperty("publish");

    const done = await as.tomas.post(`/api/v1/updates/${updateId}/approve`, { publish: true });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.update).toMatchObject({ state: "published", approvedBy: { id: ids.tomas } });
    expect(await auditActions(updateId)).toEqual([
      `update.drafted by ${ids.elena}`,
      `update.approval_requested by ${ids.elena}`,
      `update.approved by ${ids.tomas}`,
      `update.published by ${ids.tomas}`,
    ]);
    const publicPage = await (await fetch(`${app.baseUrl}/api/v2/incidents.json`)).text();
    expect(publicPage).toContain("Chat is down for most customers.");
    expect((await notesOf("elena", incidentId)).map((n) => n.text)).toEqual([
      expect.stringMatching(/^Tomás Rivera approved and published your update on INC-\d+\.$/),
    ]);
  });

  it("the incident's commander may publish only while the setting is on, and a SEV1 still needs a second person", async () => {
    const incidentId = await declare("SEV2", { commanderId: ids.kenji });
    const draft = async () =>
      (await as.kenji.post(`/api/v1/incidents/${incidentId}/updates`, { status: "investigating", body: "Search is slow." })).body.update
        .id as string;
    const first = await draft();
    const off = await as.kenji.post(`/api/v1/updates/${first}/publish`);
    expect(off.status).toBe(403);
    expect((await stateOf(first)).state).toBe("draft");

    const adminCookie = await cookieOf(app, EMAILS.priya);
    const turnOn = await fetch(`${app.baseUrl}/admin/settings`, {
      method: "POST",
      headers: { cookie: adminCookie, origin: app.baseUrl },
      body: new URLSearchParams([
        ["intent", "commander-publish"],
        ["commanderMayPublish", "off"],
        ["commanderMayPublish", "on"],
      ]),
    });
    expect(turnOn.status).toBe(200);
    const audited = await app.db.rows<{ actorId: string }>(
      `SELECT "actorId" FROM "AuditEvent" WHERE "action" = 'settings.commander_may_publish_updated'`,
    );
    expect(audited.map((r) => r.actorId)).toEqual([ids.priya]);

    expect((await as.sofia.post(`/api/v1/updates/${first}/publish`)).status).toBe(403);
    const on = await as.kenji.post(`/api/v1/updates/${first}/publish`);
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    expect(on.body.update.state).toBe("published");

    const sev1 = await declare("SEV1", { commanderId: ids.kenji });
    const sev1Draft = (await as.kenji.post(`/api/v1/incidents/${sev1}/updates`, { status: "investigating", body: "Login fails." })).body
      .update.id as string;
    const alone = await as.kenji.post(`/api/v1/updates/${sev1Draft}/publish`);
    expect(alone.status).toBe(409);

    const bad = await fetch(`${app.baseUrl}/admin/settings`, {
      method: "POST",
      headers: { cookie: adminCookie, origin: app.baseUrl },
      body: new URLSearchParams({ intent: "commander-publish", commanderMayPublish: "maybe" }),
    });
    expect(bad.status).toBe(422);
    const turnOff = await fetch(`${app.baseUrl}/admin/settings`, {
      method: "POST",
      headers: { cookie: adminCookie, origin: app.baseUrl },
      body: new URLSearchParams({ intent: "commander-publish", commanderMayPublish: "off" }),
    });
    expect(turnOff.status).toBe(200);
    expect((await as.kenji.post(`/api/v1/updates/${await draft()}/publish`)).status).toBe(403);
  });

  it("a post-mortem: submitting asks its reviewers, returning tells its author, a new action item owner is told", async () => {
    const pm = await generatedPostmortem(app, as.dana);
    await writer.complete(pm.id);
    const item = await as.dana.post(`/api/v1/postmortems/${pm.id}/action-items`, {
      title: "Bound router fan-out",
      kind: "prevent",
      ownerEmail: EMAILS.kenji,
      dueAt: "2030-01-31",
    });
    expect(item.status).toBe(201);
    const [{ incidentId }] = await app.db.rows<{ incidentId: string }>(`SELECT "incidentId" FROM "Postmortem" WHERE "id" = ?`, pm.id);
    expect(await kindsFor(incidentId)).toEqual({ kenji: ["action_item_assigned"] });

    expect((await as.dana.post(`/api/v1/postmortems/${pm.id}/review`, { action: "submit" })).status).toBe(200);
    const told = await kindsFor(incidentId);
    expect(told).toEqual({
      priya: ["review_requested"],
      marcus: ["review_requested"],
      kenji: ["review_requested", "action_item_assigned"],
      sofia: ["review_requested"],
    });
    expect((await notesOf("sofia", incidentId))[0].link).toBe(`/postmortems/${pm.id}`);

    expect(
      (await as.kenji.post(`/api/v1/postmortems/${pm.id}/review`, { action: "return", note: "Say what the trigger was." })).status,
    ).toBe(200);
    const answer = await notesOf("dana", incidentId);
    expect(answer).toEqual([
      expect.objectContaining({ kind: "approval_refused", text: expect.stringContaining("Kenji Tanaka returned the post-mortem") }),
    ]);
    expect(answer[0].text).toContain("“Say what the trigger was.”");
  });

  it("a promised update about to be missed tells the comms lead and the commander, once", async () => {
    const incidentId = await declare("SEV3", { commanderId: ids.kenji });
    expect((await app.api.patch(`/api/v1/incidents/${incidentId}`, { commsLeadId: ids.tomas })).status).toBe(200);
    const published = await as.tomas.post(`/api/v1/incidents/${incidentId}/updates`, {
      status: "investigating",
      body: "Email is delayed.",
      nextUpdateInMinutes: 5,
      publish: true,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    await expect.poll(async () => (await notesOf("kenji", incidentId)).length, { timeout: 15_000, interval: 500 }).toBe(1);
    const [reminder] = await notesOf("tomas", incidentId);
    expect(reminder).toMatchObject({
      kind: "promise_due",
      link: `/incidents/${incidentId}/comms`,
      text: expect.stringMatching(/^The next update promised on INC-\d+ \(.+\) is due in [45] minutes\.$/),
    });
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(await kindsFor(incidentId)).toEqual({ kenji: ["promise_due"], tomas: ["promise_due"] });
  });
});
