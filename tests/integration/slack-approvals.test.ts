// Approving from Slack (issue 16, item 5): a SEV1 update awaiting approval is posted to the
// incident's channel with Approve and Reject; clicks arrive as signed block_actions. The
// two-person rule holds as in the app; after a decision the message is edited without buttons.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases } from "../setup/app-server.ts";
import { PEOPLE, startSlackScene, type SlackScene } from "../setup/slack-scene.ts";
import { waitFor } from "../setup/slack-requests.ts";

describe.each(databases())("approvals from Slack on %s", (database) => {
  let scene: SlackScene;
  let incident: { incidentId: string; number: number; channelId: string };
  let authorSlackId: string;
  beforeAll(async () => {
    scene = await startSlackScene(database);
    incident = await scene.declare("SEV1", "Payments are declined");
    // The API's bootstrap admin drafts the updates: in Slack, that person is the author.
    const [author] = await scene.app.db.rows<{ email: string }>(
      `SELECT u."email" FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId" ORDER BY t."createdAt" LIMIT 1`,
    );
    authorSlackId = "U0AUTHOR";
    scene.slack.addUser({ id: authorSlackId, email: author!.email, name: "The author" });
  }, 60_000);
  afterAll(() => scene?.stop());

  const updateState = async (id: string) => (await scene.app.api.get(`/api/v1/updates/${id}`)).body.update;
  async function awaitingUpdate(body: string) {
    const made = await scene.app.api.post(`/api/v1/incidents/${incident.incidentId}/updates`, {
      status: "identified",
      body,
      publish: true,
      notify: false,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.update.state).toBe("awaiting_approval");
    const posted = await waitFor("the approval message", () =>
      scene.slack.channels
        .get(incident.channelId)!
        .messages.find((m) => m.blocks?.includes(made.body.update.id) && m.text.includes("awaits approval")),
    );
    return { id: made.body.update.id as string, posted };
  }
  const click = (user: string, action: "approve_update" | "reject_update", updateId: string, ts: string) =>
    scene.interaction({
      type: "block_actions",
      user: { id: user, name: "x" },
      team: { id: "T0TEST" },
      channel: { id: incident.channelId, name: "inc" },
      container: { type: "message", channel_id: incident.channelId, message_ts: ts },
      message: { ts, text: "…" },
      trigger_id: "12345.98765.abcd2358fdea",
      response_url: "https://hooks.slack.com/actions/T0TEST/1/x",
      actions: [
        { type: "button", action_id: action, block_id: `approval:${updateId}`, value: updateId, action_ts: `${Date.now() / 1000}` },
      ],
    });
  const ephemeralTo = (user: string, words: string) =>
    scene.slack.callsOf("chat.postEphemeral").find((c) => c.args.user === user && c.args.text.includes(words));

  it("posts the SEV1 update awaiting approval once, with Approve and Reject carrying its id", async () => {
    const { id, posted } = await awaitingUpdate("We are looking into declined card payments.");
    const blocks = JSON.parse(posted.blocks!);
    expect(blocks[1].elements.map((e: any) => [e.action_id, e.value])).toEqual([
      ["approve_update", id],
      ["reject_update", id],
    ]);
    expect(posted.text).toContain(`INC-${incident.number}: a status update (identified)`);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(scene.slack.channels.get(incident.channelId)!.messages.filter((m) => m.blocks?.includes(id))).toHaveLength(1);
  });

  it("the author's Approve is refused to them alone and nothing moves; another responder's approves it, and the message says who, without buttons", async () => {
    const { id, posted } = await awaitingUpdate("Card payments are declined for some banks; we found the cause.");
    const audits = () => scene.app.db.count("AuditEvent", `"entityId" = ?`, id);
    const before = await audits();
    expect((await click(authorSlackId, "approve_update", id, posted.ts)).status).toBe(200);
    await waitFor("the author told", () => ephemeralTo(authorSlackId, "Nothing was changed"));
    expect((await updateState(id)).state).toBe("awaiting_approval");
    expect(await audits()).toBe(before);
    expect(posted.edited).toBeFalsy();

    // a viewer may not, whatever the update
    expect((await click(PEOPLE.alex.id, "approve_update", id, posted.ts)).status).toBe(200);
    await waitFor("the viewer told", () => ephemeralTo(PEOPLE.alex.id, "Your role (viewer) may not approve"));
    expect((await updateState(id)).state).toBe("awaiting_approval");

    expect((await click(PEOPLE.kenji.id, "approve_update", id, posted.ts)).status).toBe(200);
    const decided = await updateState(id);
    expect(["approved", "published"]).toContain(decided.state);
    expect(decided.approvedBy).toMatchObject({ name: "Kenji Tanaka" });
    await waitFor("the message edited", () => posted.edited && posted.text.includes("by Kenji Tanaka"));
    expect(posted.blocks).not.toContain("approve_update");
    expect(scene.slack.callsOf("chat.update").filter((c) => c.args.ts === posted.ts)).toHaveLength(1);
    const [audit] = await scene.app.db.rows<{ via: string | null }>(
      `SELECT "via" FROM "AuditEvent" WHERE "action" = 'update.approved' AND "entityId" = ?`,
      id,
    );
    expect(audit!.via).toBe("slack");
  });

  it("Reject sends it back to its author as a draft with the reason, and the message says so", async () => {
    const { id, posted } = await awaitingUpdate("Payments recovering.");
    // the author may not reject their own words either (decision 0046)
    expect((await click(authorSlackId, "reject_update", id, posted.ts)).status).toBe(200);
    await waitFor("the author told", () => ephemeralTo(authorSlackId, "cannot refuse it"));
    expect((await updateState(id)).state).toBe("awaiting_approval");
    expect((await click(PEOPLE.kenji.id, "reject_update", id, posted.ts)).status).toBe(200);
    const returned = await updateState(id);
    expect(returned.state).toBe("draft");
    expect(returned.returned).toMatchObject({
      by: { name: "Kenji Tanaka" },
      reason: expect.stringContaining("Rejected in Slack by Kenji Tanaka"),
    });
    await waitFor("the message edited", () => posted.edited && posted.text.includes("Rejected by Kenji Tanaka"));
  });

  it("an unknown update or a malformed click is answered without a 5xx", async () => {
    expect((await click(PEOPLE.kenji.id, "approve_update", "nosuchupdate", "1.2")).status).toBe(200);
    await waitFor("told", () => ephemeralTo(PEOPLE.kenji.id, "no longer exists"));
    expect((await scene.interaction({ type: "block_actions", user: { id: PEOPLE.kenji.id }, actions: [] })).status).toBe(422);
  });
});
