// Timeline entries: written by scribes and responders, live. Each write is a change of the
// incident (record-change.server.ts): its sequence number, event and audit row in one transaction.
import { z } from "zod";
import type { Actor } from "~/modules/auth/actor.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import { newId } from "~/utils/ids.ts";
import { PastInstant } from "~/utils/instants.ts";
import { cleanDoc, DocSchema, docJson, docToText, MAX_ENTRY_CHARS, textToDoc, type Doc } from "./document.ts";
import { wakeWorker } from "~/modules/delivery/wake.ts";
import { queueEntryPost } from "~/modules/slack/room-posts.server.ts";
import { recordIncidentChange, withIncidentChanges } from "./record-change.server.ts";
import { ENTRY_INCLUDE, ENTRY_KINDS, entryView, kindFromDb, kindToDb, type TimelineEntryView } from "./view.ts";

const KindSchema = z
  .string()
  .transform((k) => k.replace("_", "-"))
  .pipe(z.enum(ENTRY_KINDS, { message: `must be one of ${ENTRY_KINDS.join(", ")}` }));

const BodySchema = z.union([z.string().trim().min(1, "must not be empty").max(MAX_ENTRY_CHARS), DocSchema], {
  message: "must be text or a tiptap document",
});

export const NewEntrySchema = z.object({
  body: BodySchema,
  kind: KindSchema.default("note"),
  occurredAt: PastInstant.optional(),
  pinned: z.boolean().default(false),
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
});
export type NewEntry = z.input<typeof NewEntrySchema>;

export const EntryPatchSchema = z
  .object({ body: BodySchema.optional(), kind: KindSchema.optional(), pinned: z.boolean().optional(), occurredAt: PastInstant.optional() })
  .refine((p) => Object.keys(p).length > 0, "nothing to change");

function toDoc(body: string | z.infer<typeof DocSchema>): { doc: Doc; text: string } {
  const doc = typeof body === "string" ? textToDoc(body) : cleanDoc(body as Doc);
  const text = docToText(doc);
  if (!text) fail("invalid", "Some fields are not valid.", { body: "must not be empty" });
  if (text.length > MAX_ENTRY_CHARS)
    fail("invalid", "Some fields are not valid.", { body: `must be at most ${MAX_ENTRY_CHARS} characters` });
  return { doc, text };
}

class AlreadyStored extends Error {}

async function findByKey(incidentId: string, key: string): Promise<TimelineEntryView | null> {
  const row = await db.timelineEntry.findUnique({
    where: { incidentId_idempotencyKey: { incidentId, idempotencyKey: key } },
    include: ENTRY_INCLUDE,
  });
  return row && entryView(row);
}

/**
 * Adds an entry; the same idempotency key again returns the stored entry (created: false).
 * The key is checked under the incident's lock, so a retry racing its original is caught too;
 * a duplicate rolls back, giving its sequence number back.
 */
export async function addTimelineEntry(
  actor: Actor,
  incidentId: string,
  input: z.output<typeof NewEntrySchema>,
): Promise<{ entry: TimelineEntryView; created: boolean }> {
  const key = input.idempotencyKey ?? null;
  let entry: TimelineEntryView;
  try {
    entry = await withIncidentChanges((tx) => writeTimelineEntry(tx, actor, incidentId, input));
  } catch (error) {
    if (error instanceof AlreadyStored && key) {
      const existing = await findByKey(incidentId, key);
      if (existing) return { entry: existing, created: false };
    }
    // A database that does not answer is the client's 503 (db.server.ts): the room's outbox
    // retries it with the same idempotency key, so the entry lands once.
    throw error;
  }
  wakeWorker();
  return { entry, created: true };
}

/**
 * Writes an entry, its event and audit row inside the caller's transaction (alert intake writes
 * several with the incident they open), one of withIncidentChanges, which announces it. A
 * stored idempotency key throws AlreadyStored, which rolls the transaction back. The entry is
 * posted to the incident's Slack channel, unless it was captured from Slack (`fromSlack`).
 */
export async function writeTimelineEntry(
  tx: Tx,
  actor: Actor,
  incidentId: string,
  input: z.output<typeof NewEntrySchema>,
  /** `author`: whose words these are, when not the actor's (a Slack message someone else pinned) */
  options: { fromSlack?: boolean; author?: { id: string; name: string } } = {},
): Promise<TimelineEntryView> {
  const { doc, text } = toDoc(input.body);
  const author = options.author ?? { id: actor.userId, name: actor.name };
  const key = input.idempotencyKey ?? null;
  const { value } = await recordIncidentChange(tx, actor, incidentId, async (seq) => {
    if (
      key &&
      (await tx.timelineEntry.findUnique({
        where: { incidentId_idempotencyKey: { incidentId, idempotencyKey: key } },
        select: { id: true },
      }))
    ) {
      throw new AlreadyStored();
    }
    const row = await tx.timelineEntry.create({
      data: {
        id: newId(),
        incidentId,
        seq,
        kind: kindToDb(input.kind),
        doc: docJson(doc),
        text,
        occurredAt: input.occurredAt ?? new Date(),
        authorId: author.id,
        pinned: input.pinned,
        idempotencyKey: key,
      },
    });
    const view = entryView({ ...row, author });
    await queueEntryPost(tx, incidentId, { id: row.id, kind: row.kind, text, author: author.name }, options);
    return {
      value: view,
      event: { type: "timeline.created", data: view },
      audit: { action: "timeline.created", entityType: "TimelineEntry", entityId: row.id, after: { kind: view.kind, body: text } },
    };
  });
  return value;
}

/** Writes an entry inside a transaction the caller already holds (status changes). */
export async function addSystemEntry(
  tx: Tx,
  actor: Actor,
  incidentId: string,
  kind: "status_change" | "update_published",
  text: string,
  at = new Date(),
): Promise<number> {
  const { seq } = await recordIncidentChange(tx, actor, incidentId, async (seq) => {
    const row = await tx.timelineEntry.create({
      data: {
        id: newId(),
        incidentId,
        seq,
        kind,
        doc: docJson(textToDoc(text)),
        text,
        occurredAt: at,
        createdAt: at,
        authorId: actor.userId,
      },
      include: ENTRY_INCLUDE,
    });
    await queueEntryPost(tx, incidentId, { id: row.id, kind, text, author: actor.name });
    // the change it is part of writes the audit row
    return { value: undefined, event: { type: "timeline.created", data: entryView(row) } };
  });
  return seq;
}

async function changeEntry(
  actor: Actor,
  incidentId: string,
  entryId: string,
  change: (tx: Tx, row: { kind: string; doc: unknown; text: string; deletedAt: Date | null }) => Promise<object | null>,
  action: "timeline.updated" | "timeline.deleted",
): Promise<TimelineEntryView> {
  const { view, changed } = await withIncidentChanges(async (tx) => {
    const before = await tx.timelineEntry.findFirst({ where: { id: entryId, incidentId } });
    if (!before) notFound("Timeline entry");
    const data = await change(tx, before);
    if (!data) return { view: entryView({ ...before, author: null }), changed: false };
    const { value: view } = await recordIncidentChange(tx, actor, incidentId, async () => {
      const row = await tx.timelineEntry.update({ where: { id: entryId }, data, include: ENTRY_INCLUDE });
      const view = entryView(row);
      // its message in the Slack channel follows (an entry never posted there is left alone)
      const posted = { id: entryId, kind: row.kind, text: row.text, author: row.author?.name ?? null, deleted: row.deletedAt !== null };
      await queueEntryPost(tx, incidentId, posted, { edit: true });
      return {
        value: view,
        event: { type: action, data: view },
        audit: {
          action,
          entityType: "TimelineEntry",
          entityId: entryId,
          before: { kind: before.kind, body: before.text, pinned: before.pinned, occurredAt: before.occurredAt },
          after: { kind: row.kind, body: row.text, pinned: row.pinned, occurredAt: row.occurredAt, deletedAt: row.deletedAt },
        },
      };
    });
    return { view, changed: true };
  });
  if (changed) wakeWorker();
  return view;
}

/** Edits an entry; a change of text or kind keeps the previous version as a revision. */
export function editTimelineEntry(actor: Actor, incidentId: string, entryId: string, patch: z.output<typeof EntryPatchSchema>) {
  return changeEntry(
    actor,
    incidentId,
    entryId,
    async (tx, before) => {
      if (before.deletedAt) fail("conflict", "This entry has been deleted.");
      const data: Record<string, unknown> = {};
      if (patch.pinned !== undefined) data.pinned = patch.pinned;
      if (patch.occurredAt) data.occurredAt = patch.occurredAt;
      const content = patch.body !== undefined ? toDoc(patch.body) : null;
      if (content || patch.kind) {
        await tx.timelineEntryRevision.create({
          data: { id: newId(), entryId, kind: before.kind as "note", doc: before.doc as object, text: before.text, editorId: actor.userId },
        });
        if (content) Object.assign(data, { doc: docJson(content.doc), text: content.text });
        if (patch.kind) data.kind = kindToDb(patch.kind);
        data.editedAt = new Date();
      }
      return data;
    },
    "timeline.updated",
  );
}

export function deleteTimelineEntry(actor: Actor, incidentId: string, entryId: string) {
  return changeEntry(
    actor,
    incidentId,
    entryId,
    async (_tx, before) => (before.deletedAt ? null : { deletedAt: new Date() }),
    "timeline.deleted",
  );
}

export async function getTimelineEntry(incidentId: string, entryId: string) {
  const row = await db.timelineEntry.findFirst({ where: { id: entryId, incidentId }, include: ENTRY_INCLUDE });
  if (!row) return null;
  const revisions = await db.timelineEntryRevision.findMany({
    where: { entryId },
    orderBy: { replacedAt: "desc" },
    include: { editor: { select: { id: true, name: true } } },
  });
  return {
    entry: entryView(row),
    revisions: revisions.map((r) => ({
      kind: kindFromDb(r.kind),
      body: r.text,
      doc: r.doc as Doc,
      replacedAt: r.replacedAt.toISOString(),
      replacedBy: r.editor,
    })),
  };
}
