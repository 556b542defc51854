// What a person types in the search box, parsed into words and "quoted phrases" (and -excluded
// ones), then written out for each database's full-text syntax. Nothing the user typed reaches
// FTS5 or websearch_to_tsquery unquoted, so `"`, `*`, `NEAR(`, `-` or `:` are only text.
// docs/decisions/0017-search.md explains what is matched.
import { z } from "zod";

export const SEARCH_KINDS = ["incident", "entry", "postmortem"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  incident: "Incident",
  entry: "Timeline entry",
  postmortem: "Post-mortem",
};

export const SEARCH_KIND_PLURALS: Record<SearchKind, string> = {
  incident: "Incidents",
  entry: "Timeline entries",
  postmortem: "Post-mortems",
};

export const MAX_QUERY_LENGTH = 200;
/** Results are ranked; paging stops this deep (a search this vague needs more words, not more pages). */
export const MAX_RESULTS = 500;
/**
 * Timeline entries matching a search are ranked among this many of them, the most recently
 * written: a word in 50,000 entries costs what one in 50 does, and recent incidents come first.
 */
export const RECENT_ENTRIES_RANKED = 1000;
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 50;

export const SearchTextSchema = z
  .string({ message: "type something to search for" })
  .trim()
  .min(1, "type something to search for")
  .max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`);

const KindsSchema = z
  .string()
  .max(100)
  .transform((value, ctx) => {
    const kinds = [
      ...new Set(
        value
          .split(",")
          .map((k) => k.trim())
          .filter(Boolean),
      ),
    ];
    const unknown = kinds.find((k) => !(SEARCH_KINDS as readonly string[]).includes(k));
    if (unknown) {
      ctx.addIssue({ code: "custom", message: `must be a comma-separated list of ${SEARCH_KINDS.join(", ")}` });
      return z.NEVER;
    }
    return kinds.length ? (kinds as SearchKind[]) : [...SEARCH_KINDS];
  });

/** The query string of `GET /api/v1/search` and of the `/search` page. */
export const SearchParamsSchema = z.object({
  q: SearchTextSchema,
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
  cursor: z.string().max(40).optional(),
  kinds: KindsSchema.optional(),
});
export type SearchParams = z.output<typeof SearchParamsSchema>;

export type SearchTerm = { text: string; phrase: boolean; exclude: boolean };

/** Letters or digits: what a full-text tokenizer keeps. A term without any matches nothing. */
const SEARCHABLE = /[\p{L}\p{N}]/u;
const TERM = /(-?)"([^"]*)"?|(-?)([^\s"]+)/gu;

/**
 * Words and "quoted phrases", in order; `-word` or `-"a phrase"` excludes. An unclosed quote
 * runs to the end. Punctuation-only terms are dropped; exclusions alone search for nothing.
 */
export function parseSearchQuery(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const m of input.normalize("NFC").matchAll(TERM)) {
    const phrase = m[2] !== undefined;
    const exclude = (phrase ? m[1] : m[3]) === "-";
    const text = (phrase ? m[2]! : m[4]!).replace(/\s+/g, " ").trim();
    if (!SEARCHABLE.test(text)) continue;
    terms.push({ text, phrase: phrase && /\s/.test(text), exclude });
  }
  return terms.some((t) => !t.exclude) ? terms : [];
}

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

/**
 * The included terms in the order typed, as one phrase (null for a single term): a match that
 * has them together, as typed, ranks above one that has them apart.
 */
export function typedPhrase(terms: SearchTerm[]): string | null {
  const include = terms.filter((t) => !t.exclude);
  return include.length > 1 ? include.map((t) => t.text).join(" ") : null;
}

/**
 * An FTS5 MATCH expression: every included term must be present (a phrase as a phrase), none of
 * the excluded ones. Each term is an FTS5 string, so no operator or column filter can be typed.
 * `OR "the typed phrase"` finds nothing more (it implies the rest) but adds to bm25 where the
 * words stand together. Null when there is nothing to search for.
 */
export function toFts5Match(terms: SearchTerm[]): string | null {
  const include = terms.filter((t) => !t.exclude).map((t) => quoted(t.text));
  const exclude = terms.filter((t) => t.exclude).map((t) => quoted(t.text));
  if (!include.length) return null;
  const phrase = typedPhrase(terms);
  const all = include.length > 1 ? `((${include.join(" AND ")}) OR ${quoted(phrase!)})` : include[0]!;
  return exclude.length ? `${all} NOT (${exclude.join(" OR ")})` : all;
}

/**
 * The same search in websearch_to_tsquery's syntax: each term quoted (so `or` is a word, not an
 * operator), `-` before an excluded one. Null when there is nothing to search for.
 */
export function toWebsearch(terms: SearchTerm[]): string | null {
  if (!terms.some((t) => !t.exclude)) return null;
  // Terms never hold a quote (the parser splits on them), and websearch_to_tsquery has no escape for one.
  return terms.map((t) => `${t.exclude ? "-" : ""}"${t.text}"`).join(" ");
}

/** The typed phrase for websearch_to_tsquery, ranking matches that have it first; the search itself when there is none. */
export function toWebsearchPhrase(terms: SearchTerm[]): string | null {
  const phrase = typedPhrase(terms);
  return phrase ? `"${phrase}"` : toWebsearch(terms);
}

/** The cursor of the next page: an offset into the ranked results, opaque to clients. */
export function encodeCursor(offset: number): string {
  return btoa(`o:${offset}`).replace(/=+$/, "");
}

/** The offset in a cursor from encodeCursor, or null when it is not one. */
export function decodeCursor(cursor: string): number | null {
  let text: string;
  try {
    text = atob(cursor);
  } catch {
    return null;
  }
  const m = /^o:(\d{1,4})$/.exec(text);
  const offset = m ? Number(m[1]) : NaN;
  return Number.isInteger(offset) && offset > 0 && offset < MAX_RESULTS ? offset : null;
}
