// The grammar helpers as liquid filters, registered on every engine that writes customer text:
//   {{ components | list }}                  "API, Web app, and Batch"
//   {{ components | plural: "is", "are" }}   "are" (a list or a number: one is singular)
//   {{ "hour" | article }}                   "an hour"
//   {{ components_text | sentence }}         the first letter in upper case
//   {{ elapsed_seconds | duration }}         "about 5 hours 30 minutes"
import type { Liquid } from "liquidjs";
import { byCount, durationInWords, listInWords, sentenceCase, withArticle } from "./grammar.ts";

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

export function registerGrammarFilters(engine: Liquid): void {
  engine.registerFilter("list", (value: unknown) => (Array.isArray(value) ? listInWords(value.map(text)) : text(value)));
  engine.registerFilter("sentence", (value: unknown) => sentenceCase(text(value)));
  engine.registerFilter("article", (value: unknown) => withArticle(text(value)));
  engine.registerFilter("plural", (value: unknown, singular?: unknown, plural?: unknown) => {
    if (typeof singular !== "string" || typeof plural !== "string") throw new Error('plural needs two words, such as plural: "is", "are"');
    return byCount(value, singular, plural);
  });
  engine.registerFilter("duration", (value: unknown) => {
    const seconds = typeof value === "number" ? value : Number(text(value));
    if (text(value).trim() === "" || !Number.isFinite(seconds))
      throw new Error("duration needs a number of seconds, such as elapsed_seconds");
    return durationInWords(seconds * 1000);
  });
}
