// Renders a notice's three parts. Text and subject are plain; HTML escapes every output (the
// liquid engine's outputEscape), so customer text stays text, and an admin's own HTML is
// sanitized on top (sanitize-html.ts). A subject is one line: line breaks are removed so no
// header can be injected, and it is capped at 200 characters.
import { Liquid } from "liquidjs";
import { cachedParse, parseTemplate, RENDER_LIMIT_MS, renderTemplate, renderTemplateInSlices, TemplateError } from "./liquid.ts";
import { RenderClock, renderInSlices } from "./sliced-render.ts";
import { NOTICE_PART_LABELS, NOTICE_PARTS, type NoticePart, type NoticeTemplate, type NoticeVariables } from "./notice-defaults.ts";
import { registerGrammarFilters } from "./grammar-filters.ts";
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
  renderLimit: RENDER_LIMIT_MS,
  memoryLimit: 10_000_000,
});
registerGrammarFilters(htmlEngine);

export type RenderedNotice = { subject: string; text: string; html: string };

export function oneLine(value: string, max = 200): string {
  return value
    .replace(/[\r\n\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max);
}

function renderHtml(source: string, variables: NoticeVariables): string {
  try {
    return htmlEngine.renderSync(cachedParse(htmlEngine, source), variables) as string;
  } catch (error) {
    throw new TemplateError(`The HTML part cannot be filled: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
  }
}

/** `sanitizeHtml`: the HTML part is an admin's, not the shipped one. */
export function renderNotice(
  template: NoticeTemplate,
  variables: NoticeVariables,
  options: { sanitizeHtml?: boolean } = {},
): RenderedNotice {
  const subject = oneLine(renderTemplate(template.subject, variables));
  const text = renderTemplate(template.text, variables);
  const html = renderHtml(template.html, variables);
  if (text.length > MAX_PART || html.length > MAX_PART) throw new TemplateError("The notice is too long (over 200,000 characters).");
  return { subject, text, html: options.sanitizeHtml ? sanitizeHtml(html) : html };
}

async function renderHtmlInSlices(source: string, variables: NoticeVariables, clock: RenderClock): Promise<string> {
  try {
    return await renderInSlices(htmlEngine, cachedParse(htmlEngine, source), variables, clock);
  } catch (error) {
    throw new TemplateError(`The HTML part cannot be filled: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
  }
}

/**
 * As renderNotice, in slices: the server answers other requests while a heavy template renders
 * (sliced-render.ts). Each part has the per-render limit; `ms` is the time spent rendering.
 */
export async function renderNoticeInSlices(
  template: NoticeTemplate,
  variables: NoticeVariables,
  options: { sanitizeHtml?: boolean; limitMs?: number } = {},
): Promise<RenderedNotice & { ms: number }> {
  const clocks = NOTICE_PARTS.map(() => new RenderClock(options.limitMs ?? RENDER_LIMIT_MS));
  const subject = oneLine(await renderTemplateInSlices(template.subject, variables, clocks[0]));
  const text = await renderTemplateInSlices(template.text, variables, clocks[1]);
  const html = await renderHtmlInSlices(template.html, variables, clocks[2]);
  if (text.length > MAX_PART || html.length > MAX_PART) throw new TemplateError("The notice is too long (over 200,000 characters).");
  const ms = clocks.reduce((sum, clock) => sum + clock.elapsed(), 0);
  return { subject, text, html: options.sanitizeHtml ? sanitizeHtml(html) : html, ms };
}

/**
 * Why each part of an admin's notice cannot be used, filled with `variables` (real data):
 * liquid's reason, a subject over more than one line, an empty or oversized result. Rendered in
 * slices, as the delivery renders it, under the per-render limit (the delivery allows twice that:
 * a template accepted here does not fail there because the server is busier).
 */
export async function noticeTemplateProblems(
  template: NoticeTemplate,
  variables: NoticeVariables,
): Promise<Partial<Record<NoticePart, string>>> {
  const problems: Partial<Record<NoticePart, string>> = {};
  for (const part of NOTICE_PARTS) {
    const source = template[part];
    try {
      if (part === "subject" && /[\r\n\u2028\u2029]/.test(source)) throw new TemplateError("A subject must be one line.");
      parseTemplate(source);
      const clock = new RenderClock(RENDER_LIMIT_MS);
      const rendered =
        part === "html" ? await renderHtmlInSlices(source, variables, clock) : await renderTemplateInSlices(source, variables, clock);
      if (!rendered.trim()) throw new TemplateError("The template produced no text.");
      if (rendered.length > MAX_PART) throw new TemplateError("The result is too long (over 200,000 characters).");
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      problems[part] = `${NOTICE_PART_LABELS[part]}: ${error.message}`;
    }
  }
  return problems;
}
