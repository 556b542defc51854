// Readers subscribe in Slack (issue 16, item 6): an incoming-webhook URL under
// SLACK_HOOKS_BASE_URL, given on the public page, confirmed by a test message; every notice goes
// to it once through the outbox; a hook Slack says is gone (410 channel_is_archived) is
// deactivated, audited, and sent nothing more. The hooks are a stand-in of Slack's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { startSlackHooksStandIn, type SlackHooksStandIn } from "../setup/slack-hooks-stand-in.ts";
import { waitFor } from "../setup/slack-requests.ts";

describe.each(databases())("readers' Slack subscriptions on %s", (database) => {
  let hooks: SlackHooksStandIn;
  let app: TestApp;

  beforeAll(async () => {
    hooks = await startSlackHooksStandIn();
    app = await startApp({ database, env: { SLACK_HOOKS_BASE_URL: hooks.base } });
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    await hooks?.close();
  });

  const form = (path: string, fields: Record<string, string>, origin = app.baseUrl, cookie?: string) =>
    fetch(`${app.baseUrl}${path}`, {
      method: "POST",
      headers: { origin, "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams(fields),
      redirect: "manual",
    });
  const hookRow = async (url: string) =>
    (
      await app.db.rows<{ id: string; token: string; confirmedAt: unknown; deactivatedAt: unknown; deactivatedReason: string | null }>(
        `SELECT "id", "token", "confirmedAt", "deactivatedAt", "deactivatedReason" FROM "SlackHook" WHERE "url" = ?`,
        url,
      )
    )[0];
  async function subscribed(url: string) {
    const response = await form("/status/subscribe/slack", { url });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Look in your Slack channel");
    return waitFor("the hook confirmed", async () => ((await hookRow(url))?.confirmedAt ? hookRow(url) : null));
  }
  async function publish(title: string, body: string) {
    const declared = await app.api.post("/api/v1/incidents", { title, severity: "SEV3" });
    expect(declared.status).toBe(201);
    const drafted = await app.api.post(`/api/v1/incidents/${declared.body.incident.id}/updates`, { status: "investigating", body });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    const published = await app.api.post(`/api/v1/updates/${drafted.body.update.id}/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    return drafted.body.update.id as string;
  }
  const audits = async (hookId: string) =>
    (await app.db.rows<{ action: string }>(`SELECT "action" FROM "AuditEvent" WHERE "entityId" = ? ORDER BY "at", "id"`, hookId)).map(
      (a) => a.action,
    );

  it("the public page offers Slack; a URL not under SLACK_HOOKS_BASE_URL is 422 naming the field, and nothing is stored", async () => {
    const page = await (await fetch(`${app.baseUrl}/status/subscribe`)).text();
    expect(page).toContain("Get notices in Slack");
    expect(page).toContain('action="/status/subscribe/slack"');
    const before = await app.db.count("SlackHook");
    for (const url of [
      "https://example.com/services/T0/B0/x",
      `${hooks.base.replace("127.0.0.1", "localhost")}services/T/B/x`,
      "not a url",
      "",
    ]) {
      const refused = await form("/status/subscribe/slack", { url });
      expect(refused.status, url).toBe(422);
      expect(await refused.text()).toMatch(/The webhook URL (must be a Slack incoming-webhook URL starting with|must not be empty)/);
    }
    expect((await form("/status/subscribe/slack", { url: hooks.newHook(), extra: "x" })).status).toBe(200); // unknown fields are not read
    // decision 0030 as for the email form: a post carrying the browser's cookie from another site is refused
    expect((await form("/status/subscribe/slack", { url: hooks.newHook() }, "https://evil.example", "__session=x")).status).toBe(403);
    expect(await app.db.count("SlackHook")).toBeLessThanOrEqual(before + 1);
  });

  it("a hook is confirmed by a test message, then gets each notice exactly once; subscribing it again sends no second test message", async () => {
    const url = hooks.newHook();
    const hook = await subscribed(url);
    expect(hooks.taken(url)).toEqual([expect.stringContaining("This channel will get")]);
    expect(hooks.taken(url)[0]).toContain(`/status/slack/${hook.token}/unsubscribe|Unsubscribe>`);
    await publish("Checkout errors for Slack readers", "We are looking into failed checkouts.");
    await waitFor("the notice", () => hooks.taken(url).find((t) => t.includes("Checkout errors for Slack readers")));
    expect((await form("/status/subscribe/slack", { url })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // the worker's next passes send nothing more
    expect(hooks.taken(url)).toEqual([
      expect.stringContaining("This channel will get"),
      expect.stringMatching(/Checkout errors for Slack readers.*\n\*Investigating\*: We are looking into failed checkouts/s),
    ]);
    expect(await audits(hook.id)).toEqual(["slack_hook.created", "slack_hook.confirmed"]);

    // a scheduled maintenance's notice goes to it too, as to email subscribers
    const component = (await app.api.get("/api/v1/components")).body.components.find((c: { group: boolean }) => !c.group).id;
    const day = 24 * 60 * 60 * 1000;
    const scheduled = await app.api.post("/api/v1/maintenances", {
      title: "Database upgrade for Slack readers",
      scheduledFor: new Date(Date.now() + 7 * day).toISOString(),
      scheduledUntil: new Date(Date.now() + 7 * day + 3600_000).toISOString(),
      components: [component],
    });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
    await waitFor("the maintenance notice", () => hooks.taken(url).find((t) => t.includes("Database upgrade for Slack readers")));
    expect(hooks.taken(url).filter((t) => t.includes("Database upgrade for Slack readers"))).toHaveLength(1);
  });

  it("a notice answered 429 is sent once after Retry-After; one answered 410 channel_is_archived deactivates the hook, audited, and nothing more is sent", async () => {
    const url = hooks.newHook();
    const hook = await subscribed(url);
    hooks.answerNext(url, { status: 429, body: "rate_limited", retryAfter: 1 });
    await publish("Search slow for Slack readers", "Search is slow.");
    await waitFor("the notice after the 429", () => hooks.taken(url).find((t) => t.includes("Search slow for Slack readers")));
    expect(
      hooks.posts.filter((p) => p.text.includes("Search slow for Slack readers") && p.path === new URL(url).pathname).map((p) => p.status),
    ).toEqual([429, 200]);

    hooks.answerNext(url, { status: 410, body: "channel_is_archived" }, Infinity);
    await publish("Login fails for Slack readers", "Login fails.");
    const gone = await waitFor("the hook deactivated", async () => ((await hookRow(url))?.deactivatedAt ? hookRow(url) : null));
    expect(gone.deactivatedReason).toBe("channel_is_archived");
    expect(await audits(hook.id)).toEqual(["slack_hook.created", "slack_hook.confirmed", "slack_hook.deactivated"]);
    const postsBefore = hooks.posts.length;
    await publish("Another one for Slack readers", "Again.");
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(hooks.posts.slice(postsBefore).filter((p) => p.path === new URL(url).pathname)).toEqual([]);
  });

  it("the unsubscribe link in a message stops the notices (GET asks, POST unsubscribes, audited)", async () => {
    const url = hooks.newHook();
    const hook = await subscribed(url);
    const asked = await fetch(`${app.baseUrl}/status/slack/${hook.token}/unsubscribe`);
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain("Stop posting");
    const done = await form(`/status/slack/${hook.token}/unsubscribe`, {});
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("This channel is unsubscribed");
    expect((await fetch(`${app.baseUrl}/status/slack/not-a-token-at-all-x/unsubscribe`)).status).toBe(404);
    const taken = hooks.taken(url).length;
    await publish("After unsubscribing", "Nothing for this channel.");
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(hooks.taken(url)).toHaveLength(taken);
    expect(await audits(hook.id)).toEqual(["slack_hook.created", "slack_hook.confirmed", "slack_hook.unsubscribed"]);
  });
});
