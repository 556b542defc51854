// How a post-mortem reads, on the page and in its Markdown export alike: which sections show,
// how an action item's due date and an impact split are said in words. Pure: no I/O.
import { IMPACT_LABELS } from "~/modules/incidents/lifecycle.ts";
import { formatDuration, inZone } from "~/utils/time.ts";
import { blocksOf, docText, writtenText, type PmDoc } from "./document.ts";
import { IMPACT_ORDER, type ImpactByLevel } from "./metrics.ts";
import { peopleWrote } from "./parts.ts";
import {
  ACTION_ITEM_STATE_LABELS,
  type ActionItemKindName,
  type ActionItemPriorityName,
  type ActionItemStateName,
  type PostmortemStateName,
} from "./sections.ts";

export type SectionToRead = { key: string; title: string; doc: PmDoc; notWritten: boolean; hasContent: boolean };

/**
 * The sections in order. A section nobody has written yet (a written one with only headings
 * and generated links, a generated one left empty) says "Not written yet" until the
 * post-mortem is published, and is left out after.
 */
export function sectionsToRead(
  sections: { key: string; title: string; source: string; doc: PmDoc; generated?: PmDoc | null; written?: PmDoc }[],
  state: PostmortemStateName,
): SectionToRead[] {
  return sections
    .map((s) => {
      // What people wrote: the written part when the section has its two parts (decision 0042).
      const wrote = s.written ? peopleWrote({ generated: s.generated ?? null, written: s.written }) : writtenText(s.doc);
      const notWritten = s.source === "written" ? wrote === "" : docText(s.doc) === "";
      const hasContent = blocksOf(s.doc).some((b) => b.node.type !== "heading" && b.text.trim() !== "");
      return { key: s.key, title: s.title, doc: s.doc, notWritten, hasContent };
    })
    .filter((s) => !(s.notWritten && state === "published"));
}

export const NOT_WRITTEN = "Not written yet.";

export const ACTION_ITEM_KIND_LABELS: Record<ActionItemKindName, string> = { mitigate: "Mitigate", prevent: "Prevent", process: "Process" };
export const ACTION_ITEM_PRIORITY_LABELS: Record<ActionItemPriorityName, string> = { high: "High", medium: "Medium", low: "Low" };

export function actionItemStateLabel(state: string): string {
  return ACTION_ITEM_STATE_LABELS[state as ActionItemStateName] ?? state;
}

const DAY = 86_400_000;

function lateness(ms: number): string {
  const days = Math.floor(ms / DAY);
  if (days >= 1) return days === 1 ? "1 day" : `${days} days`;
  const hours = Math.floor(ms / 3_600_000);
  return hours >= 1 ? (hours === 1 ? "1 hour" : `${hours} hours`) : "less than an hour";
}

/** "overdue by 3 days" for an unfinished item past its date; null otherwise. */
export function overdueText(item: { dueAt: string | null; state: string }, now: Date): string | null {
  if (!item.dueAt || (item.state !== "open" && item.state !== "in_progress")) return null;
  const late = now.getTime() - Date.parse(item.dueAt);
  return late > 0 ? `overdue by ${lateness(late)}` : null;
}

/** "3h 02m major outage, 36m 00s partial outage": the levels that customers saw, worst first. */
export function impactSplitText(byLevel: ImpactByLevel): string {
  return IMPACT_ORDER.filter((level) => byLevel[level] > 0)
    .map((level) => `${formatDuration(byLevel[level])} ${IMPACT_LABELS[level].toLowerCase()}`)
    .join(", ");
}

/**
 * Everyone who wrote any of the post-mortem's text, the person who generated it first, each
 * once: "Dana Kim, Sofia Marquez, and Elena Petrova".
 */
export function authorNames(author: { name: string }, writers: readonly { name: string }[]): string[] {
  return [...new Set([author.name, ...writers.map((w) => w.name)])];
}

/** "6 of 7 promised updates kept (1 missed)" */
export function promisesText(u: { promised: number; kept: number; missed: number; pending: number }): string {
  if (u.promised === 0) return "no update promised a next one";
  const rest = [u.missed ? `${u.missed} missed` : "", u.pending ? `${u.pending} still due` : ""].filter(Boolean).join(", ");
  return `${u.kept} of ${u.promised} promised updates kept${rest ? ` (${rest})` : ""}`;
}

/** The text of a tracker link: the issue key at the end of its URL ("OPS-123"), else the host. */
export function trackerLabel(url: string): string {
  try {
    const parsed = new URL(url);
    const last = parsed.pathname.split("/").filter(Boolean).pop();
    return last ? decodeURIComponent(last) : parsed.host;
  } catch {
    return url;
  }
}

export const isWebLink = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url);

/**
 * Whether the reader's own time is worth a column beside UTC: not when they work in UTC, nor
 * when their zone showed UTC's time at every moment listed (London in winter).
 */
export function showsLocalTime(instants: string[], timeZone: string): boolean {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return false;
  return instants.some((at) => inZone(at, timeZone, "d MMM HH:mm") !== inZone(at, "UTC", "d MMM HH:mm"));
}
