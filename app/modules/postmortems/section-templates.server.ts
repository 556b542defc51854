// Post-mortem section templates as an admin left them: the shipped default unless a Template
// row ("postmortem.<section>") replaces it. Saving checks the template fills with the demo
// outage's shape of data first, so a broken one is refused with liquid's reason.
import type { Actor } from "~/modules/auth/actor.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { renderTemplate, TemplateError } from "~/modules/notices/liquid.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { fail } from "~/utils/http.server.ts";
import { DEFAULT_SECTION_TEMPLATES, sectionTemplateKey } from "./section-templates.ts";
import {
  caseTime,
  caseUpdateBody,
  DEFAULT_PREVIEW_CASE,
  INCIDENT_CASE_DESCRIPTIONS,
  INCIDENT_CASE_IDS,
  PREVIEW_PAGE,
  type IncidentCaseId,
} from "~/modules/notices/preview-cases.ts";
import { SECTIONS, SECTION_KEYS, type SectionKey } from "./sections.ts";
import { caseSource } from "./sample-source.ts";
import { sectionVariables } from "./variables.ts";

export type SectionTemplateView = {
  key: SectionKey;
  templateKey: string;
  title: string;
  source: string;
  isDefault: boolean;
  defaultSource: string;
};

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

/** What a section template is filled with for one of the preview cases, a week after it was resolved. */
export function caseSectionVariables(caseId: IncidentCaseId) {
  return sectionVariables(
    caseSource(caseId, (status) => caseUpdateBody(caseId, status)),
    PREVIEW_PAGE.timeZone,
    caseTime(7 * 24 * 60),
  );
}

/** The Markdown a template writes for one of the preview cases; a broken template is a 422. */
export function previewSectionTemplate(source: string, caseId: IncidentCaseId = DEFAULT_PREVIEW_CASE): string {
  try {
    return renderTemplate(source, caseSectionVariables(caseId), { allowEmpty: true });
  } catch (error) {
    if (error instanceof TemplateError) {
      const shape = INCIDENT_CASE_DESCRIPTIONS[caseId];
      const message = caseId === DEFAULT_PREVIEW_CASE ? error.message : `${error.message} (for an incident with ${shape})`;
      fail("invalid", message, { source: message });
    }
    throw error;
  }
}

/** Saves a section template once it fills for every preview case (null: back to the shipped one). */
export async function saveSectionTemplate(actor: Actor, key: SectionKey, source: string | null): Promise<SectionTemplateView> {
  if (source !== null) for (const caseId of INCIDENT_CASE_IDS) previewSectionTemplate(source, caseId);
  const templateKey = sectionTemplateKey(key);
  await db.$transaction(async (tx) => {
    const before = await tx.template.findUnique({ where: { key: templateKey } });
    if (source === null) await tx.template.deleteMany({ where: { key: templateKey } });
    else
      await tx.template.upsert({
        where: { key: templateKey },
        create: { key: templateKey, source, updatedById: actor.userId },
        update: { source, updatedById: actor.userId },
      });
    await recordAudit(tx, actor, {
      action: source === null ? "template.reset" : "template.saved",
      entityType: "Template",
      entityId: templateKey,
      before: before?.source,
      after: source,
    });
  });
  return (await listSectionTemplates()).find((t) => t.key === key)!;
}
