// Lints a stored post-mortem: loads what lint.ts reads, in a few queries. Pass the
// transaction that is about to move the post-mortem, so the check and the move see the same rows.
import type { Tx } from "~/utils/db.server.ts";
import { lintPostmortem, type LintProblem } from "./lint.ts";
import { storedParts, type SectionParts } from "./parts.ts";
import { isSectionKey, type ActionItemStateName, type SectionKey } from "./sections.ts";

type Reader = Pick<Tx, "postmortem" | "user">;

/** The post-mortem's lint problems, or null when there is no such post-mortem. */
export async function lintStoredPostmortem(tx: Reader, postmortemId: string): Promise<LintProblem[] | null> {
  const row = await tx.postmortem.findUnique({
    where: { id: postmortemId },
    select: {
      sections: { select: { key: true, doc: true, generated: true } },
      actionItems: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, title: true, ownerId: true, dueAt: true, state: true },
      },
      incident: { select: { startedAt: true, detectedAt: true, acknowledgedAt: true, mitigatedAt: true, resolvedAt: true } },
    },
  });
  if (!row) return null;
  // Anyone in the organisation can be named as the cause of a failure, not only the responders.
  const people = await tx.user.findMany({ select: { name: true } });
  const sections: Partial<Record<SectionKey, SectionParts>> = {};
  for (const section of row.sections) if (isSectionKey(section.key)) sections[section.key] = storedParts(section);
  return lintPostmortem({
    sections,
    actionItems: row.actionItems.map((item) => ({ ...item, state: item.state as ActionItemStateName })),
    milestones: row.incident,
    people: people.map((p) => p.name),
  });
}
