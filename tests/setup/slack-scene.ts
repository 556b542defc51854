// An app wired to the Slack stand-in, with the seeded people as Slack users, and the requests
// Slack sends for what people do there: slash commands, event callbacks and interactions, all
// signed. For the inbound half of issue 16 (timeline capture, approvals, modals).
import { randomUUID } from "node:crypto";
import { startApp, type DatabaseKind, type TestApp } from "./app-server.ts";
import { startSlackStandIn, type SlackStandIn } from "./slack-stand-in.ts";
import { commandBody, postToSlackEndpoint, slackHeaders, waitFor } from "./slack-requests.ts";

export const SECRET = "in-5ecret-0f-the-5lack-app";
/** Seeded people (prisma/seed-data.ts) as Slack users. */
export const PEOPLE = {
  dana: { id: "U0DANA", email: "responder@northwind.example", name: "Dana Whitfield" },
  kenji: { id: "U0KENJI", email: "kenji.tanaka@northwind.example", name: "Kenji Tanaka" },
  alex: { id: "U0ALEX", email: "viewer@northwind.example", name: "Alex Chen" },
  guest: { id: "U0GUEST", email: "guest@partner.example", name: "Gita Guest" },
  priya: { id: "U0PRIYA", email: "admin@northwind.example", name: "Priya Raman" },
} as const;

export type SlackScene = {
  app: TestApp;
  slack: SlackStandIn;
  command(user: string, text: string, channel?: string, extra?: Record<string, string>): ReturnType<typeof postToSlackEndpoint>;
  event(event: Record<string, unknown>, options?: { eventId?: string; retry?: number }): Promise<{ status: number; body: any }>;
  interaction(payload: Record<string, unknown>): ReturnType<typeof postToSlackEndpoint>;
  /** declares through Slack as Dana and waits for the channel to be set up */
  declare(severity: string, title: string): Promise<{ incidentId: string; number: number; channelId: string }>;
  stop(): Promise<void>;
};

export async function startSlackScene(database: DatabaseKind): Promise<SlackScene> {
  const slack = await startSlackStandIn({ users: Object.values(PEOPLE) });
  const app = await startApp({ database, env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: slack.token, SLACK_API_URL: slack.url } });
  const command: SlackScene["command"] = (user, text, channel, extra = {}) => {
    const form = new URLSearchParams(commandBody({ user, text, channel }));
    for (const [k, v] of Object.entries(extra)) form.set(k, v);
    return postToSlackEndpoint(app.baseUrl, "/api/v1/slack/commands", form.toString(), { secret: SECRET });
  };
  const event: SlackScene["event"] = async (inner, options = {}) => {
    const body = JSON.stringify({
      token: "deprecated",
      team_id: "T0TEST",
      api_app_id: "A0TEST",
      type: "event_callback",
      event_id: options.eventId ?? `Ev${randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`,
      event_time: Math.floor(Date.now() / 1000),
      event: inner,
    });
    const headers = {
      ...slackHeaders(body, { secret: SECRET }, "application/json"),
      ...(options.retry ? { "x-slack-retry-num": String(options.retry), "x-slack-retry-reason": "http_timeout" } : {}),
    };
    const response = await fetch(`${app.baseUrl}/api/v1/slack/events`, { method: "POST", headers, body });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const interaction: SlackScene["interaction"] = (payload) =>
    postToSlackEndpoint(app.baseUrl, "/api/v1/slack/interactions", new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), {
      secret: SECRET,
    });
  const declare: SlackScene["declare"] = async (severity, title) => {
    const answer = await command(PEOPLE.dana.id, `declare ${severity} ${title}`);
    if (answer.status !== 200) throw new Error(`declare: ${answer.status} ${JSON.stringify(answer.body)}`);
    const [incident] = await waitFor("the incident", () =>
      app.db
        .rows<{ id: string; number: number }>(`SELECT "id", "number" FROM "Incident" WHERE "title" = ?`, title)
        .then((r) => (r.length ? r : null)),
    );
    const row = await waitFor("its channel", async () => {
      const [channel] = await app.db.rows<{ channelId: string | null; pinnedAt: unknown }>(
        `SELECT "channelId", "pinnedAt" FROM "SlackChannel" WHERE "incidentId" = ?`,
        incident!.id,
      );
      return channel?.pinnedAt ? channel : null;
    });
    return { incidentId: incident!.id, number: incident!.number, channelId: row.channelId! };
  };
  return {
    app,
    slack,
    command,
    event,
    interaction,
    declare,
    async stop() {
      await app.stop();
      await slack.close();
    },
  };
}
