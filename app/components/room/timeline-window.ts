// The room holds a window of the timeline: a run of entries by sequence, with counts of those
// written before and after it. Live entries, pages loaded on demand and edits all land here.
// Pure: no I/O, unit-tested. docs/decisions/0019-timeline-window.md.
import type { TimelineEntryView } from "~/modules/timeline/view.ts";

export type TimelineWindowState = {
  /** in sequence order */
  entries: TimelineEntryView[];
  /** entries written before the first held */
  earlier: number;
  /** entries written after the last held (0 when the room holds the newest) */
  later: number;
  /** the highest entry seq heard of, held or counted in `later` */
  newestSeq: number;
  /** the newest entry when the room does not hold it, for "pin the last entry" */
  newest: { id: string; pinned: boolean } | null;
};

const bySeq = (a: TimelineEntryView, b: TimelineEntryView) => a.seq - b.seq;

/**
 * A created, edited or deleted entry as the stream (or the composer's acknowledgement) reports it.
 * An entry held is replaced; a new one is appended, or counted in `later` while the room holds an
 * older part; a change to an entry outside the window changes nothing the room shows.
 */
export function placeEntry(state: TimelineWindowState, entry: TimelineEntryView): TimelineWindowState {
  const newest =
    state.newest && state.newest.id === entry.id ? (entry.deletedAt ? null : { id: entry.id, pinned: entry.pinned }) : state.newest;
  const i = state.entries.findIndex((e) => e.id === entry.id);
  if (i >= 0) return { ...state, newest, entries: state.entries.map((e, j) => (j === i ? entry : e)) };
  if (entry.seq > state.newestSeq) {
    if (state.later > 0)
      return {
        ...state,
        later: state.later + 1,
        newestSeq: entry.seq,
        newest: entry.deletedAt ? null : { id: entry.id, pinned: entry.pinned },
      };
    return { ...state, newest: null, entries: [...state.entries, entry], newestSeq: entry.seq };
  }
  const first = state.entries[0]?.seq ?? Infinity;
  const last = state.entries.at(-1)?.seq ?? -Infinity;
  const outside = (entry.seq < first && state.earlier > 0) || (entry.seq > last && state.later > 0);
  if (outside) return { ...state, newest };
  return { ...state, newest, entries: [...state.entries, entry].sort(bySeq) };
}

/** The page written before the earliest entry held ("Show earlier entries"). */
export function addEarlier(state: TimelineWindowState, page: { entries: TimelineEntryView[]; earlier: number }): TimelineWindowState {
  const held = new Set(state.entries.map((e) => e.id));
  return { ...state, entries: [...page.entries.filter((e) => !held.has(e.id)), ...state.entries].sort(bySeq), earlier: page.earlier };
}

/**
 * The page written after the latest entry held ("Show later entries"). Entries the stream announced
 * after the page was read keep the control there, so the next page fetches them.
 */
export function addLater(state: TimelineWindowState, page: { entries: TimelineEntryView[]; later: number }): TimelineWindowState {
  const held = new Set(state.entries.map((e) => e.id));
  const entries = [...state.entries, ...page.entries.filter((e) => !held.has(e.id))].sort(bySeq);
  const last = entries.at(-1)?.seq ?? 0;
  const later = page.later > 0 ? page.later : state.newestSeq > last ? 1 : 0;
  return { ...state, entries, later, newest: later > 0 ? state.newest : null, newestSeq: Math.max(state.newestSeq, last) };
}

/** Where "Show earlier" continues from, and "Show later". */
export const earliestSeq = (state: TimelineWindowState) => state.entries[0]?.seq ?? state.newestSeq + 1;
export const latestSeq = (state: TimelineWindowState) => state.entries.at(-1)?.seq ?? 0;

/** The newest entry still there (by when it happened), for "pin the last entry". */
export function lastEntryOf(state: Pick<TimelineWindowState, "entries" | "later" | "newest">): { id: string; pinned: boolean } | null {
  if (state.later > 0) return state.newest;
  const last = state.entries
    .filter((e) => !e.deletedAt)
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.seq - b.seq)
    .at(-1);
  return last ? { id: last.id, pinned: last.pinned } : null;
}

/** The seq a `#entry-12` address points at, if the page does not show it and has not already tried to load it. */
export function entryToLoad(hash: string, search: string, shown: (seq: number) => boolean): number | null {
  const match = /^#entry-(\d{1,10})$/.exec(hash);
  if (!match) return null;
  const seq = Number(match[1]);
  if (shown(seq) || new URLSearchParams(search).get("entry") === String(seq)) return null;
  return seq;
}
