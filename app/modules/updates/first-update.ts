// The first public update: an incident customers can see owes one within so many minutes of its
// declaration, set per severity in Admin → Settings (by default SEV1 10, SEV2 20, SEV3 60, SEV4
// none). The room counts down to it and turns into a prompt once it is overdue; the first published
// update meets it. Pure: the room computes it in the browser from the server's clock (decision 0043).
import { z } from "zod";
import type { IncidentStatusName, SeverityName } from "~/modules/incidents/lifecycle.ts";

/** Minutes after the declaration, per severity; null: no target. */
export type FirstUpdateTargets = Record<SeverityName, number | null>;

export const DEFAULT_FIRST_UPDATE_MINUTES: FirstUpdateTargets = { SEV1: 10, SEV2: 20, SEV3: 60, SEV4: null };

const MESSAGE = "must be a whole number of minutes from 1 to 1440, or null for none";
const Minutes = z.number({ message: MESSAGE }).int(MESSAGE).min(1, MESSAGE).max(1440, MESSAGE).nullable();

/** All four severities, each minutes or null. */
export const FirstUpdateTargetsSchema = z.object({ SEV1: Minutes, SEV2: Minutes, SEV3: Minutes, SEV4: Minutes }).strict();

export type FirstUpdateIncident = {
  severity: SeverityName;
  status: IncidentStatusName;
  declaredAt: Date;
  /** when its first update reached the public page; null while nothing is published */
  firstPublishedAt: Date | null;
  /** some component was affected at some time: without one, nothing is for customers to see */
  affectsCustomers: boolean;
};

export type FirstUpdateState =
  | { state: "not_applicable"; reason: "no_target" | "no_components" | "resolved" }
  | { state: "met"; publishedAt: Date; late: boolean }
  | { state: "counting"; dueAt: Date; msLeft: number }
  | { state: "overdue"; dueAt: Date; msOverdue: number };

/** The incident's first-update state at `now`, held to the minutes of its severity now. */
export function firstUpdateState(incident: FirstUpdateIncident, targets: FirstUpdateTargets, now: Date): FirstUpdateState {
  const minutes = targets[incident.severity];
  const dueAt = minutes === null ? null : new Date(incident.declaredAt.getTime() + minutes * 60_000);
  if (incident.firstPublishedAt) {
    return { state: "met", publishedAt: incident.firstPublishedAt, late: dueAt !== null && incident.firstPublishedAt > dueAt };
  }
  if (incident.status === "resolved") return { state: "not_applicable", reason: "resolved" };
  if (dueAt === null) return { state: "not_applicable", reason: "no_target" };
  if (!incident.affectsCustomers) return { state: "not_applicable", reason: "no_components" };
  const left = dueAt.getTime() - now.getTime();
  return left >= 0 ? { state: "counting", dueAt, msLeft: left } : { state: "overdue", dueAt, msOverdue: -left };
}

/** "2 h 15 min", "4 min", "20 s": minutes rounded as given, seconds only within the first minute. */
function span(ms: number, round: (minutes: number) => number): string {
  if (ms < 60_000) return `${Math.ceil(ms / 1000)} s`;
  const minutes = round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  if (hours === 0) return `${minutes} min`;
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** The room's words for it: the countdown rounds up ("due in 6 min" at 5:30), the overdue time down. */
export function firstUpdateText(state: FirstUpdateState): string | null {
  if (state.state === "counting")
    return state.msLeft === 0 ? "First public update due now" : `First public update due in ${span(state.msLeft, Math.ceil)}`;
  if (state.state === "overdue") return `First public update is ${span(state.msOverdue, Math.floor)} overdue`;
  return null;
}
