// The rules that keep an incident's impact windows and its milestones one story (decision 0036).
//   - A window never starts before Started nor ends after Resolved: what lies outside is cut off,
//     and a window left with nothing is dropped.
//   - When Started or Resolved is corrected and the writer moves the windows with it, a window
//     that began at the old Started begins at the new one, and a window that ended at the old
//     Resolved ends at the new one. Windows inside are left where they are: they are when the
//     impact changed, recorded at the time.
// Pure: the room's form, the API and the insights all ask these functions.
import { inUtc } from "~/utils/time.ts";

export type TimedWindow = { componentId: string; startedAt: Date; endedAt: Date | null };
export type WindowBounds = { startedAt: Date; resolvedAt: Date | null };

const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/** The windows cut to [Started, Resolved]; open windows end at Resolved once there is one. */
export function fitWithin<T extends TimedWindow>(windows: T[], bounds: WindowBounds): T[] {
  const from = bounds.startedAt.getTime();
  const until = bounds.resolvedAt?.getTime() ?? null;
  const fitted: T[] = [];
  for (const w of windows) {
    const start = Math.max(w.startedAt.getTime(), from);
    const end = w.endedAt === null ? until : Math.min(w.endedAt.getTime(), until ?? Infinity);
    if (end !== null && end <= start) continue;
    fitted.push({ ...w, startedAt: new Date(start), endedAt: end === null ? null : new Date(end) });
  }
  return fitted;
}

/** The windows after Started and/or Resolved move from `before` to `after`. */
export function followMilestones<T extends TimedWindow>(windows: T[], before: WindowBounds, after: WindowBounds, move: boolean): T[] {
  const moved = move
    ? windows.map((w) => ({
        ...w,
        startedAt: same(w.startedAt, before.startedAt) ? after.startedAt : w.startedAt,
        endedAt: before.resolvedAt && after.resolvedAt && same(w.endedAt, before.resolvedAt) ? after.resolvedAt : w.endedAt,
      }))
    : windows;
  return fitWithin(moved, after);
}

/** Whether moving the windows with these milestones would change any of them: the form's default. */
export function windowsTouchMilestones(windows: TimedWindow[], bounds: WindowBounds): boolean {
  return windows.some((w) => same(w.startedAt, bounds.startedAt) || (bounds.resolvedAt !== null && same(w.endedAt, bounds.resolvedAt)));
}

/**
 * What is wrong with windows written by hand, by field (`windows.<i>.startedAt`), empty when
 * nothing: each within the incident and after its own start, closed once the incident is
 * resolved, and no two of one component at the same time (the worst impact at each moment
 * must be one level).
 */
export function windowProblems(windows: TimedWindow[], bounds: WindowBounds): Record<string, string> {
  const problems: Record<string, string> = {};
  windows.forEach((w, i) => {
    if (w.startedAt < bounds.startedAt)
      problems[`windows.${i}.startedAt`] = `must not be before the incident started (${inUtc(bounds.startedAt)})`;
    if (w.endedAt === null && bounds.resolvedAt) problems[`windows.${i}.endedAt`] = "must be set: the incident is resolved";
    else if (w.endedAt && w.endedAt <= w.startedAt) problems[`windows.${i}.endedAt`] = "must be after the window's start";
    else if (w.endedAt && bounds.resolvedAt && w.endedAt > bounds.resolvedAt) {
      problems[`windows.${i}.endedAt`] = `must not be after the incident was resolved (${inUtc(bounds.resolvedAt)})`;
    }
  });
  windows.forEach((w, i) => {
    if (problems[`windows.${i}.startedAt`]) return;
    const other = windows.find((o, j) => j < i && o.componentId === w.componentId && overlap(o, w));
    if (other) {
      const until = other.endedAt ? inUtc(other.endedAt) : "now";
      problems[`windows.${i}.startedAt`] = `overlaps another window of the same component (${inUtc(other.startedAt)} to ${until})`;
    }
  });
  return problems;
}

function overlap(a: TimedWindow, b: TimedWindow): boolean {
  const end = (w: TimedWindow) => w.endedAt?.getTime() ?? Infinity;
  return a.startedAt.getTime() < end(b) && b.startedAt.getTime() < end(a);
}
