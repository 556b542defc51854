// Customers are told an incident is resolved once: after a published Resolved update (or its
// root-cause report) another Resolved is refused until the incident is reopened (decision 0038).
// Pure; the facts come from resolution.server.ts.

/** What decides it: the public status, when the resolution went out, and the incident's reopenings. */
export type ResolutionFacts = {
  publicStatus: string | null;
  publicResolvedAt: Date | null;
  /** when the incident moved back from resolved, every time it did */
  reopenedAt: readonly Date[];
};

/** When the published resolution still holds: customers were told "resolved" and the incident was not reopened since. */
export function standingResolution(facts: ResolutionFacts): Date | null {
  const { publicStatus, publicResolvedAt } = facts;
  if ((publicStatus !== "resolved" && publicStatus !== "postmortem") || !publicResolvedAt) return null;
  return facts.reopenedAt.some((at) => at.getTime() >= publicResolvedAt.getTime()) ? null : publicResolvedAt;
}

export const RESOLVED_AGAIN_MESSAGE =
  "Customers were already told this incident is resolved. Reopen the incident before publishing another Resolved update.";
export const RESOLVED_AGAIN_FIELD = "already published as resolved; reopen the incident first";

/** The refusal of a Resolved update while a published resolution stands; null for anything else. */
export function resolvedAgainRefusal(status: string, standing: Date | null): { message: string; fields: { status: string } } | null {
  if (status !== "resolved" || !standing) return null;
  return { message: RESOLVED_AGAIN_MESSAGE, fields: { status: RESOLVED_AGAIN_FIELD } };
}
