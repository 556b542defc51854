// Customer-facing text is written from templates: liquid (no code, no file access), filled
// with the incident's own data. A template that does not parse, or that names a variable
// the data does not have, is an error with a clear message: never a blank or half notice.
import { Liquid, type FS } from "liquidjs";
import { registerGrammarFilters } from "./grammar-filters.ts";
import { RenderClock, renderInSlices } from "./sliced-render.ts";

/** Templates cannot read files: `include` and `render` find nothing. */
const NO_FILES: FS = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async (file) => {
    throw new Error(`Templates cannot include files (${file}).`);
  },
  readFileSync: (file) => {
    throw new Error(`Templates cannot include files (${file}).`);
  },
  resolve: (_dir, file) => file,
};

/** The per-render limit of every engine here, in ms (liquid's own, and the sliced renderer's). */
export const RENDER_LIMIT_MS = 500;

const engine = new Liquid({
  fs: NO_FILES,
  root: [],
  relativeReference: false,
  strictVariables: true,
  strictFilters: true,
  ownPropertyOnly: true,
  lenientIf: true,
  parseLimit: 100_000,
  renderLimit: RENDER_LIMIT_MS,
  memoryLimit: 10_000_000,
});
registerGrammarFilters(engine);

export const MAX_TEMPLATE_LENGTH = 20_000;

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TemplateError";
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // liquidjs appends the template excerpt after the first line; keep the reason and the line.
  return message.split("\n")[0].replace(/, file:.*$/, "");
}

const PARSED_KEPT = 200;
const parsed = new Map<string, ReturnType<Liquid["parse"]>>();

/** Keeps the last parsed templates: a batch of 100 notices renders the same three sources. */
export function cachedParse(engineToUse: Liquid, source: string): ReturnType<Liquid["parse"]> {
  const key = `${engineToUse === engine ? "t" : "h"}\u0000${source}`;
  const hit = parsed.get(key);
  if (hit) return hit;
  const template = engineToUse.parse(source);
  if (parsed.size >= PARSED_KEPT) parsed.delete(parsed.keys().next().value!);
  parsed.set(key, template);
  return template;
}

/** Parses a template; a syntax error becomes a TemplateError with liquid's reason and line. */
export function parseTemplate(source: string) {
  if (source.length > MAX_TEMPLATE_LENGTH) throw new TemplateError(`A template may be at most ${MAX_TEMPLATE_LENGTH} characters.`);
  try {
    return cachedParse(engine, source);
  } catch (error) {
    throw new TemplateError(`The template does not parse: ${describe(error)}`);
  }
}

/** What liquid's output becomes: trailing blanks and runs of empty lines go; empty is an error unless allowed. */
function tidied(text: string, allowEmpty: boolean): string {
  const tidy = text
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (!tidy && !allowEmpty) throw new TemplateError("The template produced no text.");
  return tidy;
}

/**
 * Renders with the given variables; an unknown variable or filter is a TemplateError, and so
 * is empty output unless `allowEmpty` (a post-mortem section may start empty).
 */
export function renderTemplate(source: string, variables: Record<string, unknown>, { allowEmpty = false } = {}): string {
  const template = parseTemplate(source);
  let text: string;
  try {
    text = engine.renderSync(template, variables) as string;
  } catch (error) {
    throw new TemplateError(`The template cannot be filled: ${describe(error)}`);
  }
  return tidied(text, allowEmpty);
}

/** As renderTemplate, in slices that let the server answer others meanwhile (sliced-render.ts). */
export async function renderTemplateInSlices(
  source: string,
  variables: Record<string, unknown>,
  clock = new RenderClock(RENDER_LIMIT_MS),
): Promise<string> {
  const template = parseTemplate(source);
  let text: string;
  try {
    text = await renderInSlices(engine, template, variables, clock);
  } catch (error) {
    throw new TemplateError(`The template cannot be filled: ${describe(error)}`);
  }
  return tidied(text, false);
}
