import type { Actor } from "~/modules/auth/actor.ts";
import { addSystemEntry } from "~/modules/timeline/entries.server.ts";
import { recordIncidentChange, withIncidentChanges } from "~/modules/timeline/record-change.server.ts";
import { wakeWorker } from "~/modules/delivery/wake.ts";
import { queueIncidentChannel } from "~/modules/slack/outbox.server.ts";
import type { Tx } from "~/utils/db.server.ts";
import { newId } from "~/utils/ids.ts";
import { IMPACT_LABELS, stampsForCommander } from "./lifecycle.ts";
import { incidentRef } from "~/utils/incident-links.ts";
import { checkComponents, checkPerson, checkRegions } from "./references.server.ts";
import type { DeclareIncidentInput } from "./schemas.ts";
import { incidentView, loadIncidentRow } from "./view.server.ts";
import type { IncidentView } from "./view.ts";

/** Declares an incident: stamps started and detected (unless given earlier) and opens its timeline. */
export async function declareIncident(actor: Actor, input: DeclareIncidentInput): Promise<IncidentView> {
  const view = await withIncidentChanges((tx) => declareIncidentWithin(tx, actor, input));
  wakeWorker();
  return view;
}

/** Declares an incident inside the caller's transaction (alert intake), one of withIncidentChanges. */
export async function declareIncidentWithin(tx: Tx, actor: Actor, input: DeclareIncidentInput): Promise<IncidentView> {
  const now = new Date();
  const names = await checkComponents(tx, input.components);
  const regionIds = await checkRegions(tx, input.regions);
  await checkPerson(tx, "commanderId", input.commanderId);
  const { incidentCounter } = await tx.organization.update({
    where: { id: "org" },
    data: { incidentCounter: { increment: 1 } },
    select: { incidentCounter: true },
  });
  const startedAt = input.startedAt ?? now;
  const detectedAt = input.detectedAt ?? now;
  const id = newId();
  const stamps = stampsForCommander(
    input.commanderId ?? null,
    { startedAt, detectedAt, acknowledgedAt: null, mitigatedAt: null, resolvedAt: null },
    now,
  );
  await tx.incident.create({
    data: {
      id,
      number: incidentCounter,
      title: input.title,
      summary: input.summary,
      severity: input.severity,
      startedAt,
      detectedAt,
      acknowledgedAt: stamps.acknowledgedAt ?? null,
      commanderId: input.commanderId ?? null,
      declaredById: actor.userId,
      components: {
        create: input.components.map((c) => ({ id: newId(), componentId: c.id, impact: c.impact, startedAt })),
      },
      regions: { create: regionIds.map((regionId) => ({ regionId })) },
    },
  });
  const affected = input.components.map((c) => `${names.get(c.id)} (${IMPACT_LABELS[c.impact].toLowerCase()})`);
  await addSystemEntry(
    tx,
    actor,
    id,
    "status_change",
    `${actor.name} declared ${incidentRef(incidentCounter)} as ${input.severity}, investigating.` +
      (affected.length ? ` Affected: ${affected.join(", ")}.` : ""),
  );
  const { value: view } = await recordIncidentChange(tx, actor, id, async () => {
    const view = incidentView((await loadIncidentRow(tx, id))!);
    return {
      value: view,
      event: { type: "incident.updated", data: view },
      audit: { action: "incident.declared", entityType: "Incident", entityId: id, after: view },
    };
  });
  // its Slack channel, when Slack is set up (decision 0045)
  await queueIncidentChannel(tx, id, actor.slackUserId);
  return view;
}
