// `/incident lead`, `/incident update` and `/incident declare` without a title (issue 16): the
// modals opened with views.open (the command's trigger_id), their submissions sent back signed as
// Slack sends them, carried out by the same functions as the app.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases } from "../setup/app-server.ts";
import { PEOPLE, startSlackScene, type SlackScene } from "../setup/slack-scene.ts";
import { waitFor } from "../setup/slack-requests.ts";

describe.each(databases())("Slack's lead, update and declare forms on %s", (database) => {
  let scene: SlackScene;
  let incident: { incidentId: string; number: number; channelId: string };
  beforeAll(async () => {
    scene = await startSlackScene(database);
    incident = await scene.declare("SEV1", "Login codes are not sent");
  }, 60_000);
  afterAll(() => scene?.stop());

  /** The values Slack sends for a modal's inputs, as the person left them. */
  const submit = (user: string, view: Record<string, any>, values: Record<string, Record<string, unknown>>) =>
    scene.interaction({
      type: "view_submission",
      team: { id: "T0TEST" },
      user: { id: user, name: "x" },
      trigger_id: "12345.98765.abcd2358fdea",
      view: {
        id: "V1",
        type: "modal",
        callback_id: view.callback_id,
        private_metadata: view.private_metadata ?? "",
        state: { values: Object.fromEntries(Object.entries(values).map(([block, value]) => [block, { value }])) },
      },
    });
  const lastView = (trigger: string) => scene.slack.views.filter((v) => v.trigger_id === trigger).at(-1)!.view;

  it("/incident lead @person makes them the commander, and the topic follows", async () => {
    const answer = await scene.command(PEOPLE.dana.id, `lead <@${PEOPLE.kenji.id}|kenji>`, incident.channelId);
    expect(answer.body).toEqual({
      response_type: "in_channel",
      text: `Dana Whitfield made Kenji Tanaka the commander of INC-${incident.number}.`,
    });
    const shown = await scene.app.api.get(`/api/v1/incidents/${incident.incidentId}`);
    expect(shown.body.incident.commander).toMatchObject({ name: "Kenji Tanaka" });
    await waitFor("the topic", () => scene.slack.channels.get(incident.channelId)!.topic.includes("Commander: Kenji Tanaka"));
    const stranger = await scene.command(PEOPLE.dana.id, `lead <@${PEOPLE.guest.id}>`, incident.channelId);
    expect(stranger.body.text).toContain("Nothing was changed");
    const viewer = await scene.command(PEOPLE.alex.id, `lead <@${PEOPLE.alex.id}>`, incident.channelId);
    expect(viewer.body.text).toContain("Your role (viewer) may not");
    expect((await scene.app.api.get(`/api/v1/incidents/${incident.incidentId}`)).body.incident.commander).toMatchObject({
      name: "Kenji Tanaka",
    });
  });

  it("/incident update opens a form from the template; its submission drafts the update, and a SEV1 one awaits approval, posted to the channel", async () => {
    const answer = await scene.command(PEOPLE.dana.id, "update", incident.channelId, { trigger_id: "111.222.aa01" });
    expect(answer.status).toBe(200);
    expect(answer.body).toBeNull();
    const view = lastView("111.222.aa01");
    expect(view).toMatchObject({ type: "modal", callback_id: "draft_update", submit: { text: "Ask for approval" } });
    const prefilled = view.blocks.find((b: any) => b.block_id === "body").element.initial_value as string;
    expect(prefilled.length).toBeGreaterThan(10);
    const closed = await submit(PEOPLE.dana.id, view, {
      body: { type: "plain_text_input", value: `${prefilled}\nWe are re-routing SMS to a second provider.` },
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toBeNull();
    const updates = (await scene.app.api.get(`/api/v1/incidents/${incident.incidentId}/updates`)).body.updates as any[];
    const drafted = updates.find((u) => u.body.includes("second provider"));
    expect(drafted).toMatchObject({ state: "awaiting_approval", status: "investigating", author: { name: "Dana Whitfield" } });
    await waitFor("the approval message", () =>
      scene.slack.channels.get(incident.channelId)!.messages.find((m) => m.blocks?.includes(drafted.id)),
    );
    // an empty body is shown beside the field, and nothing is drafted
    const refused = await submit(PEOPLE.dana.id, view, { body: { type: "plain_text_input", value: "  " } });
    expect(refused.body).toMatchObject({ response_action: "errors", errors: { body: expect.any(String) } });
  });

  it("/incident declare without a title opens the declare form; its submission declares, a bad title is shown beside the field", async () => {
    const answer = await scene.command(PEOPLE.dana.id, "declare SEV2", undefined, { trigger_id: "333.444.bb02" });
    expect(answer.body).toBeNull();
    const view = lastView("333.444.bb02");
    expect(view).toMatchObject({ callback_id: "declare_incident", title: { text: "Declare an incident" } });
    expect(view.blocks.find((b: any) => b.block_id === "severity").element.initial_option.value).toBe("SEV2");
    const bad = await submit(PEOPLE.dana.id, view, {
      title: { type: "plain_text_input", value: "x" },
      severity: { type: "static_select", selected_option: { value: "SEV2" } },
    });
    expect(bad.body).toMatchObject({ response_action: "errors", errors: { title: expect.stringContaining("at least 3") } });
    const ok = await submit(PEOPLE.dana.id, view, {
      title: { type: "plain_text_input", value: "Status page is slow" },
      severity: { type: "static_select", selected_option: { value: "SEV2" } },
      summary: { type: "plain_text_input", value: "Pages take 9 s" },
    });
    expect(ok.status).toBe(200);
    const [declared] = await scene.app.db.rows<{ severity: string; summary: string }>(
      `SELECT "severity", "summary" FROM "Incident" WHERE "title" = 'Status page is slow'`,
    );
    expect(declared).toEqual({ severity: "SEV2", summary: "Pages take 9 s" });
    // a viewer's submission is refused beside the title, and declares nothing
    const viewer = await submit(PEOPLE.alex.id, view, {
      title: { type: "plain_text_input", value: "Viewer's outage" },
      severity: { type: "static_select", selected_option: { value: "SEV4" } },
    });
    expect(viewer.body).toMatchObject({ response_action: "errors", errors: { title: expect.stringContaining("viewer") } });
    expect(await scene.app.db.count("Incident", `"title" = 'Viewer''s outage'`)).toBe(0);
  });

  it("a trigger Slack did not issue is told to the person; a forged form's metadata is refused, never a 500", async () => {
    const answer = await scene.command(PEOPLE.dana.id, "update", incident.channelId, { trigger_id: "not-a-trigger" });
    expect(answer.body).toEqual({ response_type: "ephemeral", text: expect.stringContaining("invalid_trigger_id") });
    const forged = await submit(
      PEOPLE.dana.id,
      { callback_id: "draft_update", private_metadata: "{not json" },
      { body: { type: "plain_text_input", value: "hello there" } },
    );
    expect(forged.status).toBe(200);
    expect(forged.body).toMatchObject({ response_action: "errors" });
  });
});
