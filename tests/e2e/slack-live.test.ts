// Slack seen from the browser (issue 16): a SEV1 declared by a signed slash command appears in an
// open incident list without a reload, and an approval clicked in "Slack" (a signed block_actions
// interaction) appears in the open comms tab without a reload. Slack's Web API is the stand-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlackStandIn, type SlackStandIn } from "../setup/slack-stand-in.ts";
import { commandBody, postToSlackEndpoint, waitFor } from "../setup/slack-requests.ts";
import { uniqueText, USERS } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const SECRET = "e2e-slack-signing-secret";
const DANA = "U0DANA";
const KENJI = "U0KENJI";
const env: Record<string, string> = { SLACK_SIGNING_SECRET: SECRET };
let slack: SlackStandIn;

// Before the suite's server starts (hooks run in the order they are made), so it knows the stand-in.
beforeAll(async () => {
  slack = await startSlackStandIn({
    users: [
      { id: DANA, email: USERS.responder },
      { id: KENJI, email: "kenji.tanaka@northwind.example" },
    ],
  });
  Object.assign(env, { SLACK_BOT_TOKEN: slack.token, SLACK_API_URL: slack.url });
});
const suite = useSuite("slack-live", { env });
afterAll(() => slack?.close());

describe("Slack in the browser", () => {
  it("a SEV1 declared in Slack shows in the open incident list; an approval clicked in Slack shows in the open comms tab", async () => {
    const { page } = await suite.signedInPage("list", USERS.comms);
    await page.goto("/incidents");
    const title = uniqueText("Card payments declined");
    const declared = await postToSlackEndpoint(
      suite.server.baseUrl,
      "/api/v1/slack/commands",
      commandBody({ user: DANA, text: `declare SEV1 ${title}` }),
      { secret: SECRET },
    );
    expect(declared.status).toBe(200);
    const row = page.getByRole("row").filter({ hasText: title });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain("SEV1");
    await screenshot(page, "slack-live--list");

    // The comms lead drafts a SEV1 update and sends it for approval; Slack gets it with buttons.
    const [incident] = (
      await suite.admin.call<{ incidents: { id: string; title: string }[] }>("GET", "/api/v1/incidents?limit=5")
    ).json.incidents.filter((i) => i.title === title);
    await waitFor("the channel", () => [...slack.channels.values()].find((c) => c.messages.some((m) => m.pinned)));
    await page.goto(`/incidents/${incident!.id}/comms`);
    const words = uniqueText("Some card payments are declined. We are investigating.");
    await page.getByLabel("Message", { exact: true }).fill(words);
    await page.getByRole("button", { name: "Send for approval" }).click();
    const card = page.getByTestId("update-card").filter({ hasText: words });
    await card.filter({ hasText: "Awaiting approval" }).waitFor();
    const updateId = ((await card.getAttribute("id")) ?? "").replace("update-", "");
    const asked = await waitFor("the approval message", () =>
      [...slack.channels.values()].flatMap((c) => c.messages.map((m) => ({ c, m }))).find(({ m }) => m.blocks?.includes(updateId)),
    );

    // Kenji clicks Approve in Slack: the open tab shows it decided, no reload.
    const click = await postToSlackEndpoint(
      suite.server.baseUrl,
      "/api/v1/slack/interactions",
      new URLSearchParams({
        payload: JSON.stringify({
          type: "block_actions",
          user: { id: KENJI },
          channel: { id: asked.c.id },
          container: { channel_id: asked.c.id, message_ts: asked.m.ts },
          actions: [{ type: "button", action_id: "approve_update", value: updateId }],
        }),
      }).toString(),
      { secret: SECRET },
    );
    expect(click.status).toBe(200);
    await page
      .getByTestId("update-card")
      .filter({ hasText: words })
      .filter({ hasText: /Approved|Published/ })
      .waitFor({ timeout: 10_000 });
    expect(["approved", "published"]).toContain(
      await page.getByTestId("update-card").filter({ hasText: words }).getAttribute("data-state"),
    );
    await screenshot(page, "slack-live--comms-approved");
    await waitFor("the Slack message settled", () => asked.m.edited && asked.m.text.includes("Kenji Tanaka"));
  });
});
