// `/incident …` carried out: the person is the app user with their Slack email, acting with
// that user's role through the same module functions as the pages and the API (declare,
// change, write the timeline). Whatever is refused (a role, a rule, bad input) is an ephemeral
// answer to that person, and nothing changes.
import { z } from "zod";
import { can, type Permission } from "~/modules/auth/roles.ts";
import type { Actor } from "~/modules/auth/actor.ts";
import { declareIncident } from "~/modules/incidents/declare.server.ts";
import { incidentRef } from "~/utils/incident-links.ts";
import { DeclareIncidentSchema } from "~/modules/incidents/schemas.ts";
import { changeIncident } from "~/modules/incidents/change.server.ts";
import { addTimelineEntry, NewEntrySchema } from "~/modules/timeline/entries.server.ts";
import { db } from "~/utils/db.server.ts";
import { fieldErrors } from "~/utils/http.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { HELP_TEXT, parseSlackCommand, type SlackCommand } from "./commands.ts";
import { slackPerson } from "./people.server.ts";
import { openDeclareModal, openUpdateModal } from "./modals.server.ts";
import { refusalOf } from "./refusal.server.ts";

/** The fields of Slack's slash-command payload this app reads (the rest are ignored). */
export const SlashCommandSchema = z.object({
  command: z.string().max(100),
  text: z.string().max(4000).default(""),
  user_id: z.string().regex(/^[UW][A-Z0-9]{2,30}$/, "must be a Slack user id"),
  channel_id: z.string().max(40).default(""),
  team_id: z.string().max(40).optional(),
  /** lets the app open a modal in answer, within 3 seconds */
  trigger_id: z.string().max(200).optional(),
});
export type SlashCommand = z.output<typeof SlashCommandSchema>;

/** `text` empty: a modal was opened, and the command's answer is empty. */
export type CommandReply = { text: string; visibleToChannel?: boolean };

const NEEDS: Record<Exclude<SlackCommand["kind"], "help" | "unknown">, Permission> = {
  declare: "incident:write",
  status: "incident:write",
  sev: "incident:write",
  note: "incident:write",
  lead: "incident:write",
  update: "update:draft",
  "declare-modal": "incident:write",
};

async function channelIncident(channelId: string) {
  if (!channelId) return null;
  const row = await db.slackChannel.findUnique({ where: { channelId }, select: { incident: { select: { id: true, number: true } } } });
  return row?.incident ?? null;
}

async function carryOut(
  actor: Actor,
  command: Exclude<SlackCommand, { kind: "help" | "unknown" }>,
  input: SlashCommand,
): Promise<CommandReply> {
  const channelId = input.channel_id;
  if (command.kind === "declare-modal") {
    if (!input.trigger_id) return { text: "Give the incident a title: `/incident declare SEV2 Checkout is failing`." };
    const problem = await openDeclareModal(input.trigger_id, command.severity);
    return { text: problem ?? "" };
  }
  if (command.kind === "declare") {
    const parsed = DeclareIncidentSchema.safeParse({ title: command.title, severity: command.severity });
    if (!parsed.success)
      return {
        text: `Not declared: ${Object.entries(fieldErrors(parsed.error))
          .map(([f, p]) => `${f} ${p}`)
          .join("; ")}.`,
      };
    const view = await declareIncident(actor, parsed.data);
    return {
      text: `${actor.name} declared ${view.ref} (${view.severity}): ${view.title}. Its channel is on the way.`,
      visibleToChannel: true,
    };
  }
  const incident = await channelIncident(channelId);
  if (!incident) return { text: "This is not an incident's channel: run this in the channel Incident Desk made for the incident." };
  const ref = incidentRef(incident.number);
  if (command.kind === "update") {
    if (!input.trigger_id) return { text: "Slack sent no trigger to open the form with; draft the update in the app." };
    return { text: (await openUpdateModal(input.trigger_id, incident.id)) ?? "" };
  }
  if (command.kind === "lead") {
    const lead = await slackPerson(command.slackUserId);
    if (!lead.ok) return { text: `Nothing was changed: <@${command.slackUserId}> cannot lead it here. ${lead.refusal}` };
    await changeIncident(actor, incident.id, { commanderId: lead.actor.userId });
    return { text: `${actor.name} made ${lead.actor.name} the commander of ${ref}.`, visibleToChannel: true };
  }
  if (command.kind === "note") {
    const input = NewEntrySchema.safeParse({ body: command.text, kind: "note" });
    if (!input.success)
      return {
        text: `Not added: ${Object.entries(fieldErrors(input.error))
          .map(([f, p]) => `${f} ${p}`)
          .join("; ")}.`,
      };
    await addTimelineEntry(actor, incident.id, input.data);
    return { text: `Added to the timeline of ${ref}.` };
  }
  const patch = command.kind === "status" ? { status: command.status } : { severity: command.severity };
  const view = await changeIncident(actor, incident.id, patch);
  return { text: `${actor.name} set ${ref} to ${command.kind === "status" ? view.status : view.severity}.`, visibleToChannel: true };
}

export async function runSlashCommand(input: SlashCommand): Promise<CommandReply> {
  const command = parseSlackCommand(input.text);
  if (command.kind === "help") return { text: HELP_TEXT };
  if (command.kind === "unknown") return { text: command.problem };
  const person = await slackPerson(input.user_id);
  if (!person.ok) return { text: person.refusal };
  const actor = { ...person.actor, slackUserId: input.user_id };
  if (!can(actor.role, NEEDS[command.kind])) {
    return { text: `Your role (${actor.role}) may not do this: it needs ${NEEDS[command.kind]}. Nothing was changed.` };
  }
  try {
    return await carryOut(actor, command, input);
  } catch (error) {
    const refusal = await refusalOf(error);
    if (refusal) return { text: `Nothing was changed: ${refusal}` };
    logger.error({ err: error, command: command.kind }, "slack command failed");
    return { text: "Something went wrong on our side; nothing was changed. Try again, or use the app." };
  }
}
