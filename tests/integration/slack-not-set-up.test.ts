// Slack not set up (issue 16): without Slack's settings the Slack endpoints answer 404, even to a well-signed
// command, and declaring in the app queues nothing for Slack. (With Slack: slack-commands.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { commandBody, postToSlackEndpoint } from "../setup/slack-requests.ts";

/** A signing secret and a Slack user, as slack-commands.test.ts has them; this app knows neither. */
const SECRET = "e2f1c0ffee5ecret0f5lack";
const RESPONDER = "U0RESPONDER";

describe.each(databases())("Slack not set up, on %s", (database) => {
  let app: TestApp;
  beforeAll(async () => (app = await startApp({ database })), 60_000);
  afterAll(() => app?.stop());

  it("the Slack endpoints answer 404 and declaring in the app queues nothing for Slack", async () => {
    for (const path of ["/api/v1/slack/commands", "/api/v1/slack/events", "/api/v1/slack/interactions"]) {
      const answer = await postToSlackEndpoint(app.baseUrl, path, commandBody({ user: RESPONDER, text: "declare SEV1 Nope" }), {
        secret: SECRET,
      });
      expect(answer.status, path).toBe(404);
      expect((await fetch(app.baseUrl + path)).status).toBe(404);
    }
    const declared = await app.api.post("/api/v1/incidents", { title: "Declared in the app", severity: "SEV3" });
    expect(declared.status).toBe(201);
    expect(await app.db.count("Delivery", `"channel" = 'slack'`)).toBe(0);
    expect(await app.db.count("SlackChannel")).toBe(0);
  });
});
