// Every shape Slack sends that the inbound half of issue 16 reads (reaction_added, pin_added,
// the message shortcut, button clicks, modal submissions, slash commands), correctly signed, with
// each of its values in turn removed or replaced by the wrong kind of thing: never a 5xx, and the
// app stays healthy. (The general fuzz test breaks the envelope; this one breaks what is inside.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases } from "../setup/app-server.ts";
import { PEOPLE, startSlackScene, type SlackScene } from "../setup/slack-scene.ts";

const WRONG: unknown[] = [undefined, null, 0, -1.5, true, "", "x".repeat(5000), "<@U0DANA|d>", "../../etc", {}, [], [{}], { ts: "1.2" }];

/** The document with the value at `path` replaced (undefined: removed). */
function replaced(doc: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(doc))
    return doc
      .map((item, i) => (i === head ? replaced(item, rest, value) : item))
      .filter((_, i) => !(i === head && rest.length === 0 && value === undefined));
  const copy = { ...(doc as Record<string, unknown>) };
  if (rest.length === 0 && value === undefined) delete copy[head as string];
  else copy[head as string] = replaced(copy[head as string], rest, value);
  return copy;
}

function paths(doc: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (doc === null || typeof doc !== "object") return [prefix];
  const entries = Array.isArray(doc) ? doc.map((v, i) => [i, v] as const) : Object.entries(doc);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

describe.each(databases())("Slack payloads broken inside, signed, on %s", (database) => {
  let scene: SlackScene;
  let incident: { incidentId: string; channelId: string };
  beforeAll(async () => {
    scene = await startSlackScene(database);
    incident = await scene.declare("SEV1", "Fuzzing the inbound payloads");
  }, 60_000);
  afterAll(() => scene?.stop());

  it("answers every variant without a 5xx", async () => {
    const ts = scene.slack.postAs(incident.channelId, { user: PEOPLE.kenji.id, text: "a message" });
    const made = await scene.app.api.post(`/api/v1/incidents/${incident.incidentId}/updates`, {
      status: "identified",
      body: "Words",
      publish: true,
      notify: false,
    });
    const updateId = made.body.update.id as string;
    const events = [
      { type: "reaction_added", user: PEOPLE.dana.id, reaction: "pushpin", item: { type: "message", channel: incident.channelId, ts } },
      {
        type: "pin_added",
        user: PEOPLE.dana.id,
        channel_id: incident.channelId,
        item: { type: "message", channel: incident.channelId, message: { ts, text: "a message", user: PEOPLE.kenji.id } },
      },
    ];
    const interactions = [
      {
        type: "message_action",
        callback_id: "add_to_timeline",
        user: { id: PEOPLE.dana.id },
        channel: { id: incident.channelId },
        message: { ts, text: "a message", user: PEOPLE.kenji.id },
      },
      {
        type: "block_actions",
        user: { id: PEOPLE.priya.id },
        channel: { id: incident.channelId },
        container: { channel_id: incident.channelId, message_ts: ts },
        actions: [{ action_id: "reject_update", value: updateId }],
      },
      {
        type: "view_submission",
        user: { id: PEOPLE.alex.id },
        view: {
          callback_id: "draft_update",
          private_metadata: JSON.stringify({ incidentId: incident.incidentId, status: "identified" }),
          state: { values: { body: { value: { type: "plain_text_input", value: "Draft words" } } } },
        },
      },
      {
        type: "view_submission",
        user: { id: PEOPLE.alex.id },
        view: {
          callback_id: "declare_incident",
          private_metadata: "",
          state: {
            values: {
              title: { value: { value: "A title" } },
              severity: { value: { selected_option: { value: "SEV4" } } },
              components: { value: { selected_options: [{ value: "nope" }] } },
            },
          },
        },
      },
    ];
    const statuses: Record<number, number> = {};
    const problems: string[] = [];
    const note = (what: string, status: number) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status >= 500 && problems.length < 20) problems.push(`${status}: ${what.slice(0, 300)}`);
    };
    for (const event of events)
      for (const path of paths(event))
        for (const value of WRONG) {
          const broken = replaced(event, path, value) as Record<string, unknown>;
          note(JSON.stringify(broken), (await scene.event(broken ?? {})).status);
        }
    for (const payload of interactions)
      for (const path of paths(payload))
        for (const value of WRONG) {
          const broken = replaced(payload, path, value) as Record<string, unknown>;
          note(JSON.stringify(broken), (await scene.interaction(broken ?? {})).status);
        }
    for (const text of [
      "lead",
      "lead <@U0NOBODY>",
      `lead <@${PEOPLE.dana.id}> extra`,
      "update",
      "declare",
      "declare SEV9",
      "note",
      "sev",
      "lead <@>",
    ])
      for (const trigger of [undefined, "", "x".repeat(300), "1.2.3"])
        note(
          text,
          (await scene.command(PEOPLE.dana.id, text, incident.channelId, trigger === undefined ? {} : { trigger_id: trigger })).status,
        );
    console.log(`slack payload fuzz on ${database}: ${JSON.stringify(statuses)}`);
    expect(problems).toEqual([]);
    expect((await scene.app.api.get("/healthz")).status).toBe(200);
  }, 300_000);
});
