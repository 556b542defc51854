// The preview cases as each email notice would carry them: the update of the notice's status
// (or the root-cause report, or the maintenance message) written by the shipped template for
// that incident, sent to a placeholder subscriber. Which cases a notice can be previewed with
// depends on what it is about. Pure.
import { MAINTENANCE_MESSAGES } from "~/modules/maintenance/lifecycle.ts";
import { renderPublicReport } from "~/modules/postmortems/public-report.ts";
import { caseReportInput } from "~/modules/postmortems/sample-source.ts";
import type { NoticeKind, NoticeVariables } from "./notice-defaults.ts";
import {
  caseLabel,
  caseUpdateBody,
  caseUpdateNotice,
  INCIDENT_PREVIEW_OPTIONS,
  maintenanceNotice,
  type IncidentCaseId,
  type PreviewCaseId,
} from "./preview-cases.ts";
import type { UpdateTemplateStatus } from "./update-defaults.ts";

const STATUS_OF: Partial<Record<NoticeKind, UpdateTemplateStatus>> = {
  "incident.created": "investigating",
  "incident.updated": "identified",
  "incident.resolved": "resolved",
};

const MAINTENANCE_STATUS_OF = {
  "maintenance.scheduled": "scheduled",
  "maintenance.started": "in_progress",
  "maintenance.completed": "completed",
} as const;

/** The cases a notice of `kind` can be previewed with, the richest first (none for a confirmation). */
export function noticeCases(kind: NoticeKind): { id: PreviewCaseId; label: string }[] {
  if (kind === "confirmation") return [];
  if (kind in MAINTENANCE_STATUS_OF) return [{ id: "maintenance", label: caseLabel("maintenance") }];
  return INCIDENT_PREVIEW_OPTIONS;
}

/** The notice's variables for a case it can be previewed with; null when the case does not apply to it. */
export function noticeCaseVariables(kind: NoticeKind, caseId: PreviewCaseId): NoticeVariables | null {
  if (!noticeCases(kind).some((c) => c.id === caseId)) return null;
  if (kind in MAINTENANCE_STATUS_OF) {
    const status = MAINTENANCE_STATUS_OF[kind as keyof typeof MAINTENANCE_STATUS_OF];
    return maintenanceNotice(status, MAINTENANCE_MESSAGES[status]);
  }
  const incident = caseId as IncidentCaseId;
  const bodyOf = (status: UpdateTemplateStatus) => caseUpdateBody(incident, status);
  if (kind === "postmortem.published")
    return caseUpdateNotice(incident, "postmortem", renderPublicReport(caseReportInput(incident, bodyOf)));
  const status = STATUS_OF[kind]!;
  return caseUpdateNotice(incident, status, bodyOf(status));
}
