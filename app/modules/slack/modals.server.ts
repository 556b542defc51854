// Slack's modals for what a one-line command cannot hold (issue 16): `/incident declare` without
// a title (title, severity, components, summary) and `/incident update` (a status update drafted
// from the template of the incident's status). views.open needs the command's trigger_id, valid
// for 3 seconds, so it is called at once, not through the outbox. The submission is checked with
// the same schemas and carried out by the same functions as the Declare page and the composer.
import { z } from "zod";
import type { Actor } from "~/modules/auth/actor.ts";
import { can } from "~/modules/auth/roles.ts";
import { declareIncident } from "~/modules/incidents/declare.server.ts";
import { COMPONENT_IMPACTS, SEVERITIES, type SeverityName } from "~/modules/incidents/lifecycle.ts";
import { getIncident } from "~/modules/incidents/queries.server.ts";
import { DeclareIncidentSchema } from "~/modules/incidents/schemas.ts";
import { likelyStatus } from "~/modules/updates/comms.server.ts";
import { createUpdate, draftBody } from "~/modules/updates/drafts.server.ts";
import { needsApproval } from "~/modules/updates/rules.ts";
import { NewUpdateSchema } from "~/modules/updates/schemas.ts";
import { db } from "~/utils/db.server.ts";
import { fieldErrors } from "~/utils/http.server.ts";
import { slackPerson } from "./people.server.ts";
import { refusalOf } from "./refusal.server.ts";
import { callSlack } from "./web-api.server.ts";

export const DECLARE_MODAL = "declare_incident";
export const UPDATE_MODAL = "draft_update";

const plain = (text: string) => ({ type: "plain_text", text });
const option = (text: string, value: string) => ({ text: plain(text.slice(0, 75)), value });
const input = (block_id: string, label: string, element: object, optional = false) => ({
  type: "input",
  block_id,
  label: plain(label),
  optional,
  element: { action_id: "value", ...element },
});

async function openView(triggerId: string, view: object): Promise<string | null> {
  const answer = await callSlack("views.open", { trigger_id: triggerId, view: JSON.stringify(view) });
  return answer.ok ? null : `Slack did not open the form (${answer.error}); try again, or use the app.`;
}

export async function openDeclareModal(triggerId: string, severity: SeverityName): Promise<string | null> {
  const components = await db.component.findMany({
    where: { isGroup: false },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    take: 100,
    select: { id: true, name: true },
  });
  const severities = SEVERITIES.map((s) => option(s, s));
  return openView(triggerId, {
    type: "modal",
    callback_id: DECLARE_MODAL,
    title: plain("Declare an incident"),
    submit: plain("Declare"),
    close: plain("Cancel"),
    blocks: [
      input("title", "Title", { type: "plain_text_input", max_length: 200, placeholder: plain("Checkout is failing for EU cards") }),
      input("severity", "Severity", { type: "static_select", options: severities, initial_option: option(severity, severity) }),
      ...(components.length
        ? [
            input(
              "components",
              "Affected components",
              { type: "multi_static_select", options: components.map((c) => option(c.name, c.id)) },
              true,
            ),
          ]
        : []),
      ...(components.length
        ? [
            input(
              "impact",
              "Their impact",
              {
                type: "static_select",
                options: COMPONENT_IMPACTS.map((i) => option(i.replace(/_/g, " "), i)),
                initial_option: option("partial outage", "partial_outage"),
              },
              true,
            ),
          ]
        : []),
      input("summary", "Summary", { type: "plain_text_input", multiline: true, max_length: 5000 }, true),
    ],
  });
}

export async function openUpdateModal(triggerId: string, incidentId: string): Promise<string | null> {
  const incident = await getIncident(incidentId);
  if (!incident) return "That incident no longer exists.";
  const status = likelyStatus(incident);
  const body = await draftBody(incidentId, status, null);
  return openView(triggerId, {
    type: "modal",
    callback_id: UPDATE_MODAL,
    private_metadata: JSON.stringify({ incidentId, status }),
    title: plain("Draft a status update"),
    submit: plain(needsApproval(incident.severity, null, status) ? "Ask for approval" : "Save the draft"),
    close: plain("Cancel"),
    blocks: [
      { type: "context", elements: [{ type: "mrkdwn", text: `${incident.ref} · ${status} · from the ${status} template` }] },
      input("body", "What readers will see", {
        type: "plain_text_input",
        multiline: true,
        max_length: 5000,
        initial_value: body.slice(0, 3000),
      }),
    ],
  });
}

const ValueSchema = z
  .object({
    value: z.string().max(10_000).nullish(),
    selected_option: z.object({ value: z.string().max(200) }).nullish(),
    selected_options: z
      .array(z.object({ value: z.string().max(200) }))
      .max(100)
      .nullish(),
  })
  .passthrough();
export const ViewSubmissionSchema = z.object({
  type: z.literal("view_submission"),
  user: z.object({ id: z.string().regex(/^[UW][A-Z0-9]{2,30}$/, "must be a Slack user id") }).passthrough(),
  view: z
    .object({
      callback_id: z.string().max(255),
      private_metadata: z.string().max(3000).default(""),
      state: z.object({ values: z.record(z.string().max(255), z.record(z.string().max(255), ValueSchema)) }),
    })
    .passthrough(),
});
type Submission = z.output<typeof ViewSubmissionSchema>;

/** Slack's answer to a submission: close the modal (null), or show errors beside the fields. */
export type SubmissionAnswer = null | { response_action: "errors"; errors: Record<string, string> };

function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const field = (s: Submission, block: string) => s.view.state.values[block]?.value;
const errors = (byField: Record<string, string>): SubmissionAnswer => ({ response_action: "errors", errors: byField });

async function actorFor(s: Submission, permission: "incident:write" | "update:draft"): Promise<{ actor: Actor } | { refusal: string }> {
  const who = await slackPerson(s.user.id);
  if (!who.ok) return { refusal: who.refusal };
  if (!can(who.actor.role, permission)) return { refusal: `Your role (${who.actor.role}) may not do this: it needs ${permission}.` };
  return { actor: { ...who.actor, slackUserId: s.user.id } };
}

export async function submitModal(s: Submission): Promise<SubmissionAnswer> {
  const kind = s.view.callback_id;
  if (kind !== DECLARE_MODAL && kind !== UPDATE_MODAL) return null;
  const who = await actorFor(s, kind === DECLARE_MODAL ? "incident:write" : "update:draft");
  const firstBlock = kind === DECLARE_MODAL ? "title" : "body";
  if ("refusal" in who) return errors({ [firstBlock]: who.refusal.slice(0, 150) });
  try {
    if (kind === DECLARE_MODAL) {
      const impact = field(s, "impact")?.selected_option?.value ?? "partial_outage";
      const parsed = DeclareIncidentSchema.safeParse({
        title: field(s, "title")?.value ?? "",
        severity: field(s, "severity")?.selected_option?.value,
        summary: field(s, "summary")?.value ?? "",
        components: (field(s, "components")?.selected_options ?? []).map((o) => ({ id: o.value, impact })),
      });
      if (!parsed.success)
        return errors(Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([f, p]) => [f.split(".")[0]!, `${f} ${p}`])));
      await declareIncident(who.actor, parsed.data);
      return null;
    }
    const meta = z.object({ incidentId: z.string().max(40), status: z.string().max(40) }).safeParse(jsonOrNull(s.view.private_metadata));
    if (!meta.success) return errors({ body: "This form is not one Incident Desk opened." });
    const incident = await getIncident(meta.data.incidentId);
    if (!incident) return errors({ body: "That incident no longer exists." });
    const publish = needsApproval(incident.severity, null, meta.data.status);
    const parsed = NewUpdateSchema.safeParse({ status: meta.data.status, body: field(s, "body")?.value ?? "", publish, notify: true });
    if (!parsed.success)
      return errors({
        body: Object.entries(fieldErrors(parsed.error))
          .map(([f, p]) => `${f} ${p}`)
          .join("; ")
          .slice(0, 150),
      });
    await createUpdate(who.actor, incident.id, parsed.data);
    return null;
  } catch (error) {
    const refusal = await refusalOf(error);
    if (refusal) return errors({ [firstBlock]: refusal.slice(0, 150) });
    throw error;
  }
}
