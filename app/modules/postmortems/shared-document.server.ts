// Where a post-mortem's shared document lives between editing sessions: `Postmortem.yjsState`
// (the Yjs state, so merging stays exact) and, derived from it on every store, each
// section's tiptap JSON (what the read page, lint and exports use). docs/decisions/0014.
import * as Y from "yjs";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import type { Actor } from "~/modules/auth/actor.ts";
import type { Person } from "~/modules/two-person-rule/contributors.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { newId } from "~/utils/ids.ts";
import { logger } from "~/utils/logger.server.ts";
import { docText, MAX_SECTION_BYTES, sanitizeDoc } from "./document.ts";
import { readingDoc } from "./parts.ts";
import { SECTION_KEYS } from "./sections.ts";
import { recordPostmortemContributors, postmortemContributors } from "./contributors.server.ts";
import { EDITABLE_STATES, firstSharedState, isLockedForEditing, sectionsOfSharedDocument } from "./shared-document.ts";

/** Editing leaves one `postmortem.edited` audit row per person and post-mortem per this long. */
export const EDIT_AUDIT_EVERY_MS = 10 * 60 * 1000;
const STORE_ATTEMPTS = 3;

/** The revision each open document was loaded at or last stored as. */
const storedRevision = new WeakMap<Y.Doc, number>();

export async function findPostmortemState(postmortemId: string): Promise<string | null> {
  const row = await db.postmortem.findUnique({ where: { id: postmortemId }, select: { state: true } });
  return row?.state ?? null;
}

/** Fills `into` with the stored state, or, the first time, with the sections' stored JSON. */
export async function loadSharedDocument(postmortemId: string, into: Y.Doc): Promise<void> {
  const row = await db.postmortem.findUnique({
    where: { id: postmortemId },
    select: { yjsState: true, revision: true, sections: { select: { key: true, doc: true } } },
  });
  if (!row) throw new Error(`post-mortem ${postmortemId} does not exist`);
  Y.applyUpdate(into, row.yjsState ?? firstSharedState(row.sections));
  storedRevision.set(into, row.revision);
}

/**
 * Stores the document and every changed section in one transaction, bumping the revision; the
 * editors become contributors in it (decision 29).
 * If another instance stored since we last read, its state is merged in first (Yjs merges
 * without conflict) and the store is tried again, so neither instance overwrites the other.
 */
export async function storeSharedDocument(postmortemId: string, doc: Y.Doc, editors: Actor[]): Promise<"stored" | "locked" | "gone"> {
  for (let attempt = 1; attempt <= STORE_ATTEMPTS; attempt++) {
    const row = await db.postmortem.findUnique({
      where: { id: postmortemId },
      select: {
        revision: true,
        yjsState: true,
        state: true,
        authorId: true,
        sections: { select: { key: true, doc: true, generated: true } },
      },
    });
    if (!row) return "gone";
    if (row.revision !== storedRevision.get(doc) && row.yjsState) Y.applyUpdate(doc, row.yjsState);
    if (isLockedForEditing(row.state)) {
      logger.warn({ postmortemId, state: row.state }, "collaborative edits to a locked post-mortem were not stored");
      storedRevision.set(doc, row.revision);
      return "locked";
    }
    // Read the sections before encoding: reading drops elements the schema does not know.
    const changed = changedSections(postmortemId, doc, row.sections);
    const state = new Uint8Array(Y.encodeStateAsUpdate(doc));
    const stored = await db.$transaction(async (tx) => {
      // Never into a post-mortem approved since the read above: the approver vouched for what was there.
      const { count } = await tx.postmortem.updateMany({
        where: { id: postmortemId, revision: row.revision, state: { in: EDITABLE_STATES } },
        data: { yjsState: state, revision: { increment: 1 } },
      });
      if (count !== 1) return false;
      for (const { key, doc: json } of changed) {
        // Search reads the whole section: the generated part kept apart (decision 0042), then this.
        const generated = row.sections.find((stored) => stored.key === key)?.generated;
        const text = docText(readingDoc({ generated: generated == null ? null : sanitizeDoc(generated), written: json }));
        await tx.postmortemSection.upsert({
          where: { postmortemId_key: { postmortemId, key } },
          create: { id: newId(), postmortemId, key, position: SECTION_KEYS.indexOf(key), doc: json as object, text },
          update: { doc: json as object, text },
        });
      }
      await recordPostmortemContributors(
        tx,
        postmortemId,
        editors.map((e) => e.userId),
      );
      const contributors = editors.length ? await postmortemContributors(tx, postmortemId, row.authorId) : [];
      await auditEdits(tx, postmortemId, editors, { revision: row.revision + 1, sections: changed.map((s) => s.key), contributors });
      return true;
    });
    if (stored) {
      storedRevision.set(doc, row.revision + 1);
      return "stored";
    }
  }
  throw new Error(`the shared document was not stored: the revision moved ${STORE_ATTEMPTS} times in a row`);
}

/** Sections whose JSON differs from what is stored; a section over MAX_SECTION_BYTES keeps its stored JSON. */
function changedSections(postmortemId: string, doc: Y.Doc, stored: { key: string; doc: unknown }[]) {
  const storedJson = new Map(stored.map((s) => [s.key, JSON.stringify(sanitizeDoc(s.doc))]));
  return sectionsOfSharedDocument(doc).filter((section) => {
    if (section.size > MAX_SECTION_BYTES) {
      logger.warn(
        { postmortemId, section: section.key, size: section.size, limit: MAX_SECTION_BYTES },
        "section too large: its stored text was kept",
      );
      return false;
    }
    return storedJson.get(section.key) !== JSON.stringify(section.doc);
  });
}

/** One `postmortem.edited` row per editor unless they already have one from the last 10 minutes. */
async function auditEdits(
  tx: Tx,
  postmortemId: string,
  editors: Actor[],
  after: { revision: number; sections: string[]; contributors: Person[] },
) {
  const since = new Date(Date.now() - EDIT_AUDIT_EVERY_MS);
  for (const editor of editors) {
    const recent = await tx.auditEvent.findFirst({
      where: { action: "postmortem.edited", entityType: "Postmortem", entityId: postmortemId, actorId: editor.userId, at: { gte: since } },
      select: { id: true },
    });
    if (!recent) await recordAudit(tx, editor, { action: "postmortem.edited", entityType: "Postmortem", entityId: postmortemId, after });
  }
}
