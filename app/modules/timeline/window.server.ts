// The room reads a window of an incident's timeline, not all of it: the newest entries, the
// entries around one a link points at, or the page written before the earliest it shows.
// Windows are ranges of `seq` (the order entries were written), read on the (incidentId, seq)
// index; the room shows them in the order things happened. docs/decisions/0019-timeline-window.md.
import { db } from "~/utils/db.server.ts";
import { ENTRY_INCLUDE, entryView, type TimelineEntryView } from "./view.ts";

/** How many entries the room loads at once: the newest on opening it, then a page per "Show earlier". */
export const ROOM_WINDOW = 200;

export type TimelineWindow = {
  /** in sequence order */
  entries: TimelineEntryView[];
  /** entries written before the first of the window */
  earlier: number;
  /** entries written after the last of the window (0 for the newest window) */
  later: number;
  /** the highest entry seq of the incident, so live entries beyond a window are counted once */
  newestSeq: number;
  /** the newest entry by when it happened, when the window does not reach it ("pin the last entry") */
  newest: { id: string; pinned: boolean } | null;
  /** the entry asked for: found (its seq) or not an entry of this incident */
  anchor: { seq: number; found: boolean } | null;
};

const countEntries = (incidentId: string, seq?: { lt: number } | { gt: number }) =>
  db.timelineEntry.count({ where: { incidentId, ...(seq ? { seq } : {}) } });

function readRange(
  incidentId: string,
  seq: { lte: number } | { gt: number } | { lt: number } | undefined,
  direction: "asc" | "desc",
  take: number,
) {
  return db.timelineEntry.findMany({
    where: { incidentId, ...(seq ? { seq } : {}) },
    orderBy: { seq: direction },
    take,
    include: ENTRY_INCLUDE,
  });
}

/** The newest `size` entries written, and how many came before them. */
export async function newestWindow(incidentId: string, size = ROOM_WINDOW): Promise<TimelineWindow> {
  const rows = (await readRange(incidentId, undefined, "desc", size)).reverse();
  const earlier = rows.length < size ? 0 : await countEntries(incidentId, { lt: rows[0]!.seq });
  return { entries: rows.map(entryView), earlier, later: 0, newestSeq: rows.at(-1)?.seq ?? 0, newest: null, anchor: null };
}

/**
 * About `size` entries around the one created at `seq`: half before it, half after, more on one
 * side where the other runs out. An entry that does not exist gives the newest window, saying so.
 */
export async function windowAround(incidentId: string, seq: number, size = ROOM_WINDOW): Promise<TimelineWindow> {
  const [upTo, after] = await Promise.all([
    readRange(incidentId, { lte: seq }, "desc", size),
    readRange(incidentId, { gt: seq }, "asc", size),
  ]);
  if (upTo[0]?.seq !== seq) return { ...(await newestWindow(incidentId, size)), anchor: { seq, found: false } };
  const beforeTake = Math.min(upTo.length, Math.max(Math.ceil(size / 2), size - after.length));
  const afterTake = Math.min(after.length, size - beforeTake);
  const rows = [...upTo.slice(0, beforeTake).reverse(), ...after.slice(0, afterTake)];
  // A side read to its end (fewer rows than asked) has nothing more; otherwise count what lies beyond.
  const [earlier, later] = await Promise.all([
    beforeTake < upTo.length || upTo.length === size ? countEntries(incidentId, { lt: rows[0]!.seq }) : 0,
    afterTake < after.length || after.length === size ? countEntries(incidentId, { gt: rows.at(-1)!.seq }) : 0,
  ]);
  const tail = later > 0 ? await newestEntry(incidentId) : null;
  return {
    entries: rows.map(entryView),
    earlier,
    later,
    newestSeq: later > 0 ? (tail?.seq ?? rows.at(-1)!.seq) : rows.at(-1)!.seq,
    newest: tail && { id: tail.id, pinned: tail.pinned },
    anchor: { seq, found: true },
  };
}

/** The newest entry still there by when it happened, and the highest seq, for a window that stops short of them. */
async function newestEntry(incidentId: string) {
  const [byTime, bySeq] = await Promise.all([
    db.timelineEntry.findFirst({
      where: { incidentId, deletedAt: null },
      orderBy: [{ occurredAt: "desc" }, { seq: "desc" }],
      select: { id: true, pinned: true },
    }),
    db.timelineEntry.findFirst({ where: { incidentId }, orderBy: { seq: "desc" }, select: { seq: true } }),
  ]);
  return byTime && bySeq ? { ...byTime, seq: bySeq.seq } : null;
}

/** The `limit` entries written just before the one created at `beforeSeq`, in sequence order, and how many precede them. */
export async function entriesBefore(
  incidentId: string,
  beforeSeq: number,
  limit: number,
): Promise<{ entries: TimelineEntryView[]; earlier: number }> {
  const rows = (await readRange(incidentId, { lt: beforeSeq }, "desc", limit)).reverse();
  const earlier = rows.length < limit ? 0 : await countEntries(incidentId, { lt: rows[0]!.seq });
  return { entries: rows.map(entryView), earlier };
}

/** The `limit` entries written after `afterSeq`, in sequence order, and how many follow them. */
export async function entriesAfter(
  incidentId: string,
  afterSeq: number,
  limit: number,
): Promise<{ entries: TimelineEntryView[]; later: number }> {
  const rows = await readRange(incidentId, { gt: afterSeq }, "asc", limit);
  const later = rows.length < limit ? 0 : await countEntries(incidentId, { gt: rows.at(-1)!.seq });
  return { entries: rows.map(entryView), later };
}
