import { describe, expect, it } from "vitest";
import { channelName, isValidChannelName, MAX_CHANNEL_NAME } from "./channel-names.ts";
import { parseSlackCommand } from "./commands.ts";

describe("/incident commands", () => {
  it("declare takes an optional severity and the rest as the title", () => {
    expect(parseSlackCommand("declare SEV1 Checkout is down")).toEqual({ kind: "declare", severity: "SEV1", title: "Checkout is down" });
    expect(parseSlackCommand("  declare   sev2   API   slow ")).toEqual({ kind: "declare", severity: "SEV2", title: "API   slow" });
    expect(parseSlackCommand("declare Login fails")).toEqual({ kind: "declare", severity: "SEV3", title: "Login fails" });
    expect(parseSlackCommand("DECLARE SEV5 odd")).toEqual({ kind: "declare", severity: "SEV3", title: "SEV5 odd" });
    expect(parseSlackCommand("declare SEV1")).toEqual({ kind: "declare-modal", severity: "SEV1" });
    expect(parseSlackCommand("declare")).toEqual({ kind: "declare-modal", severity: "SEV3" });
  });

  it("status, sev and note say what to type when the word is missing or wrong", () => {
    expect(parseSlackCommand("status Identified")).toEqual({ kind: "status", status: "identified" });
    expect(parseSlackCommand("status fixed").kind).toBe("unknown");
    expect(parseSlackCommand("status")).toMatchObject({
      kind: "unknown",
      problem: expect.stringContaining("investigating|identified|monitoring|resolved"),
    });
    expect(parseSlackCommand("sev sev4")).toEqual({ kind: "sev", severity: "SEV4" });
    expect(parseSlackCommand("sev 9").kind).toBe("unknown");
    expect(parseSlackCommand("note Rolled back  deploy 42")).toEqual({ kind: "note", text: "Rolled back  deploy 42" });
    expect(parseSlackCommand("note   ").kind).toBe("unknown");
  });

  it("lead takes Slack's mention, with or without the name; update asks for nothing more", () => {
    expect(parseSlackCommand("lead <@U0DANA|dana>")).toEqual({ kind: "lead", slackUserId: "U0DANA" });
    expect(parseSlackCommand("lead  <@W0KENJI>")).toEqual({ kind: "lead", slackUserId: "W0KENJI" });
    expect(parseSlackCommand("lead dana").kind).toBe("unknown");
    expect(parseSlackCommand("lead <@U0A> <@U0B>").kind).toBe("unknown");
    expect(parseSlackCommand("update")).toEqual({ kind: "update" });
  });

  it("an empty text or help is the help; anything else names itself", () => {
    expect(parseSlackCommand("")).toEqual({ kind: "help" });
    expect(parseSlackCommand("help")).toEqual({ kind: "help" });
    expect(parseSlackCommand("reboot everything")).toEqual({
      kind: "unknown",
      problem: "`/incident reboot` is not a command here. Try `/incident help`.",
    });
  });
});

describe("incident channel names", () => {
  it("are inc-<number>-<slug>, lowercase, within Slack's characters", () => {
    expect(channelName(42, "Checkout: 502s in EU-West (Café)")).toBe("inc-42-checkout-502s-in-eu-west-cafe");
    expect(channelName(7, "日本語のみ")).toBe("inc-7");
    expect(channelName(7, "snake_case stays")).toBe("inc-7-snake_case-stays");
  });

  it("cut an 80-character title to 80 characters in all, the suffix kept", () => {
    const title = "Payments API returns 500 for every card payment made from the mobile app in Europe and Asia";
    const plain = channelName(1234, title);
    expect(plain.length).toBeLessThanOrEqual(MAX_CHANNEL_NAME);
    expect(plain.startsWith("inc-1234-payments-api-returns-500")).toBe(true);
    expect(plain.endsWith("-")).toBe(false);
    const third = channelName(1234, title, 3);
    expect(third.length).toBeLessThanOrEqual(MAX_CHANNEL_NAME);
    expect(third.endsWith("-3")).toBe(true);
    for (const name of [plain, third, channelName(99999, "x".repeat(200), 12)]) expect(isValidChannelName(name), name).toBe(true);
  });

  it("collisions take -2, -3… after the same base", () => {
    expect(channelName(5, "DB down", 2)).toBe("inc-5-db-down-2");
    expect(channelName(5, "DB down", 3)).toBe("inc-5-db-down-3");
  });
});
