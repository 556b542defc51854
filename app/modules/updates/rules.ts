// The rules of publishing, pure: which update needs a second person (one who wrote none of
// it), what may happen to an update in each state, what a publish does to the incident's public
// face (next update time, monitoring and resolved times, impact), and whether the promised next
// update was kept.
import type { SeverityName } from "~/modules/incidents/lifecycle.ts";
import { impactOfStatuses } from "~/modules/status-page/indicator.ts";
import type { ComponentStatusName, IncidentImpact } from "~/modules/status-page/model.ts";
import { contributorRefusal, type ApprovedText } from "~/modules/two-person-rule/contributors.ts";
import { withArticle } from "~/modules/notices/grammar.ts";

/** The promises the comms tab offers for the next update, in minutes. */
export const NEXT_UPDATE_CHOICES = [15, 30, 60, 120, 240] as const;
export const DEFAULT_NEXT_UPDATE = 30;

export const UPDATE_STATES = ["draft", "awaiting_approval", "approved", "published"] as const;
export type UpdateStateName = (typeof UPDATE_STATES)[number];

export const UPDATE_STATE_LABELS: Record<UpdateStateName, string> = {
  draft: "Draft",
  awaiting_approval: "Awaiting approval",
  approved: "Approved",
  published: "Published",
};

/**
 * On a SEV1 a second person approves before anything is published; a root-cause report
 * (status "postmortem") always needs a second person.
 */
export function needsApproval(severity: SeverityName, approvedById: string | null, status?: string): boolean {
  return (severity === "SEV1" || status === "postmortem") && approvedById === null;
}

type Refusal = { code: "conflict" | "forbidden"; message: string };

/** Who wrote an update: its author and every editor (decision 29). */
type Written = { authorId: string; contributorIds: readonly string[] };

/** What an update is to the person approving it. */
export function approvedText(status: string | undefined): ApprovedText {
  return status === "postmortem" ? "root-cause report" : "update";
}

/** An approval counts only when the approver wrote none of the text (an approval given before this rule may not). */
export function approvalHolds(update: Written & { approvedById: string | null }): boolean {
  return update.approvedById !== null && contributorRefusal("update", update, update.approvedById) === null;
}

type Approvable = Written & { state: UpdateStateName; approvedById: string | null; status?: string };

export function publishRefusal(update: Approvable, severity: SeverityName): Refusal | null {
  if (update.state === "published") return { code: "conflict", message: "This update is already published." };
  if (update.state === "awaiting_approval")
    return { code: "conflict", message: "This update is still awaiting approval by a second person." };
  if (needsApproval(severity, null, update.status) && update.approvedById !== null && !approvalHolds(update)) {
    const what = approvedText(update.status);
    return { code: "forbidden", message: `Whoever approved this ${what} also wrote part of it; someone who did not must approve it.` };
  }
  if (update.status === "postmortem" && needsApproval(severity, update.approvedById, update.status)) {
    return { code: "conflict", message: "A root-cause report needs a second person's approval before it is published." };
  }
  if (needsApproval(severity, update.approvedById)) {
    return { code: "conflict", message: "On a SEV1 a second person must approve the update before it is published." };
  }
  return null;
}

/** Approving: not once published, not twice, and never by someone who wrote any of the text. */
export function approvalRefusal(update: Approvable, approverId: string): Refusal | null {
  if (update.state === "published") return { code: "conflict", message: "This update is already published." };
  if (update.state === "approved" && approvalHolds(update)) return { code: "conflict", message: "This update is already approved." };
  const refusal = contributorRefusal(approvedText(update.status), update, approverId);
  if (refusal) return { code: "forbidden", message: refusal };
  return null;
}

export function editRefusal(update: { state: UpdateStateName }): Refusal | null {
  if (update.state === "published") return { code: "conflict", message: "A published update cannot be changed; publish a new one." };
  return null;
}

/** What a change to an update's text or components does to an approval: it no longer holds. */
export function stateAfterEdit(state: UpdateStateName): UpdateStateName {
  return state === "approved" ? "awaiting_approval" : state;
}

/** When the next update is due once this one is published: its promise, unless it resolves the incident or is the root-cause report. */
export function nextUpdateDue(update: { status: string; nextUpdateInMinutes: number | null }, now: Date): Date | null {
  if (!update.nextUpdateInMinutes || update.status === "resolved" || update.status === "postmortem") return null;
  return new Date(now.getTime() + update.nextUpdateInMinutes * 60_000);
}

/** Without component statuses in any update, the public impact follows the severity. */
export const SEVERITY_IMPACT: Record<SeverityName, IncidentImpact> = { SEV1: "critical", SEV2: "major", SEV3: "minor", SEV4: "none" };

/** The incident's public impact: the worst of the component statuses its published updates claim, else its severity's. */
export function publicImpact(claimed: readonly ComponentStatusName[], severity: SeverityName): IncidentImpact {
  return claimed.length ? impactOfStatuses([...claimed]) : SEVERITY_IMPACT[severity];
}

/**
 * The public monitoring and resolved times once an update of `status` is published: monitoring
 * is stamped by the first monitoring update and kept; resolving stamps resolved; a root-cause
 * report (it comes after the resolution) keeps its time; any other update clears it (reopened).
 */
export function publicTimes(
  status: string,
  was: { publicMonitoringAt: Date | null; publicResolvedAt: Date | null },
  now: Date,
): { publicMonitoringAt: Date | null; publicResolvedAt: Date | null } {
  return {
    publicMonitoringAt: status === "monitoring" ? (was.publicMonitoringAt ?? now) : was.publicMonitoringAt,
    publicResolvedAt: status === "resolved" ? now : status === "postmortem" ? was.publicResolvedAt : null,
  };
}

export type PromiseOutcome = "kept" | "missed" | "pending";
export type PromiseRecord = {
  updateId: string;
  promisedAt: Date;
  outcome: PromiseOutcome;
  /** when the next update came (null: not yet) */
  keptAt: Date | null;
};

/**
 * Each published update that promised the next one: kept when another update was published
 * by the promised time, missed when the time passed without one (even if one came later),
 * pending while the time is still ahead. A resolving update ends the promises.
 */
export function promiseRecord(
  published: { id: string; publishedAt: Date; nextUpdateAt: Date | null; status: string }[],
  now: Date,
): PromiseRecord[] {
  const ordered = [...published].sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
  const records: PromiseRecord[] = [];
  ordered.forEach((update, index) => {
    if (!update.nextUpdateAt || update.status === "resolved") return;
    const next = ordered[index + 1] ?? null;
    const promisedAt = update.nextUpdateAt;
    if (next && next.publishedAt <= promisedAt)
      records.push({ updateId: update.id, promisedAt, outcome: "kept", keptAt: next.publishedAt });
    else if (next || now > promisedAt)
      records.push({ updateId: update.id, promisedAt, outcome: "missed", keptAt: next?.publishedAt ?? null });
    else records.push({ updateId: update.id, promisedAt, outcome: "pending", keptAt: null });
  });
  return records;
}

export function promiseCounts(records: PromiseRecord[]): Record<PromiseOutcome, number> {
  const counts = { kept: 0, missed: 0, pending: 0 };
  for (const record of records) counts[record.outcome] += 1;
  return counts;
}

/** The timeline entry of a publish: "Published an identified update to the status page: “…”", then the components it moved. */
export function publishedEntryText(status: string, body: string, moved: readonly string[]): string {
  const what = status === "postmortem" ? "a root-cause report" : withArticle(`${status} update`);
  const excerpt = body.length > 280 ? `${body.slice(0, 277)}…` : body;
  return [`Published ${what} to the status page: “${excerpt}”`, ...moved].join("\n");
}

/**
 * Refusing an approval (decision 0046): only an update awaiting approval, and only by someone who
 * could approve it; whoever wrote any of it edits or discards it instead.
 */
export function returnRefusal(update: Written & { state: UpdateStateName; status?: string }, refuserId: string): Refusal | null {
  if (update.state !== "awaiting_approval") {
    return {
      code: "conflict",
      message: `Only an update awaiting approval can be refused; this one is ${UPDATE_STATE_LABELS[update.state].toLowerCase()}.`,
    };
  }
  const what = approvedText(update.status);
  if (update.authorId === refuserId)
    return { code: "forbidden", message: `The author of ${withArticle(what)} cannot refuse it; edit or discard it instead.` };
  if (update.contributorIds.includes(refuserId))
    return { code: "forbidden", message: `You edited this ${what}'s text; someone who did not must approve or refuse it.` };
  return null;
}
