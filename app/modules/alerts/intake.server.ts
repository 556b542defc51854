// Alert intake: a notification from monitoring opens an incident for its alert group, or
// adds to the incident the group opened. Everything goes through the incident and timeline
// functions the room uses, so it is audited and appears live. docs/decisions/0016-alert-intake.md
import { createHash } from "node:crypto";
import type { Actor } from "~/modules/auth/actor.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { declareIncidentWithin } from "~/modules/incidents/declare.server.ts";
import type { ComponentImpactName } from "~/modules/incidents/lifecycle.ts";
import { incidentRef } from "~/utils/incident-links.ts";
import { incidentView, loadIncidentRow } from "~/modules/incidents/view.server.ts";
import { writeTimelineEntry } from "~/modules/timeline/entries.server.ts";
import { recordIncidentChange, withIncidentChanges } from "~/modules/timeline/record-change.server.ts";
import type { Tx } from "~/utils/db.server.ts";
import { newId } from "~/utils/ids.ts";
import { logger } from "~/utils/logger.server.ts";
import {
  ALERT_KEY_PREFIX,
  alertComponentNames,
  alertEntryText,
  alertOccurredAt,
  alertSeverity,
  notLaterThan,
  truncatedAlertsNote,
  unrecordedAlerts,
} from "./entries.ts";
import type { AlertNotification, ReceivedAlert } from "./notification.ts";
import { loadAlertRules } from "./rules.server.ts";
import { impactForSeverity, matchComponents, mostSevere, type AlertRules, type CatalogComponent } from "./rules.ts";

export type AlertIntakeResult = {
  incident: { id: string; ref: string } | null;
  /** whether this notification opened the incident */
  created: boolean;
  /** timeline entries it added: 0 for a notification already recorded */
  entriesAdded: number;
};

type Outcome = { result: AlertIntakeResult };

/** Lost a race with a notification of the same group: try again, and see what it stored. */
class GroupMoved extends Error {}

const ATTEMPTS = 5;
const isRaceLost = (error: unknown) => error instanceof GroupMoved || ["P2002", "P2034"].includes((error as { code?: string })?.code ?? "");

/** One transaction per notification: a group's first two notifications at once still open one incident. */
export async function receiveAlertNotification(actor: Actor, notification: AlertNotification): Promise<AlertIntakeResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      // a notification may carry hundreds of alerts, each an entry
      const outcome = await withIncidentChanges((tx) => recordNotification(tx, actor, notification), { maxWait: 10_000, timeout: 60_000 });
      return outcome.result;
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRaceLost(error)) throw error;
      logger.info({ groupKey: notification.groupKey, attempt }, "alert notification raced another of its group; trying again");
    }
  }
}

/** Group keys can be longer than an index takes; their hash is the group's id. */
export function alertGroupId(source: string, groupKey: string): string {
  return createHash("sha256").update(`${source}\n${groupKey}`).digest("hex");
}

async function recordNotification(tx: Tx, actor: Actor, notification: AlertNotification): Promise<Outcome> {
  const rules = await loadAlertRules(tx);
  const now = new Date();
  const id = alertGroupId(notification.source, notification.groupKey);
  const group = await tx.alertGroup.findUnique({ where: { id }, select: { incidentId: true } });
  if (!group) {
    // nothing was opened for a group we never heard fire, so there is nothing to add its resolution to
    if (notification.status === "resolved") return { result: { incident: null, created: false, entriesAdded: 0 } };
    const opened = await openIncident(tx, actor, notification, rules, now);
    // a second notification racing this one fails here (unique id) and is tried again
    await tx.alertGroup.create({
      data: { id, source: notification.source, groupKey: notification.groupKey, incidentId: opened.result.incident!.id },
    });
    await recordAudit(tx, actor, {
      action: "alert_group.created",
      entityType: "AlertGroup",
      entityId: id,
      after: { source: notification.source, groupKey: notification.groupKey, incidentId: opened.result.incident!.id },
    });
    return opened;
  }
  // Locks the group's row: its notifications take turns, each seeing what the one before stored.
  const locked = await tx.alertGroup.updateMany({ where: { id, incidentId: group.incidentId }, data: { lastNotifiedAt: now } });
  if (locked.count === 0) throw new GroupMoved();
  const incident = await tx.incident.findUniqueOrThrow({
    where: { id: group.incidentId },
    select: { id: true, number: true, status: true },
  });
  const recorded = await recordedAlertKeys(tx, incident.id);
  const firing = notification.alerts.filter((alert) => alert.status === "firing");
  if (incident.status === "resolved" && unrecordedAlerts(firing, recorded).length > 0) {
    // A person resolved the last incident and an alert fired anew: that is a new incident.
    const opened = await openIncident(tx, actor, notification, rules, now);
    const next = opened.result.incident!.id;
    await tx.alertGroup.update({ where: { id }, data: { incidentId: next } });
    await recordAudit(tx, actor, {
      action: "alert_group.moved",
      entityType: "AlertGroup",
      entityId: id,
      before: { incidentId: incident.id },
      after: { incidentId: next },
    });
    return opened;
  }
  return appendToIncident(tx, actor, incident, notification, rules, recorded, now);
}

async function recordedAlertKeys(tx: Tx, incidentId: string): Promise<Set<string>> {
  const rows = await tx.timelineEntry.findMany({
    where: { incidentId, idempotencyKey: { startsWith: ALERT_KEY_PREFIX } },
    select: { idempotencyKey: true },
  });
  return new Set(rows.map((row) => row.idempotencyKey!));
}

function loadCatalog(tx: Tx): Promise<CatalogComponent[]> {
  return tx.component.findMany({ where: { archivedAt: null }, select: { id: true, name: true, isGroup: true } });
}

async function openIncident(tx: Tx, actor: Actor, notification: AlertNotification, rules: AlertRules, now: Date): Promise<Outcome> {
  const firing = notification.alerts.filter((alert) => alert.status === "firing");
  const severity = mostSevere(firing.map((alert) => alertSeverity(alert, rules))) ?? rules.severityRules.otherwise;
  const catalog = await loadCatalog(tx);
  const { matched } = matchComponents(
    firing.flatMap((alert) => alertComponentNames(alert, rules)),
    catalog,
  );
  const impact = impactForSeverity(severity);
  const earliest = firing.map((alert) => alert.startsAt?.getTime() ?? now.getTime()).reduce((a, b) => Math.min(a, b), now.getTime());
  const startedAt = notLaterThan(new Date(earliest), now);
  const view = await declareIncidentWithin(tx, actor, {
    title: notification.title,
    severity,
    summary: notification.summary,
    components: matched.map((component) => ({ id: component.id, impact })),
    regions: [],
    startedAt,
    detectedAt: startedAt,
  });
  const written = await writeAlertEntries(
    tx,
    actor,
    view.id,
    notification,
    rules,
    unrecordedAlerts(notification.alerts, new Set()),
    catalog,
    now,
    null,
  );
  return { result: { incident: { id: view.id, ref: view.ref }, created: true, entriesAdded: written.count } };
}

async function appendToIncident(
  tx: Tx,
  actor: Actor,
  incident: { id: string; number: number; status: string },
  notification: AlertNotification,
  rules: AlertRules,
  recorded: Set<string>,
  now: Date,
): Promise<Outcome> {
  const reference = { id: incident.id, ref: incidentRef(incident.number) };
  const fresh = unrecordedAlerts(notification.alerts, recorded);
  if (!fresh.length) return { result: { incident: reference, created: false, entriesAdded: 0 } };
  const catalog = await loadCatalog(tx);
  // Components a new alert names join an open incident; those already on it keep the impact people gave them.
  const affected =
    incident.status === "resolved"
      ? null
      : new Set(
          (await tx.incidentComponent.findMany({ where: { incidentId: incident.id, endedAt: null }, select: { componentId: true } })).map(
            (c) => c.componentId,
          ),
        );
  const written = await writeAlertEntries(tx, actor, incident.id, notification, rules, fresh, catalog, now, affected);
  return { result: { incident: reference, created: false, entriesAdded: written.count } };
}

/**
 * One observation entry per alert state not yet recorded, keyed so a repeat adds nothing.
 * With `affected` (an open incident's components), components named by firing alerts and
 * not yet affected are added, with the impact the alert's severity gives.
 */
async function writeAlertEntries(
  tx: Tx,
  actor: Actor,
  incidentId: string,
  notification: AlertNotification,
  rules: AlertRules,
  fresh: { alert: ReceivedAlert; key: string }[],
  catalog: CatalogComponent[],
  now: Date,
  affected: Set<string> | null,
): Promise<{ count: number }> {
  const added: { id: string; name: string; impact: ComponentImpactName }[] = [];
  for (const [index, { alert, key }] of fresh.entries()) {
    const match = matchComponents(alertComponentNames(alert, rules), catalog);
    const addedHere: typeof added = [];
    if (affected && alert.status === "firing") {
      for (const component of match.matched.filter((c) => !affected.has(c.id))) {
        affected.add(component.id);
        addedHere.push({ ...component, impact: impactForSeverity(alertSeverity(alert, rules)) });
      }
    }
    let text = alertEntryText(alert, {
      notification,
      rules,
      now,
      components: match.matched.map((c) => c.name),
      added: addedHere,
      unknownComponents: match.unknown,
      groupComponents: match.groups,
    });
    if (index === fresh.length - 1 && notification.truncatedAlerts > 0) text += `\n${truncatedAlertsNote(notification.truncatedAlerts)}`;
    await writeTimelineEntry(tx, actor, incidentId, {
      body: text,
      kind: "observation",
      occurredAt: alertOccurredAt(alert, now),
      pinned: false,
      idempotencyKey: key,
    });
    added.push(...addedHere);
  }
  if (added.length) await addAffectedComponents(tx, actor, incidentId, added, now);
  return { count: fresh.length };
}

/** Adds impact windows to an open incident and tells the room (one incident.updated event). */
async function addAffectedComponents(
  tx: Tx,
  actor: Actor,
  incidentId: string,
  added: { id: string; impact: ComponentImpactName }[],
  now: Date,
): Promise<void> {
  const before = incidentView((await loadIncidentRow(tx, incidentId))!);
  await tx.incidentComponent.createMany({
    data: added.map((c) => ({ id: newId(), incidentId, componentId: c.id, impact: c.impact, startedAt: now })),
  });
  await recordIncidentChange(tx, actor, incidentId, async () => {
    const view = incidentView((await loadIncidentRow(tx, incidentId))!);
    return {
      value: view,
      event: { type: "incident.updated", data: view },
      audit: { action: "incident.updated", entityType: "Incident", entityId: incidentId, before, after: view },
    };
  });
}
