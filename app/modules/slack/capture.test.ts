import { describe, expect, it } from "vitest";
import { capturedEntryText, slackTextToPlain, tsToDate } from "./capture.ts";

describe("a Slack message as a timeline entry", () => {
  it("undoes Slack's links, mentions and escapes", () => {
    expect(slackTextToPlain("Rolled back <https://ci.example/42|deploy 42> &amp; paged <@U0ANA|ana> in <#C0OPS|ops> &lt;now&gt;")).toBe(
      "Rolled back deploy 42 (https://ci.example/42) & paged @ana in #ops <now>",
    );
    expect(slackTextToPlain("see <https://x.example> <@U0BEN> <!here>")).toBe("see https://x.example @U0BEN @here");
  });

  it("reads the message's time from its ts", () => {
    expect(tsToDate("1733430000.123456")!.toISOString()).toBe("2024-12-05T20:20:00.123Z");
    expect(tsToDate("soon")).toBeNull();
  });

  it("names a person without an account, links back to Slack, and keeps within the entry's size", () => {
    expect(capturedEntryText({ text: "DB is at 100% CPU" }, "https://t.slack.com/archives/C1/p1", 100)).toBe(
      "DB is at 100% CPU\nFrom Slack: https://t.slack.com/archives/C1/p1",
    );
    expect(capturedEntryText({ text: "", slackName: "Guest Dev" }, null, 100)).toBe("Guest Dev (in Slack): (a message with no text)");
    const long = capturedEntryText({ text: "x".repeat(500) }, "https://t.slack.com/p1", 120);
    expect(long.length).toBe(120);
    expect(long.endsWith("From Slack: https://t.slack.com/p1")).toBe(true);
  });
});
