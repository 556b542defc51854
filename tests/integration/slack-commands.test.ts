// Running an incident from Slack (issue 16, first increment): signed `/incident` commands
// against a real app whose SLACK_API_URL is the Slack stand-in. The app's state is read back
// through its database and API; what it asked of Slack, from the stand-in's record. (Slack not set up:
// slack-not-set-up.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { startSlackStandIn, type SlackStandIn } from "../setup/slack-stand-in.ts";
import { commandBody, postToSlackEndpoint, waitFor } from "../setup/slack-requests.ts";

const SECRET = "e2f1c0ffee5ecret0f5lack";
const RESPONDER = "U0RESPONDER";
const VIEWER = "U0VIEWER";
const STRANGER = "U0STRANGER";

describe.each(databases())("/incident from Slack on %s", (database) => {
  let slack: SlackStandIn;
  let app: TestApp;
  let announce: string;

  beforeAll(async () => {
    slack = await startSlackStandIn({
      users: [
        { id: RESPONDER, email: "Responder@Northwind.example" },
        { id: VIEWER, email: "viewer@northwind.example" },
        { id: STRANGER, email: "someone@elsewhere.example" },
      ],
    });
    announce = slack.takeName("incidents");
    app = await startApp({
      database,
      env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: slack.token, SLACK_API_URL: slack.url, SLACK_ANNOUNCE_CHANNEL: announce },
    });
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    await slack?.close();
  });

  const command = (
    user: string,
    text: string,
    channel?: string,
    signing: { timestamp?: number; signature?: string | null; secret?: string } = {},
  ) => postToSlackEndpoint(app.baseUrl, "/api/v1/slack/commands", commandBody({ user, text, channel }), { secret: SECRET, ...signing });
  const incidentTitled = async (title: string) =>
    (
      await app.db.rows<{ id: string; number: number; status: string; severity: string }>(
        `SELECT "id", "number", "status", "severity" FROM "Incident" WHERE "title" = ?`,
        title,
      )
    )[0];
  const channelOf = async (incidentId: string) =>
    (
      await app.db.rows<{ channelId: string | null; name: string | null; pinnedAt: unknown }>(
        `SELECT "channelId", "name", "pinnedAt" FROM "SlackChannel" WHERE "incidentId" = ?`,
        incidentId,
      )
    )[0];
  const nextNumber = async () => (await app.db.rows<{ n: number }>(`SELECT "incidentCounter" AS n FROM "Organization"`))[0]!.n + 1;
  /** Declares through Slack and waits until its channel is set up: created, declarer invited, topic, summary posted and pinned. */
  async function declare(text: string, title: string, timeoutMs = 15_000) {
    const answer = await command(RESPONDER, `declare ${text}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const incident = await waitFor("the incident", () => incidentTitled(title));
    const channel = await waitFor(
      "its channel",
      async () => {
        const row = await channelOf(incident.id);
        return row?.pinnedAt ? row : null;
      },
      timeoutMs,
    );
    return { answer, incident, channel, state: slack.channels.get(channel.channelId!)! };
  }

  it("a responder declares by a signed command: the incident exists, and its channel is made, the declarer invited, topic set, summary posted and pinned", async () => {
    const number = await nextNumber();
    const { answer, incident, channel, state } = await declare("SEV2 Checkout fails for EU cards", "Checkout fails for EU cards");
    expect(answer.body).toEqual({
      response_type: "in_channel",
      text: expect.stringContaining(`declared INC-${number} (SEV2): Checkout fails for EU cards`),
    });
    expect(incident).toMatchObject({ number, severity: "SEV2", status: "investigating" });
    expect(channel.name).toBe(`inc-${number}-checkout-fails-for-eu-cards`);
    expect(state.members).toEqual([RESPONDER]);
    expect(state.topic).toBe("SEV2 · Investigating · Commander: none yet");
    expect(state.messages).toHaveLength(1);
    expect(state.messages[0]).toMatchObject({
      pinned: true,
      text: expect.stringContaining(`/incidents/${incident.id}|Open the incident room>`),
    });
    for (const method of ["conversations.create", "conversations.invite", "conversations.setTopic", "chat.postMessage", "pins.add"])
      expect(
        slack.callsOf(method).filter((c) => c.args.channel === channel.channelId || c.args.name === channel.name),
        method,
      ).toHaveLength(1);
    // the API shows it as any other incident; the audit row says it came through Slack
    const shown = await app.api.get(`/api/v1/incidents/${incident.id}`);
    expect(shown.body.incident).toMatchObject({ title: "Checkout fails for EU cards", severity: "SEV2" });
    const [audit] = await app.db.rows<{ via: string | null; email: string }>(
      `SELECT a."via", u."email" FROM "AuditEvent" a JOIN "User" u ON u."id" = a."actorId" WHERE a."action" = 'incident.declared' AND a."entityId" = ?`,
      incident.id,
    );
    expect(audit).toEqual({ via: "slack", email: "responder@northwind.example" });
  });

  it("an incident declared in the app gets its channel too, through the same outbox", async () => {
    const declared = await app.api.post("/api/v1/incidents", { title: "Declared on the page", severity: "SEV2" });
    expect(declared.status).toBe(201);
    const id = declared.body.incident.id;
    const channel = await waitFor("its channel", async () => ((await channelOf(id))?.pinnedAt ? channelOf(id) : null));
    const state = slack.channels.get(channel!.channelId!)!;
    expect(state).toMatchObject({
      name: `inc-${declared.body.incident.number}-declared-on-the-page`,
      topic: "SEV2 · Investigating · Commander: none yet",
      members: [],
    });
    expect(state.messages.map((m) => m.pinned)).toEqual([true]);
    const [audit] = await app.db.rows<{ via: string | null }>(
      `SELECT "via" FROM "AuditEvent" WHERE "action" = 'incident.declared' AND "entityId" = ?`,
      id,
    );
    expect(audit!.via).toBeNull();
  });

  it("takes the next name when Slack says the name is taken, and keeps an 80-character title's name within 80", async () => {
    const number = await nextNumber();
    slack.takeName(`inc-${number}-database-failover`);
    const { channel } = await declare("SEV3 Database failover", "Database failover");
    expect(channel.name).toBe(`inc-${number}-database-failover-2`);
    expect(slack.calls.filter((c) => c.method === "conversations.create" && c.error === "name_taken").map((c) => c.args.name)).toContain(
      `inc-${number}-database-failover`,
    );

    const long = "Payments API returns errors for every card payment made from the mobile app in EU";
    expect(long.length).toBeGreaterThanOrEqual(80);
    const { channel: longChannel } = await declare(`SEV4 ${long}`, long);
    expect(longChannel.name!.length).toBeLessThanOrEqual(80);
    expect(longChannel.name).toMatch(/^inc-\d+-payments-api-returns-errors-for-every-card-payment-[a-z-]*[a-z]$/);
  });

  it("in the incident's channel, a viewer's /incident status is refused ephemerally and nothing changes; a responder's moves it and the topic follows", async () => {
    const { incident, channel } = await declare("SEV3 Search is slow", "Search is slow");
    const audits = () => app.db.count("AuditEvent", `"entityId" = ?`, incident.id);
    const before = await audits();
    const refused = await command(VIEWER, "status identified", channel.channelId!);
    expect(refused.status).toBe(200);
    expect(refused.body).toEqual({ response_type: "ephemeral", text: expect.stringContaining("Your role (viewer) may not do this") });
    expect((await incidentTitled("Search is slow"))!.status).toBe("investigating");
    expect(await audits()).toBe(before);

    const moved = await command(RESPONDER, "status identified", channel.channelId!);
    expect(moved.body).toMatchObject({ response_type: "in_channel", text: expect.stringContaining("to identified") });
    expect((await incidentTitled("Search is slow"))!.status).toBe("identified");
    const sev = await command(RESPONDER, "sev SEV1", channel.channelId!);
    expect(sev.body.text).toContain("to SEV1");
    await waitFor("the topic to follow", () => slack.channels.get(channel.channelId!)!.topic === "SEV1 · Identified · Commander: none yet");

    const note = await command(RESPONDER, "note Rolled back deploy 1234", channel.channelId!);
    expect(note.body).toEqual({ response_type: "ephemeral", text: expect.stringContaining("Added to the timeline") });
    const timeline = await app.api.get(`/api/v1/incidents/${incident.id}/timeline`);
    expect(JSON.stringify(timeline.body)).toContain("Rolled back deploy 1234");
    const [viaSlack] = await app.db.rows<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM "AuditEvent" WHERE "via" = 'slack' AND ("entityId" = ? OR "action" = 'timeline.created')`,
      incident.id,
    );
    expect(Number(viaSlack!.n)).toBeGreaterThanOrEqual(3);
  });

  it("announces each incident once in SLACK_ANNOUNCE_CHANNEL and keeps that message current with chat.update", async () => {
    const { incident, channel } = await declare("SEV2 Login page blank", "Login page blank");
    const line = () => slack.channels.get(announce)!.messages.filter((m) => m.text.includes(`INC-${incident.number}:`));
    expect(line()).toEqual([expect.objectContaining({ text: expect.stringContaining(`SEV2 · Investigating · Commander: none yet`) })]);
    expect(line()[0]!.text).toContain(`<#${channel.channelId}>`);
    await command(RESPONDER, "status monitoring", channel.channelId!);
    await waitFor("the announcement to follow", () => line()[0]?.text.includes("SEV2 · Monitoring"));
    expect(line()).toHaveLength(1);
    expect(line()[0]!.edited).toBe(true);
  });

  it("refuses, ephemerally and changing nothing: someone without an account, a command outside an incident channel, a wrong status move", async () => {
    const count = () => app.db.count("Incident");
    const before = await count();
    const stranger = await command(STRANGER, "declare SEV1 Everything is down");
    expect(stranger.body).toEqual({
      response_type: "ephemeral",
      text: expect.stringContaining("someone@elsewhere.example has an Incident Desk account"),
    });
    const unknownSlackUser = await command("U0NOBODY", "declare SEV1 Everything is down");
    expect(unknownSlackUser.body.response_type).toBe("ephemeral");
    expect(await count()).toBe(before);
    const elsewhere = await command(RESPONDER, "status resolved", "C0GENERAL");
    expect(elsewhere.body).toEqual({ response_type: "ephemeral", text: expect.stringContaining("not an incident's channel") });
    const help = await command(VIEWER, "help");
    expect(help.body).toEqual({ response_type: "ephemeral", text: expect.stringContaining("/incident declare") });
  });

  it("a 429 from Slack is waited out as Retry-After says, and each message is posted once", async () => {
    const limitedBefore = slack.calls.filter((c) => c.status === 429).length;
    slack.rateLimitNext(1, 1, "chat.postMessage");
    const startedAt = Date.now();
    const { incident, state } = await declare("SEV3 Webhooks delayed", "Webhooks delayed");
    expect(slack.calls.filter((c) => c.status === 429)).toHaveLength(limitedBefore + 1);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000);
    expect(state.messages).toHaveLength(1);
    expect(slack.channels.get(announce)!.messages.filter((m) => m.text.includes(`INC-${incident.number}:`))).toHaveLength(1);
    const posts = slack.calls.filter(
      (c) => c.method === "chat.postMessage" && (c.args.channel === state.id || c.args.text?.includes(`INC-${incident.number}:`)),
    );
    expect(posts.map((c) => c.status)).toEqual([429, 200, 200]);
  });

  it("a Slack outage fails no command: the incident is declared and its channel follows when Slack is back", async () => {
    slack.failNext(3);
    // three failed attempts wait up to 2 + 4 + 8 s (the outbox's backoff, with jitter)
    const { incident, channel } = await declare("SEV4 Slack was down", "Slack was down", 45_000);
    expect(incident.status).toBe("investigating");
    expect(slack.calls.filter((c) => c.status === 503).length).toBeGreaterThanOrEqual(3);
    expect(channel.channelId).toBeTruthy();
  }, 60_000);

  it("refuses a bad signature, a missing one or a stale timestamp with 401, and nothing happens", async () => {
    const count = () => app.db.count("Incident");
    const before = await count();
    const old = Math.floor(Date.now() / 1000) - 301;
    // 330 s ahead, not 301: the earlier requests take seconds on a busy machine, and the window is measured on arrival
    const future = Math.floor(Date.now() / 1000) + 330;
    for (const signing of [
      { secret: "another-secret-entirely" },
      { signature: null },
      { timestamp: old },
      { timestamp: future },
      { signature: "v0=00" },
    ]) {
      const answer = await command(RESPONDER, "declare SEV1 Forged incident", undefined, signing);
      expect(answer.status, JSON.stringify(signing)).toBe(401);
      expect(answer.body.error.code).toBe("unauthorized");
    }
    expect(await count()).toBe(before);
    const events = await postToSlackEndpoint(
      app.baseUrl,
      "/api/v1/slack/events",
      JSON.stringify({ type: "url_verification", challenge: "x" }),
      { secret: "wrong-secret-here" },
      "application/json",
    );
    expect(events.status).toBe(401);
  });

  it("answers Slack's url_verification with its challenge; acknowledges interactions; 405 with Allow for other methods", async () => {
    const challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P";
    const verified = await postToSlackEndpoint(
      app.baseUrl,
      "/api/v1/slack/events",
      JSON.stringify({ token: "t", challenge, type: "url_verification" }),
      { secret: SECRET },
      "application/json",
    );
    expect(verified).toMatchObject({ status: 200, body: { challenge } });
    const interaction = await postToSlackEndpoint(
      app.baseUrl,
      "/api/v1/slack/interactions",
      new URLSearchParams({
        payload: JSON.stringify({ type: "block_actions", user: { id: RESPONDER }, actions: [{ action_id: "something_else", value: "x" }] }),
      }).toString(),
      { secret: SECRET },
    );
    expect(interaction.status).toBe(200);
    const badPayload = await postToSlackEndpoint(app.baseUrl, "/api/v1/slack/interactions", "payload=%7Bnot", { secret: SECRET });
    expect(badPayload.status).toBe(400);
    for (const path of ["/api/v1/slack/commands", "/api/v1/slack/events", "/api/v1/slack/interactions"]) {
      for (const method of ["GET", "PUT"]) {
        const response = await fetch(app.baseUrl + path, { method });
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.get("allow")).toBe("POST");
      }
    }
  });
});
