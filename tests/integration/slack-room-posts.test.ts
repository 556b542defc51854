// The room speaks in the incident's Slack channel (issue 16, item 4): entries written in the app,
// status and severity changes, published updates and promise nudges are posted through the
// outbox, once each; an edit changes the posted message instead of posting again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { startSlackStandIn, type SlackStandIn } from "../setup/slack-stand-in.ts";
import { waitFor } from "../setup/slack-requests.ts";

describe.each(databases())("the room speaks in the Slack channel on %s", (database) => {
  let slack: SlackStandIn;
  let app: TestApp;

  beforeAll(async () => {
    slack = await startSlackStandIn();
    app = await startApp({
      database,
      env: { SLACK_SIGNING_SECRET: "room-posts-secret", SLACK_BOT_TOKEN: slack.token, SLACK_API_URL: slack.url },
    });
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    await slack?.close();
  });

  const channelIdOf = async (incidentId: string) =>
    (
      await app.db.rows<{ channelId: string | null; pinnedAt: unknown }>(
        `SELECT "channelId", "pinnedAt" FROM "SlackChannel" WHERE "incidentId" = ?`,
        incidentId,
      )
    )[0];
  async function declare(title: string, severity = "SEV3") {
    const response = await app.api.post("/api/v1/incidents", { title, severity });
    expect(response.status).toBe(201);
    const incident = response.body.incident as { id: string; number: number };
    const row = await waitFor("the channel", async () => ((await channelIdOf(incident.id))?.pinnedAt ? channelIdOf(incident.id) : null));
    return { incident, channel: () => slack.channels.get(row!.channelId!)! };
  }
  const texts = (channel: { messages: { text: string }[] }) => channel.messages.map((m) => m.text);

  it("an app entry posted once through a 429; its edit changes that message with chat.update, not a second post", async () => {
    const { incident, channel } = await declare("Room posts through a rate limit");
    slack.rateLimitNext(1, 1, "chat.postMessage");
    const added = await app.api.post(`/api/v1/incidents/${incident.id}/timeline`, { body: "Failing over the primary <db-1> & replica" });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    await waitFor("the entry in the channel", () =>
      texts(channel()).find((t) => t.endsWith("Failing over the primary &lt;db-1&gt; &amp; replica")),
    );
    const posts = slack.calls.filter((c) => c.method === "chat.postMessage" && c.args.text?.includes("Failing over the primary"));
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect(texts(channel()).filter((t) => t.includes("Failing over the primary"))).toHaveLength(1);
    expect(texts(channel()).at(-1)).toMatch(/^:memo: \*[^*]+\*: Failing over the primary &lt;db-1&gt; &amp; replica$/);

    const entryId = added.body.entry.id;
    const edited = await app.api.patch(`/api/v1/incidents/${incident.id}/timeline/${entryId}`, { body: "Failed over the primary to db-2" });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    await waitFor("the message edited", () =>
      channel().messages.find((m) => m.edited && m.text.includes("Failed over the primary to db-2")),
    );
    expect(texts(channel()).filter((t) => t.includes("primary"))).toHaveLength(1);
    const deleted = await app.api.delete(`/api/v1/incidents/${incident.id}/timeline/${entryId}`);
    expect(deleted.status).toBeLessThan(300);
    await waitFor("the message struck through", () =>
      channel().messages.find((m) => m.text.startsWith("~") && m.text.endsWith("(deleted in the room)")),
    );
    expect(texts(channel()).filter((t) => t.includes("primary"))).toHaveLength(1);
  });

  it("status and severity changes and a published update are posted in the room's order, each once", async () => {
    const { incident, channel } = await declare("Room posts for changes");
    expect((await app.api.patch(`/api/v1/incidents/${incident.id}`, { status: "identified" })).status).toBe(200);
    expect((await app.api.patch(`/api/v1/incidents/${incident.id}`, { severity: "SEV2" })).status).toBe(200);
    const drafted = await app.api.post(`/api/v1/incidents/${incident.id}/updates`, {
      status: "identified",
      body: "We found the cause and are fixing it.",
    });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    const published = await app.api.post(`/api/v1/updates/${drafted.body.update.id}/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    await waitFor("the published update in the channel", () => texts(channel()).find((t) => t.startsWith(":mega:")));
    const posted = texts(channel()).slice(1); // after the pinned summary
    expect(posted).toEqual([
      expect.stringMatching(/^:arrows_counterclockwise: .*Status changed from investigating to identified\.$/),
      expect.stringMatching(/^:arrows_counterclockwise: .*Severity changed from SEV3 to SEV2\.$/),
      expect.stringMatching(/^:mega: .*We found the cause and are fixing it\./s),
    ]);
    await waitFor("the topic", () => channel().topic.startsWith("SEV2 · Identified"), 40_000);
  });

  it("a Slack outage fails no action: the room says the channel is behind, and once Slack answers, the channel is made and the messages arrive once, in order", async () => {
    slack.failNext(100_000);
    const declared = await app.api.post("/api/v1/incidents", { title: "Room posts while Slack is down", severity: "SEV2" });
    expect(declared.status).toBe(201);
    const id = declared.body.incident.id;
    expect((await app.api.post(`/api/v1/incidents/${id}/timeline`, { body: "Written while Slack is down" })).status).toBe(201);
    expect((await app.api.patch(`/api/v1/incidents/${id}`, { status: "identified" })).status).toBe(200);
    const room = async () =>
      (await (await fetch(`${app.baseUrl}/incidents/${id}`, { headers: { authorization: `Bearer ${app.adminToken}` } })).text()).replaceAll(
        "<!-- -->",
        "",
      );
    const notice = await waitFor(
      "the room to say the channel is behind",
      async () => (await room()).match(/Slack channel behind:<\/span> 4 messages waiting since <span>\d\d:\d\d<\/span>/),
      30_000,
    );
    expect(notice[0]).toBeTruthy(); // setting up the channel, the entry, the status change and the topic it changes
    const live = await app.api.get(`/incidents/${id}/slack-behind`);
    expect(live.body.behind).toMatchObject({ waiting: expect.any(Number), since: expect.any(String), notPosted: 0 });

    slack.failNext(0);
    const row = await waitFor("the channel", async () => ((await channelIdOf(id))?.pinnedAt ? channelIdOf(id) : null), 40_000);
    const channel = () => slack.channels.get(row!.channelId!)!;
    await waitFor(
      "the status change in the channel",
      () => texts(channel()).find((t) => t.includes("Status changed from investigating to identified")),
      40_000,
    );
    expect(texts(channel())).toEqual([
      expect.stringContaining("Room posts while Slack is down"), // the pinned summary first
      expect.stringMatching(/^:memo: \*[^*]+\*: Written while Slack is down$/),
      expect.stringMatching(/Status changed from investigating to identified\.$/),
    ]);
    await waitFor("the notice to clear", async () => (await app.api.get(`/incidents/${id}/slack-behind`)).body.behind === null);
    expect(await room()).not.toContain("Slack channel behind");
  }, 90_000);

  it("nudges the channel once when a promised update is about to be missed", async () => {
    const { incident, channel } = await declare("Room posts for a promise");
    const due = new Date(Date.now() + 60_000);
    expect(await app.db.execute(`UPDATE "Incident" SET "nextUpdateDueAt" = ? WHERE "id" = ?`, due, incident.id)).toBe(1);
    await waitFor("the nudge", () => texts(channel()).find((t) => t.startsWith(":alarm_clock:")), 20_000);
    expect(texts(channel()).filter((t) => t.startsWith(":alarm_clock:"))).toEqual([
      expect.stringContaining(`The next update promised on INC-${incident.number}`),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 6_000)); // a second look by the worker nudges nothing more
    expect(texts(channel()).filter((t) => t.startsWith(":alarm_clock:"))).toHaveLength(1);
  }, 40_000);
});
