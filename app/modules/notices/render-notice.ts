// Renders a notice's three parts. Text and subject are plain; HTML escapes every output (the
// liquid engine's outputEscape), so customer text stays text, and an admin's own HTML is
// sanitized on top (sanitize-html.ts). A subject is one line: line breaks are removed so no
// header can be injected, and it is capped at 200 characters.
import { Liquid } from "liquidjs";
import { cachedParse, parseTemplate, renderTemplate, TemplateError } from "./templates.ts";
import { NOTICE_PART_LABELS, NOTICE_PARTS, type NoticePart, type NoticeTemplate, type NoticeVariables } from "./notice-templates.ts";
import { sanitizeHtml } from "./sanitize-html.ts";

const MAX_PART = 200_000;

const htmlEngine = new Liquid({
  fs: { exists: async () => false, existsSync: () => false, readFile: async () => "", readFileSync: () => "", resolve: (_d, f) => f },
  root: [],
  relativeReference: false,
  strictVariables: true,
  strictFilters: true,
  ownPropertyOnly: true,
  outputEscape: "escape",
  parseLimit: 100_000,
  renderLimit: 500,
  memoryLimit: 10_000_000,
});

export type RenderedNotice = { subject: string; text: string; html: string };

export function oneLine(value: string, max = 200): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim().slice(0, max);
}

function renderHtml(source: string, variables: NoticeVariables): string {
  try {
    return htmlEngine.renderSync(cachedParse(htmlEngine, source), variables) as string;
  } catch (error) {
    throw new TemplateError(`The HTML part cannot be filled: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
  }
}

/** `sanitizeHtml`: the HTML part is an admin's, not the shipped one. */
export function renderNotice(template: NoticeTemplate, variables: NoticeVariables, options: { sanitizeHtml?: boolean } = {}): RenderedNotice {
  const subject = oneLine(renderTemplate(template.subject, variables));
  const text = renderTemplate(template.text, variables);
  const html = renderHtml(template.html, variables);
  if (text.length > MAX_PART || html.length > MAX_PART) throw new TemplateError("The notice is too long (over 200,000 characters).");
  return { subject, text, html: options.sanitizeHtml ? sanitizeHtml(html) : html };
}

/**
 * Why each part of an admin's notice cannot be used, filled with `variables` (real data):
 * liquid's reason, a subject over more than one line, an empty or oversized result.
 */
export function noticeTemplateProblems(template: NoticeTemplate, variables: NoticeVariables): Partial<Record<NoticePart, string>> {
  const problems: Partial<Record<NoticePart, string>> = {};
  for (const part of NOTICE_PARTS) {
    const source = template[part];
    try {
      if (part === "subject" && /[\r\n\u2028\u2029]/.test(source)) throw new TemplateError("A subject must be one line.");
      parseTemplate(source);
      const rendered = part === "html" ? renderHtml(source, variables) : renderTemplate(source, variables);
      if (!rendered.trim()) throw new TemplateError("The template produced no text.");
      if (rendered.length > MAX_PART) throw new TemplateError("The result is too long (over 200,000 characters).");
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      problems[part] = `${NOTICE_PART_LABELS[part]}: ${error.message}`;
    }
  }
  return problems;
}
