// Small, realistic incidents for previewing section templates before they are saved.
import {
  caseTime,
  casePublicName,
  INCIDENT_CASES,
  NEXT_UPDATE_MINUTES,
  STATUS_MINUTE,
  type IncidentCaseId,
} from "~/modules/notices/preview-cases.ts";
import { UPDATE_TEMPLATE_STATUSES, type UpdateTemplateStatus } from "~/modules/notices/update-defaults.ts";
import { markdownToDoc } from "./document.ts";
import type { ReportInput } from "./public-report.ts";
import type { PostmortemSource } from "./source.ts";

export function sampleSource(): PostmortemSource {
  const start = Date.UTC(2026, 10, 5, 14, 52);
  const at = (minutes: number) => new Date(start + minutes * 60_000);
  return {
    incident: {
      id: "sample",
      ref: "INC-42",
      title: "Chat and API unavailable worldwide",
      summary:
        "A routing configuration change capped in-flight requests far below the intended limit, so requests queued while GPUs sat idle.",
      severity: "SEV1",
      startedAt: at(0),
      detectedAt: at(3),
      acknowledgedAt: at(5),
      mitigatedAt: at(262),
      resolvedAt: at(338),
      commander: "Marcus Okafor",
      commsLead: "Elena Petrova",
      scribe: "Sofia Marquez",
    },
    regions: ["US East", "EU West"],
    impacts: [
      { componentId: "c1", component: "API - Messages", impact: "major_outage", startedAt: at(14), endedAt: at(196) },
      { componentId: "c2", component: "Web app", impact: "degraded_performance", startedAt: at(2), endedAt: at(262) },
    ],
    entries: [
      {
        seq: 1,
        kind: "observation",
        text: "Error rate on /v1/messages at 38% and climbing.",
        occurredAt: at(3),
        pinned: true,
        author: "Sofia Marquez",
      },
      {
        seq: 2,
        kind: "hypothesis",
        text: "The router config push capped connection pools.",
        occurredAt: at(40),
        pinned: false,
        author: "Marcus Okafor",
      },
      {
        seq: 3,
        kind: "decision",
        text: "Roll back r4182 with the break-glass procedure.",
        occurredAt: at(120),
        pinned: true,
        author: "Marcus Okafor",
      },
      { seq: 4, kind: "action", text: "Rolled back EU West.", occurredAt: at(150), pinned: false, author: "Dana Kim" },
      {
        seq: 5,
        kind: "customer_impact",
        text: "Enterprise customers report halted pipelines.",
        occurredAt: at(60),
        pinned: false,
        author: "Elena Petrova",
      },
    ],
    updates: [
      {
        id: "u1",
        status: "investigating",
        body: "We are investigating errors on the API and the web app.",
        publishedAt: at(9),
        nextUpdateAt: at(39),
      },
      { id: "u2", status: "identified", body: "We found the cause and are rolling back.", publishedAt: at(45), nextUpdateAt: at(75) },
      { id: "u3", status: "resolved", body: "This incident has been resolved.", publishedAt: at(340), nextUpdateAt: null },
    ],
  };
}

/**
 * The post-mortem source of one of the preview cases (notices/preview-cases.ts), resolved,
 * with the updates that were published; `bodyOf` writes each update's text.
 */
export function caseSource(caseId: IncidentCaseId, bodyOf: (status: UpdateTemplateStatus) => string): PostmortemSource {
  const c = INCIDENT_CASES[caseId];
  const resolvedAt = caseTime(STATUS_MINUTE.resolved);
  const statuses = UPDATE_TEMPLATE_STATUSES;
  return {
    incident: {
      id: c.publicId,
      ref: c.ref,
      title: c.title,
      summary: c.summary,
      severity: c.severity,
      startedAt: caseTime(0),
      detectedAt: caseTime(c.milestones.detected),
      acknowledgedAt: c.milestones.acknowledged === null ? null : caseTime(c.milestones.acknowledged),
      mitigatedAt: c.milestones.mitigated === null ? null : caseTime(c.milestones.mitigated),
      resolvedAt,
      commander: c.commander,
      commsLead: null,
      scribe: null,
    },
    regions: c.regions,
    impacts: c.windows.map((w) => ({
      componentId: w.id,
      component: casePublicName(w),
      impact: w.impact,
      startedAt: caseTime(w.from),
      endedAt: w.until === null ? resolvedAt : caseTime(w.until),
    })),
    entries: c.entries.map((e, i) => ({
      seq: i + 1,
      kind: e.kind,
      text: e.text,
      occurredAt: caseTime(e.at),
      pinned: e.pinned ?? false,
      author: e.author,
    })),
    updates: statuses.map((status, i) => ({
      id: `${c.publicId}-u${i + 1}`,
      status,
      body: bodyOf(status),
      publishedAt: caseTime(STATUS_MINUTE[status]),
      nextUpdateAt: status === "resolved" ? null : caseTime(STATUS_MINUTE[status] + NEXT_UPDATE_MINUTES),
    })),
  };
}

/** What the public report of a preview case is drafted from: what its people wrote, and its commitments. */
export function caseReportInput(caseId: IncidentCaseId, bodyOf: (status: UpdateTemplateStatus) => string): ReportInput {
  const c = INCIDENT_CASES[caseId];
  return {
    source: caseSource(caseId, bodyOf),
    sections: { summary: markdownToDoc(c.written.summary), root_cause: markdownToDoc(c.written.rootCause) },
    commitments: c.commitments,
  };
}
