// Post-mortem section templates as an admin left them: the shipped default unless a Template
// row ("postmortem.<section>") replaces it. Saving checks the template fills with the demo
// outage's shape of data first, so a broken one is refused with liquid's reason.
import type { Actor } from "~/modules/auth/actor.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { renderTemplate, TemplateError } from "~/modules/notices/templates.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { fail } from "~/utils/http.server.ts";
import { DEFAULT_SECTION_TEMPLATES, sectionTemplateKey } from "./section-templates.ts";
import { SECTIONS, SECTION_KEYS, type SectionKey } from "./sections.ts";
import { sampleSource } from "./sample-source.ts";
import { sectionVariables } from "./variables.ts";

export type SectionTemplateView = { key: SectionKey; templateKey: string; title: string; source: string; isDefault: boolean; defaultSource: string };

export async function sectionTemplateOverrides(tx: Tx): Promise<Partial<Record<SectionKey, string>>> {
  const rows = await tx.template.findMany({ where: { key: { startsWith: "postmortem." } } });
  const out: Partial<Record<SectionKey, string>> = {};
  for (const key of SECTION_KEYS) {
    const row = rows.find((r) => r.key === sectionTemplateKey(key));
    if (row) out[key] = row.source;
  }
  return out;
}

export async function listSectionTemplates(): Promise<SectionTemplateView[]> {
  const overrides = await db.$transaction((tx) => sectionTemplateOverrides(tx));
  return SECTIONS.map((s) => ({
    key: s.key,
    templateKey: sectionTemplateKey(s.key),
    title: s.title,
    source: overrides[s.key] ?? DEFAULT_SECTION_TEMPLATES[s.key],
    isDefault: overrides[s.key] === undefined,
    defaultSource: DEFAULT_SECTION_TEMPLATES[s.key],
  }));
}

/** The Markdown a template writes for the sample outage; a broken template is a 422. */
export function previewSectionTemplate(source: string): string {
  try {
    return renderTemplate(source, sectionVariables(sampleSource(), "Etc/UTC"), { allowEmpty: true });
  } catch (error) {
    if (error instanceof TemplateError) fail("invalid", error.message, { source: error.message });
    throw error;
  }
}

export async function saveSectionTemplate(actor: Actor, key: SectionKey, source: string | null): Promise<SectionTemplateView> {
  if (source !== null) previewSectionTemplate(source);
  const templateKey = sectionTemplateKey(key);
  await db.$transaction(async (tx) => {
    const before = await tx.template.findUnique({ where: { key: templateKey } });
    if (source === null) await tx.template.deleteMany({ where: { key: templateKey } });
    else await tx.template.upsert({ where: { key: templateKey }, create: { key: templateKey, source, updatedById: actor.userId }, update: { source, updatedById: actor.userId } });
    await recordAudit(tx, actor, { action: source === null ? "template.reset" : "template.saved", entityType: "Template", entityId: templateKey, before: before?.source, after: source });
  });
  return (await listSectionTemplates()).find((t) => t.key === key)!;
}
