import { describe, expect, it } from "vitest";
import { isSlackHookUrl, slackHookSchemaFor } from "./slack-hook-url.ts";

const BASE = "https://hooks.slack.com/";

describe("a reader's Slack hook URL", () => {
  it("is taken under the configured prefix", () => {
    expect(isSlackHookUrl("https://hooks.slack.com/services/T000/B000/XXXX", BASE)).toBe(true);
  });

  it("is refused elsewhere, however it is dressed up", () => {
    for (const url of [
      "https://hooks.slack.com.evil.example/services/T/B/X",
      "https://hooks.slack.com@evil.example/services/T/B/X",
      "https://user:pw@hooks.slack.com/services/T/B/X",
      "http://hooks.slack.com/services/T/B/X",
      "https://hooks.slack.com/",
      "https://evil.example/https://hooks.slack.com/services",
      "not a url",
    ])
      expect(isSlackHookUrl(url, BASE), url).toBe(false);
  });

  it("names the field and the reason when refused", () => {
    const parsed = slackHookSchemaFor(BASE).safeParse({ url: "https://example.com/x" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ["url"], message: `must be a Slack incoming-webhook URL starting with ${BASE}` });
    expect(slackHookSchemaFor(BASE).safeParse({ url: ` ${BASE}services/T/B/X ` }).data).toEqual({ url: `${BASE}services/T/B/X` });
    expect(slackHookSchemaFor(BASE).safeParse({ url: `${BASE}services/T/B/X`, other: 1 }).success).toBe(false);
  });
});
