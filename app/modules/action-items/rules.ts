// The rules of action items, pure: when one counts as closed or overdue, the order of the
// list everyone works from (overdue first, then by due date, then priority), and how a due
// date reads. Due dates are calendar days: docs/decisions/0012-action-items.md.
import type { ActionItemKindName, ActionItemPriorityName, ActionItemStateName } from "~/modules/postmortems/sections.ts";

export const ACTION_ITEM_KIND_LABELS: Record<ActionItemKindName, string> = {
  mitigate: "Mitigate",
  prevent: "Prevent",
  process: "Process",
};

export const ACTION_ITEM_PRIORITY_LABELS: Record<ActionItemPriorityName, string> = {
  high: "High",
  medium: "Medium",
  low: "Low",
};

/** Sort rank: high first. */
export const PRIORITY_RANK: Record<ActionItemPriorityName, number> = { high: 0, medium: 1, low: 2 };

export const isClosed = (state: ActionItemStateName) => state === "done" || state === "wont_do";

/** Closing stamps the time; reopening clears it; moving between two open (or two closed) states keeps it. */
export function closedAtAfter(
  before: { state: ActionItemStateName; closedAt: Date | null },
  next: ActionItemStateName,
  now: Date,
): Date | null {
  if (isClosed(next)) return isClosed(before.state) ? before.closedAt : now;
  return null;
}

export function isOverdue(item: { state: ActionItemStateName; dueAt: Date | string | null }, now: Date): boolean {
  return !isClosed(item.state) && item.dueAt !== null && new Date(item.dueAt).getTime() < now.getTime();
}

/** "2026-03-14" is due by the end of that day (UTC); a full ISO time is kept as given. */
export function dueInstant(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999Z`) : new Date(value);
}

/** The day for an <input type="date">. */
export function dueDateInputValue(dueAt: Date | string | null): string {
  return dueAt ? new Date(dueAt).toISOString().slice(0, 10) : "";
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY_MS = 24 * 60 * 60 * 1000;
const utcDay = (d: Date) => Math.floor(d.getTime() / DAY_MS);
const days = (n: number) => (n === 1 ? "1 day" : `${n} days`);

/**
 * How a due date reads on the page: in calendar days (UTC, like the date itself) relative to
 * today, and the day itself. Overdue is said in words, so it never rests on colour alone.
 */
export function describeDue(
  item: { state: ActionItemStateName; dueAt: Date | string | null },
  now: Date,
): { overdue: boolean; relative: string; absolute: string } {
  if (!item.dueAt) return { overdue: false, relative: "No due date", absolute: "" };
  const due = new Date(item.dueAt);
  const absolute = `${due.getUTCDate()} ${MONTHS[due.getUTCMonth()]} ${due.getUTCFullYear()}`;
  if (isClosed(item.state)) return { overdue: false, relative: `Was due ${absolute}`, absolute };
  const ahead = utcDay(due) - utcDay(now);
  if (isOverdue(item, now))
    return { overdue: true, relative: ahead === 0 ? "Overdue since earlier today" : `Overdue by ${days(-ahead)}`, absolute };
  return { overdue: false, relative: ahead === 0 ? "Due today" : ahead === 1 ? "Due tomorrow" : `Due in ${days(ahead)}`, absolute };
}

type Sortable = { dueAt: Date | null; priority: ActionItemPriorityName; id: string };

/**
 * The order of the list: by due date, earliest first (so everything overdue comes first,
 * most overdue on top), items without a date last; then high priority first; then id, so
 * the order is total and a cursor can resume it.
 */
export function compareActionItems(a: Sortable, b: Sortable): number {
  const da = a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const db = b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  if (a.priority !== b.priority) return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
