// The incidents every default template is tried on, and the admin's previews offer (their data:
// preview-case-data.ts), turned into what a template of each kind is filled with. Pure.
import type { IncidentView } from "~/modules/incidents/view.ts";
import { MAINTENANCE_MESSAGES } from "~/modules/maintenance/lifecycle.ts";
import type { MaintenanceStatusName } from "~/modules/status-page/model.ts";
import { proposedMoves } from "~/modules/updates/moves.ts";
import { buildUpdateVariables } from "~/modules/updates/variables.ts";
import { updateNoticeVariables } from "./notice-variables.ts";
import type { NoticeKind, NoticeVariables } from "./notice-defaults.ts";
import { renderTemplate } from "./liquid.ts";
import { DEFAULT_UPDATE_TEMPLATES, type UpdateTemplateStatus, type UpdateVariables } from "./update-defaults.ts";
import {
  caseTime,
  INCIDENT_CASES,
  MAINTENANCE_CASE,
  NEXT_UPDATE_MINUTES,
  PREVIEW_PAGE,
  STATUS_MINUTE,
  type CaseWindow,
  type IncidentCase,
  type IncidentCaseId,
} from "./preview-case-data.ts";

export * from "./preview-case-data.ts";

/** The incident as the app holds it when an update of `status` is written. */
export function caseIncident(caseId: IncidentCaseId, status: UpdateTemplateStatus): IncidentView {
  const c = INCIDENT_CASES[caseId];
  const now = STATUS_MINUTE[status];
  const resolved = status === "resolved" ? caseTime(now) : null;
  const seen = c.windows.filter((w) => w.from <= now);
  const endOf = (w: CaseWindow) => (w.until !== null && w.until <= now ? caseTime(w.until) : resolved);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: c.publicId,
    ref: c.ref,
    number: Number(c.ref.slice(4)),
    title: c.title,
    summary: c.summary,
    severity: c.severity,
    status,
    lastSeq: 0,
    startedAt: caseTime(0).toISOString(),
    detectedAt: caseTime(c.milestones.detected).toISOString(),
    acknowledgedAt: c.milestones.acknowledged === null ? null : caseTime(c.milestones.acknowledged).toISOString(),
    mitigatedAt: c.milestones.mitigated === null || c.milestones.mitigated > now ? null : caseTime(c.milestones.mitigated).toISOString(),
    resolvedAt: iso(resolved),
    commander: c.commander ? { id: "commander", name: c.commander } : null,
    commsLead: null,
    scribe: null,
    components: seen
      .filter((w) => endOf(w) === null)
      .map((w) => ({ id: w.id, name: w.name, impact: w.impact, since: caseTime(w.from).toISOString() })),
    impactHistory: seen.map((w) => ({
      id: w.id,
      name: w.name,
      impact: w.impact,
      startedAt: caseTime(w.from).toISOString(),
      endedAt: iso(endOf(w)),
    })),
    regions: c.regions.map((name) => ({ id: name, slug: name.toLowerCase().replace(/\s+/g, "-"), name })),
    public: { title: null, status: null, publishedAt: null, nextUpdateDueAt: null },
    createdAt: caseTime(0).toISOString(),
    updatedAt: caseTime(now).toISOString(),
  };
}

/** "API - Messages endpoint", as the public page names a member of a group. */
export function casePublicName(w: { name: string; group: string | null }): string {
  return w.group ? `${w.group} - ${w.name}` : w.name;
}

const publicNames = (c: IncidentCase) => new Map(c.windows.map((w) => [w.id, casePublicName(w)]));

export function caseUpdateVariables(caseId: IncidentCaseId, status: UpdateTemplateStatus): UpdateVariables {
  const c = INCIDENT_CASES[caseId];
  return buildUpdateVariables(caseIncident(caseId, status), {
    pageName: PREVIEW_PAGE.name,
    timeZone: PREVIEW_PAGE.timeZone,
    publicNames: publicNames(c),
    status,
    nextUpdateInMinutes: status === "resolved" ? null : NEXT_UPDATE_MINUTES,
    now: caseTime(STATUS_MINUTE[status]),
  });
}

/** The shipped update of `status` for the case, as it would have been published. */
export function caseUpdateBody(caseId: IncidentCaseId, status: UpdateTemplateStatus): string {
  return renderTemplate(DEFAULT_UPDATE_TEMPLATES[status], caseUpdateVariables(caseId, status));
}

const PREVIEW_LINKS = {
  manage_url: `${PREVIEW_PAGE.pageUrl}/subscriptions/preview-subscriber`,
  unsubscribe_url: `${PREVIEW_PAGE.pageUrl}/subscriptions/preview-subscriber/unsubscribe`,
  confirm_url: `${PREVIEW_PAGE.pageUrl}/subscriptions/preview-subscriber/confirm`,
};

/** The notice kind an update of `status` is sent as (the first one opens the incident). */
export function noticeKindOfStatus(status: UpdateTemplateStatus): NoticeKind {
  return status === "investigating" ? "incident.created" : status === "resolved" ? "incident.resolved" : "incident.updated";
}

/** What the comms form would move each component to with this update: the notice lists these. */
export function caseMoves(
  caseId: IncidentCaseId,
  status: UpdateTemplateStatus,
): { name: string; group: string | null; newStatus: string }[] {
  const c = INCIDENT_CASES[caseId];
  const incident = caseIncident(caseId, status);
  const ids = [...new Set(c.windows.map((w) => w.id))];
  // what the updates before this one put on the page
  const earlier = status === "investigating" ? null : caseIncident(caseId, "investigating");
  const moves = proposedMoves(
    ids.map((id) => ({
      id,
      impact: incident.components.find((x) => x.id === id)?.impact ?? null,
      heldByThisIncident: Boolean(earlier?.components.some((x) => x.id === id)),
      publicStatus: "operational",
    })),
    status,
  );
  return ids
    .filter((id) => moves[id])
    .map((id) => {
      const w = c.windows.find((x) => x.id === id)!;
      return { name: w.name, group: w.group, newStatus: moves[id] };
    });
}

/** A notice about an update of `status` with this `body`, sent to a placeholder subscriber. */
export function caseUpdateNotice(caseId: IncidentCaseId, status: UpdateTemplateStatus | "postmortem", body: string): NoticeVariables {
  const c = INCIDENT_CASES[caseId];
  const at = status === "postmortem" ? caseTime(3 * 24 * 60) : caseTime(STATUS_MINUTE[status]);
  const kind = status === "postmortem" ? "postmortem.published" : noticeKindOfStatus(status);
  const components = status === "postmortem" ? [] : caseMoves(caseId, status);
  return {
    ...updateNoticeVariables(PREVIEW_PAGE, kind, { title: c.title, status, body, publishedAt: at, eventId: c.publicId, components }),
    ...PREVIEW_LINKS,
  };
}

/** The maintenance statuses a notice is sent for, and the notice kind of each. */
export const MAINTENANCE_NOTICE_KINDS: Partial<Record<MaintenanceStatusName, NoticeKind>> = {
  scheduled: "maintenance.scheduled",
  in_progress: "maintenance.started",
  completed: "maintenance.completed",
};

export function maintenanceNotice(status: MaintenanceStatusName, body = MAINTENANCE_MESSAGES[status]): NoticeVariables {
  const at =
    status === "scheduled" ? caseTime(3 * 60) : status === "completed" ? MAINTENANCE_CASE.scheduledUntil : MAINTENANCE_CASE.scheduledFor;
  const kind = MAINTENANCE_NOTICE_KINDS[status] ?? "maintenance.started";
  return {
    ...updateNoticeVariables(PREVIEW_PAGE, kind, {
      title: MAINTENANCE_CASE.title,
      status,
      body,
      publishedAt: at,
      eventId: MAINTENANCE_CASE.publicId,
      components: [],
    }),
    ...PREVIEW_LINKS,
  };
}
