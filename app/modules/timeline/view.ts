import type { Doc } from "./document.ts";

export const ENTRY_KINDS = ["note", "action", "decision", "observation", "hypothesis", "customer-impact"] as const;
export const ALL_ENTRY_KINDS = [...ENTRY_KINDS, "status-change", "update-published"] as const;
export type EntryKind = (typeof ALL_ENTRY_KINDS)[number];
export type WritableEntryKind = (typeof ENTRY_KINDS)[number];

/** The API says customer-impact; the database enum says customer_impact. */
export const kindToDb = (kind: EntryKind) => kind.replace("-", "_") as "note";
export const kindFromDb = (kind: string) => kind.replace("_", "-") as EntryKind;

export const ENTRY_INCLUDE = { author: { select: { id: true, name: true } } } as const;

export type TimelineEntryView = {
  id: string;
  incidentId: string;
  seq: number;
  kind: EntryKind;
  body: string;
  doc: Doc;
  occurredAt: string;
  author: { id: string; name: string } | null;
  pinned: boolean;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
};

type EntryRow = {
  id: string;
  incidentId: string;
  seq: number;
  kind: string;
  text: string;
  doc: unknown;
  occurredAt: Date;
  author: { id: string; name: string } | null;
  pinned: boolean;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
};

export function entryView(row: EntryRow): TimelineEntryView {
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    incidentId: row.incidentId,
    seq: row.seq,
    kind: kindFromDb(row.kind),
    body: deleted ? "" : row.text,
    doc: deleted ? { type: "doc", content: [] } : (row.doc as Doc),
    occurredAt: row.occurredAt.toISOString(),
    author: row.author,
    pinned: row.pinned,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}
