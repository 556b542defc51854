// "Refresh from the incident": renders one section's generated part again from the incident as
// it is now (a corrected milestone, a later customer update) and stores it in place of the old
// one. What people wrote (the section's `doc` and the live document) is never read or written
// here. Refused once approved or published, and for a section stored before decision 0042, whose
// generated text is mixed into the written part (refreshing would say it twice). Audited; the
// person refreshing becomes a contributor, as whoever generated it is (decision 29).
import type { Actor } from "~/modules/auth/actor.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { db } from "~/utils/db.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import { claimWriting } from "./contributors.server.ts";
import { docText, sanitizeDoc, type PmDoc } from "./document.ts";
import { generateSections } from "./generate.ts";
import { readingDoc } from "./parts.ts";
import { sectionTemplateOverrides } from "./section-templates.server.ts";
import { POSTMORTEM_STATE_LABELS, sectionDefinition, type PostmortemStateName, type SectionKey } from "./sections.ts";
import { isLockedForEditing } from "./shared-document.ts";
import { loadSource } from "./source.server.ts";

export async function refreshGeneratedPart(
  actor: Actor,
  postmortemId: string,
  key: SectionKey,
): Promise<{ generated: PmDoc; generatedAt: string }> {
  return db.$transaction(async (tx) => {
    const row = await tx.postmortem.findUnique({ where: { id: postmortemId }, select: { state: true, incidentId: true } });
    if (!row) notFound("Post-mortem");
    if (isLockedForEditing(row.state)) {
      fail(
        "conflict",
        `This post-mortem is ${POSTMORTEM_STATE_LABELS[row.state as PostmortemStateName].toLowerCase()}: reopen it to change it.`,
      );
    }
    const section = await tx.postmortemSection.findUnique({
      where: { postmortemId_key: { postmortemId, key } },
      select: { id: true, doc: true, generated: true },
    });
    const title = sectionDefinition(key)!.title;
    if (!section || section.generated == null) {
      fail(
        "conflict",
        `${title} was written before generated text was kept apart: its generated sentences are in the written text, so refreshing would repeat them.`,
        { section: "has no generated part of its own" },
      );
    }
    const source = await loadSource(tx, row.incidentId);
    if (!source) notFound("Incident");
    // Locks the post-mortem's row: an approval at the same moment comes first or sees this writer.
    await claimWriting(tx, postmortemId, actor.userId);
    const rendered = generateSections(source, { zone: actor.timeZone, templates: await sectionTemplateOverrides(tx) }).find(
      (s) => s.key === key,
    )!;
    const generated = sanitizeDoc(rendered.doc);
    const generatedAt = new Date();
    const text = docText(readingDoc({ generated, written: sanitizeDoc(section.doc) }));
    await tx.postmortemSection.update({
      where: { id: section.id },
      data: { generated: generated as unknown as object, generatedAt, text },
    });
    const before = { section: key, generated: docText(sanitizeDoc(section.generated)) };
    const after = { section: key, generated: docText(generated) };
    await recordAudit(tx, actor, {
      action: "postmortem.section_refreshed",
      entityType: "Postmortem",
      entityId: postmortemId,
      before,
      after,
    });
    return { generated, generatedAt: generatedAt.toISOString() };
  });
}
