// Who wrote a post-mortem's text, kept on the post-mortem: its author, everyone whose live
// edits were stored, everyone who replaced a section through the API. Decision 29.
import { orderedContributors, type Person } from "~/modules/two-person-rule/contributors.ts";
import type { Tx } from "~/utils/db.server.ts";
import { fail } from "~/utils/http.server.ts";
import { EDITABLE_STATES } from "./shared-document.ts";

export async function recordPostmortemContributors(tx: Tx, postmortemId: string, userIds: readonly string[]): Promise<void> {
  for (const userId of new Set(userIds)) {
    await tx.postmortemContributor.upsert({
      where: { postmortemId_userId: { postmortemId, userId } },
      create: { postmortemId, userId },
      update: {},
    });
  }
}

/** The contributors, the author first. */
export async function postmortemContributors(tx: Tx, postmortemId: string, authorId: string): Promise<Person[]> {
  const rows = await tx.postmortemContributor.findMany({
    where: { postmortemId },
    select: { since: true, user: { select: { id: true, name: true } } },
  });
  return orderedContributors(
    authorId,
    rows.map((r) => ({ ...r.user, since: r.since })),
  );
}

/**
 * Records a writer before their words are stored, while the post-mortem may still be edited.
 * The write locks the post-mortem's row, so an approval running at the same time either
 * comes first (and this is refused) or reads this writer among the contributors.
 */
export async function claimWriting(tx: Tx, postmortemId: string, userId: string): Promise<void> {
  const { count } = await tx.postmortem.updateMany({
    where: { id: postmortemId, state: { in: EDITABLE_STATES } },
    data: { updatedAt: new Date() },
  });
  if (count === 0) fail("conflict", "This post-mortem was approved a moment ago: reopen it to change it.");
  await recordPostmortemContributors(tx, postmortemId, [userId]);
}
