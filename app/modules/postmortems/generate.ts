// The first draft of a post-mortem: every section rendered from its template with the
// incident's data. Pure: no I/O (the templates and the data are passed in).
import { renderTemplate } from "~/modules/notices/liquid.ts";
import { markdownToDoc, type PmDoc } from "./document.ts";
import { DEFAULT_SECTION_TEMPLATES } from "./section-templates.ts";
import { SECTIONS, type SectionKey } from "./sections.ts";
import type { PostmortemSource } from "./source.ts";
import { sectionVariables } from "./variables.ts";

export type GeneratedSection = { key: SectionKey; title: string; position: number; doc: PmDoc };

export function postmortemTitle(source: PostmortemSource): string {
  return `${source.incident.ref}: ${source.incident.title}`;
}

/**
 * Renders every section. `templates` holds an admin's replacements by section key; the
 * shipped default fills the rest. `zone` is the writer's zone, shown beside UTC.
 */
export function generateSections(
  source: PostmortemSource,
  { zone, templates = {}, now = new Date() }: { zone: string; templates?: Partial<Record<SectionKey, string>>; now?: Date },
): GeneratedSection[] {
  const variables = sectionVariables(source, zone, now);
  return SECTIONS.map((section, position) => {
    const template = templates[section.key] ?? DEFAULT_SECTION_TEMPLATES[section.key];
    const markdown = renderTemplate(template, variables, { allowEmpty: true });
    return { key: section.key, title: section.title, position, doc: markdownToDoc(markdown) };
  });
}
