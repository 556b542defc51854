// Renders a notice's three parts. Text and subject are plain; HTML escapes every output (the
// liquid engine's outputEscape), so customer text stays text. A subject is one line: line
// breaks are removed so no header can be injected, and it is capped at 200 characters.
import { Liquid } from "liquidjs";
import { renderTemplate, TemplateError } from "./templates.ts";
import type { NoticeTemplate, NoticeVariables } from "./notice-templates.ts";

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

export function renderNotice(template: NoticeTemplate, variables: NoticeVariables): RenderedNotice {
  const subject = oneLine(renderTemplate(template.subject, variables));
  const text = renderTemplate(template.text, variables);
  let html: string;
  try {
    html = htmlEngine.parseAndRenderSync(template.html, variables) as string;
  } catch (error) {
    throw new TemplateError(`The HTML part cannot be filled: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
  }
  if (text.length > MAX_PART || html.length > MAX_PART) throw new TemplateError("The notice is too long (over 200,000 characters).");
  return { subject, text, html };
}
