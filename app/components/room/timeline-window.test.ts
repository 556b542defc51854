import { describe, expect, it } from "vitest";
import type { TimelineEntryView } from "~/modules/timeline/view.ts";
import { addEarlier, addLater, entryToLoad, lastEntryOf, placeEntry, type TimelineWindowState } from "./timeline-window.ts";

const entry = (seq: number, change: Partial<TimelineEntryView> = {}): TimelineEntryView => ({
  id: `e${seq}`,
  incidentId: "inc1",
  seq,
  kind: "note",
  body: `entry ${seq}`,
  doc: { type: "doc", content: [] },
  occurredAt: new Date(Date.UTC(2026, 10, 25, 10, 0, seq)).toISOString(),
  author: null,
  pinned: false,
  createdAt: new Date(Date.UTC(2026, 10, 25, 10, 0, seq)).toISOString(),
  editedAt: null,
  deletedAt: null,
  ...change,
});
const seqs = (state: TimelineWindowState) => state.entries.map((e) => e.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => entry(from + i));

/** The newest window: entries 301–500, 300 written before. */
const newest: TimelineWindowState = { entries: range(301, 500), earlier: 300, later: 0, newestSeq: 500, newest: null };
/** Opened on entry 100: entries 1–200 held, 300 written after, the newest being 500. */
const aroundOld: TimelineWindowState = {
  entries: range(1, 200),
  earlier: 0,
  later: 300,
  newestSeq: 500,
  newest: { id: "e500", pinned: false },
};

describe("the room's window of the timeline", () => {
  it("appends a new entry to the newest window, once however often it is reported", () => {
    const once = placeEntry(newest, entry(501));
    expect(seqs(once).at(-1)).toBe(501);
    expect(placeEntry(once, entry(501))).toEqual(once);
  });

  it("replaces an entry it holds when it is edited, pinned or deleted", () => {
    const pinned = placeEntry(newest, entry(400, { pinned: true }));
    expect(pinned.entries.find((e) => e.seq === 400)?.pinned).toBe(true);
    expect(pinned.entries).toHaveLength(200);
  });

  it("ignores a change to an entry before the window: nothing the room shows changes", () => {
    expect(placeEntry(newest, entry(12, { body: "edited" }))).toEqual(newest);
  });

  it("counts new entries while it holds an old part, once each, and keeps the newest for 'pin the last entry'", () => {
    const one = placeEntry(aroundOld, entry(501));
    const again = placeEntry(one, entry(501));
    expect(seqs(again)).toEqual(seqs(aroundOld));
    expect(again.later).toBe(301);
    expect(lastEntryOf(again)).toEqual({ id: "e501", pinned: false });
    expect(lastEntryOf(placeEntry(again, entry(501, { pinned: true })))).toEqual({ id: "e501", pinned: true });
    // a change to an entry between the window and the newest shows nothing
    expect(placeEntry(again, entry(350, { body: "edited" })).entries).toEqual(again.entries);
  });

  it("puts an earlier page before what it holds and takes its count", () => {
    const more = addEarlier(newest, { entries: range(101, 300), earlier: 100 });
    expect(seqs(more)).toEqual(range(101, 500).map((e) => e.seq));
    expect(more.earlier).toBe(100);
  });

  it("puts a later page after what it holds; at the newest, live entries append again", () => {
    const next = addLater(aroundOld, { entries: range(201, 400), later: 100 });
    expect(next.later).toBe(100);
    const last = addLater(next, { entries: range(401, 500), later: 0 });
    expect(last.later).toBe(0);
    expect(seqs(placeEntry(last, entry(501))).at(-1)).toBe(501);
  });

  it("keeps 'Show later' when an entry announced live was written after the page was read", () => {
    const announced = placeEntry(aroundOld, entry(501));
    const page = addLater(announced, { entries: range(201, 500), later: 0 });
    expect(page.later).toBe(1);
  });

  it("pins the newest entry by when it happened, skipping deleted ones, in the newest window", () => {
    const state = placeEntry(
      placeEntry(newest, entry(501, { deletedAt: "2026-11-25T11:00:00.000Z" })),
      entry(502, { occurredAt: "2026-11-25T09:00:00.000Z" }),
    );
    expect(lastEntryOf(state)).toEqual({ id: "e500", pinned: false });
  });
});

describe("links to an entry", () => {
  const shown = (seq: number) => seq > 300;
  it("loads the window around an entry the room does not show", () => {
    expect(entryToLoad("#entry-12", "", shown)).toBe(12);
    expect(entryToLoad("#entry-400", "", shown)).toBeNull();
    expect(entryToLoad("#field-summary", "", shown)).toBeNull();
  });
  it("does not load it again when the room was already opened on it (an entry that does not exist)", () => {
    expect(entryToLoad("#entry-12", "?entry=12", shown)).toBeNull();
    expect(entryToLoad("#entry-12", "?entry=40", shown)).toBe(12);
  });
});
