// Replacing a section's text outside the live editor (the API): through the shared document,
// refused once the post-mortem is approved or published, audited; the writer becomes a contributor.
import type { Actor } from "~/modules/auth/actor.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { db } from "~/utils/db.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import { replaceSharedSection } from "./collab.server.ts";
import { claimWriting, postmortemContributors } from "./contributors.server.ts";
import { sanitizeDoc, type PmDoc } from "./document.ts";
import { POSTMORTEM_STATE_LABELS, type PostmortemStateName, type SectionKey } from "./sections.ts";
import { isLockedForEditing } from "./shared-document.ts";

export async function replaceSection(actor: Actor, postmortemId: string, key: SectionKey, doc: PmDoc): Promise<PmDoc> {
  const row = await db.$transaction((tx) =>
    tx.postmortem.findUnique({ where: { id: postmortemId }, select: { state: true, authorId: true } }),
  );
  if (!row) notFound("Post-mortem");
  if (isLockedForEditing(row.state)) {
    fail(
      "conflict",
      `This post-mortem is ${POSTMORTEM_STATE_LABELS[row.state as PostmortemStateName].toLowerCase()}: reopen it to change it.`,
    );
  }
  // The writer is a contributor before their words can be stored, so no approval misses them.
  await db.$transaction((tx) => claimWriting(tx, postmortemId, actor.userId));
  await replaceSharedSection(postmortemId, key, doc);
  return db.$transaction(async (tx) => {
    const section = await tx.postmortemSection.findUnique({ where: { postmortemId_key: { postmortemId, key } }, select: { doc: true } });
    const stored = sanitizeDoc(section?.doc);
    const contributors = await postmortemContributors(tx, postmortemId, row.authorId);
    const after = { section: key, doc: stored, contributors };
    await recordAudit(tx, actor, { action: "postmortem.section_replaced", entityType: "Postmortem", entityId: postmortemId, after });
    return stored;
  });
}
