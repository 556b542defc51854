// The timeline captured from Slack (issue 16, item 3): a 📌 reaction, a pin or the "Add to
// timeline" shortcut on a message in an incident's channel, sent as Slack signs them, against a
// real app whose Slack is the stand-in. Asserted through the app's timeline API and the calls
// the stand-in recorded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases } from "../setup/app-server.ts";
import { PEOPLE, startSlackScene, type SlackScene } from "../setup/slack-scene.ts";
import { waitFor } from "../setup/slack-requests.ts";

describe.each(databases())("the timeline from Slack on %s", (database) => {
  let scene: SlackScene;
  let incident: { incidentId: string; number: number; channelId: string };
  beforeAll(async () => {
    scene = await startSlackScene(database);
    incident = await scene.declare("SEV2", "Search results are empty");
  }, 60_000);
  afterAll(() => scene?.stop());

  const entries = async () => (await scene.app.api.get(`/api/v1/incidents/${incident.incidentId}/timeline`)).body.entries as any[];
  const fromSlack = async (words: string) => (await entries()).filter((e) => e.body.includes(words));
  const pushpin = (user: string, ts: string, reaction = "pushpin") => ({
    type: "reaction_added",
    user,
    reaction,
    item: { type: "message", channel: incident.channelId, ts },
    item_user: PEOPLE.kenji.id,
    event_ts: `${Date.now() / 1000}`,
  });
  const pin = (user: string, ts: string, extra: Record<string, unknown> = {}) => ({
    type: "pin_added",
    user,
    channel_id: incident.channelId,
    item: { type: "message", channel: incident.channelId, created_by: user, message: { type: "message", ts, text: "…", ...extra } },
    event_ts: `${Date.now() / 1000}`,
  });
  const shortcut = (user: string, ts: string, message: Record<string, unknown> = {}) => ({
    type: "message_action",
    callback_id: "add_to_timeline",
    trigger_id: "12345.98765.abcd2358fdea",
    team: { id: "T0TEST" },
    user: { id: user, name: "someone" },
    channel: { id: incident.channelId, name: "inc" },
    message: { type: "message", ts, text: "…", user: PEOPLE.kenji.id, ...message },
    response_url: "https://hooks.slack.com/app/T0TEST/1/x",
  });

  it("📌 twice, Slack's retry of the same event, a pin and the shortcut make one entry: the message's words, author, time and link", async () => {
    const ts = scene.slack.postAs(incident.channelId, {
      user: PEOPLE.kenji.id,
      text: "Index shard 7 is <https://grafana.example/d/7|red> &amp; rejecting writes",
    });
    const started = Date.now();
    const first = await scene.event(pushpin(PEOPLE.dana.id, ts), { eventId: "Ev0PIN1" });
    expect(first.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    expect((await scene.event(pushpin(PEOPLE.dana.id, ts), { eventId: "Ev0PIN1", retry: 1 })).status).toBe(200);
    expect((await scene.event(pushpin(PEOPLE.kenji.id, ts))).status).toBe(200);
    const [entry] = await waitFor("the entry", async () => ((await fromSlack("Index shard 7")).length ? fromSlack("Index shard 7") : null));
    expect((await scene.event(pin(PEOPLE.dana.id, ts))).status).toBe(200);
    expect((await scene.interaction(shortcut(PEOPLE.dana.id, ts))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2500)); // a worker round: nothing more comes
    expect(await fromSlack("Index shard 7")).toHaveLength(1);
    expect(entry.body).toBe(
      `Index shard 7 is red (https://grafana.example/d/7) & rejecting writes\nFrom Slack: https://northwind.slack.com/archives/${incident.channelId}/p${ts.replace(".", "")}`,
    );
    expect(entry.author).toMatchObject({ name: "Kenji Tanaka" });
    expect(entry.occurredAt).toBe(new Date(Math.round(Number(ts) * 1000)).toISOString());
    expect(scene.slack.callsOf("conversations.history").filter((c) => c.args.latest === ts)).toEqual([
      expect.objectContaining({
        args: expect.objectContaining({ channel: incident.channelId, latest: ts, inclusive: "true", limit: "1" }),
      }),
    ]);
    expect(scene.slack.callsOf("chat.getPermalink").filter((c) => c.args.message_ts === ts)).toHaveLength(1);
    // the audit row: written through Slack, by the person who pinned it
    const [audit] = await scene.app.db.rows<{ via: string | null; email: string }>(
      `SELECT a."via", u."email" FROM "AuditEvent" a JOIN "User" u ON u."id" = a."actorId" WHERE a."action" = 'timeline.created' AND a."entityId" = ?`,
      entry.id,
    );
    expect(audit).toEqual({ via: "slack", email: PEOPLE.dana.email });
  });

  it("the shortcut on a message by someone without an account names them, attributed to whoever used it", async () => {
    const ts = scene.slack.postAs(incident.channelId, {
      user: PEOPLE.guest.id,
      text: "Partner side: our calls to search time out since 14:02",
    });
    expect((await scene.interaction(shortcut(PEOPLE.dana.id, ts, { user: PEOPLE.guest.id }))).status).toBe(200);
    const [entry] = await waitFor("the entry", async () => ((await fromSlack("Partner side")).length ? fromSlack("Partner side") : null));
    expect(entry.body.startsWith("Gita Guest (in Slack): Partner side: our calls to search time out since 14:02")).toBe(true);
    expect(entry.author).toMatchObject({ name: "Dana Whitfield" });
  });

  it("a pin of a reply in a thread is found through conversations.replies", async () => {
    const parent = scene.slack.postAs(incident.channelId, { user: PEOPLE.dana.id, text: "Thread for the rollback" });
    const reply = scene.slack.postAs(incident.channelId, {
      user: PEOPLE.kenji.id,
      text: "Rollback of search-api 2.14 done",
      thread_ts: parent,
    });
    expect((await scene.event(pin(PEOPLE.kenji.id, reply))).status).toBe(200);
    const [entry] = await waitFor("the entry", async () =>
      (await fromSlack("Rollback of search-api")).length ? fromSlack("Rollback of search-api") : null,
    );
    expect(entry.author).toMatchObject({ name: "Kenji Tanaka" });
    expect(scene.slack.callsOf("conversations.replies").some((c) => c.args.ts === reply)).toBe(true);
  });

  it("ignores bot messages, other emoji and other channels; a viewer's 📌 is refused to them alone; nothing is written", async () => {
    const before = (await entries()).length;
    const bot = scene.slack.postAs(incident.channelId, { bot_id: "B0GRAFANA", text: "Alert: search p99 high" });
    const plain = scene.slack.postAs(incident.channelId, { user: PEOPLE.kenji.id, text: "Just a thought, not for the timeline" });
    const viewerPinned = scene.slack.postAs(incident.channelId, { user: PEOPLE.kenji.id, text: "Viewer wants this kept" });
    const general = scene.slack.takeName("general");
    const elsewhere = scene.slack.postAs(general, { user: PEOPLE.kenji.id, text: "Off-channel chatter" });
    for (const event of [
      pushpin(PEOPLE.dana.id, bot),
      pin(PEOPLE.dana.id, bot, { bot_id: "B0GRAFANA", subtype: "bot_message" }),
      pushpin(PEOPLE.dana.id, plain, "eyes"),
      pushpin(PEOPLE.alex.id, viewerPinned),
    ]) {
      expect((await scene.event(event)).status).toBe(200);
    }
    expect(
      (await scene.event({ ...pushpin(PEOPLE.dana.id, elsewhere), item: { type: "message", channel: general, ts: elsewhere } })).status,
    ).toBe(200);
    expect((await scene.interaction(shortcut(PEOPLE.dana.id, bot, { bot_id: "B0GRAFANA", subtype: "bot_message" }))).status).toBe(200);
    await waitFor("the viewer told", () =>
      scene.slack
        .callsOf("chat.postEphemeral")
        .find((c) => c.args.user === PEOPLE.alex.id && c.args.text.includes("your role (viewer) may not")),
    );
    await waitFor("the bot shortcut answered", () =>
      scene.slack.callsOf("chat.postEphemeral").find((c) => c.args.text.includes("bots are not added")),
    );
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await entries()).length).toBe(before);
    // the viewer's refusal kept nothing: a responder may still capture that message
    expect((await scene.event(pushpin(PEOPLE.dana.id, viewerPinned))).status).toBe(200);
    await waitFor("the entry", async () => (await fromSlack("Viewer wants this kept")).length === 1);
  });

  it("refuses malformed events with 422 and never 500, even when signed", async () => {
    for (const bad of [
      { type: "reaction_added", user: "nobody", reaction: "pushpin", item: { type: "message", channel: incident.channelId, ts: "1" } },
      { type: "pin_added", user: PEOPLE.dana.id, channel_id: "x", item: { type: "message" } },
    ]) {
      const answer = await scene.event(bad);
      expect(answer.status, JSON.stringify(bad)).toBe(422);
      expect(answer.body.error.code).toBe("invalid");
    }
    expect((await scene.interaction({ type: "message_action", callback_id: "add_to_timeline", user: { id: "U0DANA" } })).status).toBe(422);
  });
});
