// Post-mortems owed (owed.ts): the organisation's days per severity, edited by admins on
// /admin/settings and at /api/v1/postmortem-deadlines, and the incidents that owe one now, read
// for /postmortems and the insights.
import type { Actor } from "~/modules/auth/actor.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import type { SeverityName } from "~/modules/incidents/lifecycle.ts";
import { incidentRef } from "~/utils/incident-links.ts";
import { db } from "~/utils/db.server.ts";
import {
  DEFAULT_POSTMORTEM_DUE_DAYS,
  postmortemsOwed,
  severitiesOwing,
  type OwedCandidate,
  type OwedPostmortem,
  type PostmortemDueDays,
} from "./owed.ts";
import type { PostmortemStateName } from "./sections.ts";

const SELECT = {
  postmortemDueDaysSev1: true,
  postmortemDueDaysSev2: true,
  postmortemDueDaysSev3: true,
  postmortemDueDaysSev4: true,
} as const;

export async function getPostmortemDueDays(): Promise<PostmortemDueDays> {
  const org = await db.organization.findUnique({ where: { id: "org" }, select: SELECT });
  if (!org) return DEFAULT_POSTMORTEM_DUE_DAYS;
  return {
    SEV1: org.postmortemDueDaysSev1,
    SEV2: org.postmortemDueDaysSev2,
    SEV3: org.postmortemDueDaysSev3,
    SEV4: org.postmortemDueDaysSev4,
  };
}

export async function savePostmortemDueDays(actor: Actor, days: PostmortemDueDays): Promise<PostmortemDueDays> {
  await db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: "org" }, select: SELECT });
    await tx.organization.update({
      where: { id: "org" },
      data: {
        postmortemDueDaysSev1: days.SEV1,
        postmortemDueDaysSev2: days.SEV2,
        postmortemDueDaysSev3: days.SEV3,
        postmortemDueDaysSev4: days.SEV4,
      },
    });
    await recordAudit(tx, actor, {
      action: "settings.postmortem_deadlines_updated",
      entityType: "Organization",
      entityId: "org",
      before: {
        SEV1: before.postmortemDueDaysSev1,
        SEV2: before.postmortemDueDaysSev2,
        SEV3: before.postmortemDueDaysSev3,
        SEV4: before.postmortemDueDaysSev4,
      },
      after: days,
    });
  });
  return getPostmortemDueDays();
}

/** Which incidents count: a severity, and/or an impact window on one of these components (the insights' filters). */
export type OwedScope = { severity?: SeverityName | null; componentIds?: string[] | null };

/** The resolved incidents that may owe a post-mortem (postmortemsOwed decides), with the days each severity is held to. */
export async function loadOwedCandidates(scope: OwedScope = {}): Promise<{ dueDays: PostmortemDueDays; candidates: OwedCandidate[] }> {
  const dueDays = await getPostmortemDueDays();
  const severities = severitiesOwing(dueDays).filter((s) => !scope.severity || s === scope.severity);
  if (severities.length === 0) return { dueDays, candidates: [] };
  const rows = await db.incident.findMany({
    where: {
      status: "resolved",
      resolvedAt: { not: null },
      severity: { in: severities },
      OR: [{ postmortem: { is: null } }, { postmortem: { state: { not: "published" } } }],
      ...(scope.componentIds ? { components: { some: { componentId: { in: scope.componentIds } } } } : {}),
    },
    select: { id: true, number: true, title: true, severity: true, resolvedAt: true, postmortem: { select: { id: true, state: true } } },
  });
  const candidates = rows.map((r) => ({
    incidentId: r.id,
    ref: incidentRef(r.number),
    title: r.title,
    severity: r.severity as SeverityName,
    resolvedAt: r.resolvedAt!,
    postmortem: r.postmortem ? { id: r.postmortem.id, state: r.postmortem.state as PostmortemStateName } : null,
  }));
  return { dueDays, candidates };
}

/** The post-mortems owed now, the most overdue first, with the days they are held to. */
export async function loadPostmortemsOwed(
  scope: OwedScope = {},
  now = new Date(),
): Promise<{ dueDays: PostmortemDueDays; owed: OwedPostmortem[] }> {
  const { dueDays, candidates } = await loadOwedCandidates(scope);
  return { dueDays, owed: postmortemsOwed(candidates, dueDays, now) };
}
