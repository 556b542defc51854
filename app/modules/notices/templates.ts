// Customer-facing text is written from templates: liquid (no code, no file access), filled
// with the incident's own data. A template that does not parse, or that names a variable
// the data does not have, is an error with a clear message: never a blank or half notice.
import { Liquid, type FS } from "liquidjs";

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

const engine = new Liquid({
  fs: NO_FILES,
  root: [],
  relativeReference: false,
  strictVariables: true,
  strictFilters: true,
  ownPropertyOnly: true,
  lenientIf: true,
  parseLimit: 100_000,
  renderLimit: 500,
  memoryLimit: 10_000_000,
});

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
  const tidy = text.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
  if (!tidy && !allowEmpty) throw new TemplateError("The template produced no text.");
  return tidy;
}
