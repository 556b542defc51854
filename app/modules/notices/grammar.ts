// English for customer text: lists joined with "and", a verb or noun that agrees with its
// count, "a" or "an" by how a word sounds, sentence case, durations as people write them, and
// the one mapping from impact data to words. Templates reach these as liquid filters
// (grammar-filters.ts); the post-mortem and the notices call them directly. Pure: no I/O.
import type { ComponentImpactName } from "~/modules/incidents/lifecycle.ts";

const listFormat = new Intl.ListFormat("en", { style: "long", type: "conjunction" });

/** "API", "API and Web app", "API, Web app, and Batch" (empty for none). */
export function listInWords(items: readonly string[]): string {
  return listFormat.format(items.filter((item) => item !== ""));
}

/** How many things a template means: a list's length, a number, or a number written as text. */
export function countOf(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  throw new Error("plural needs a list or a number, such as components or components.size");
}

const pluralRules = new Intl.PluralRules("en");

/** The singular form for exactly one, the plural for none or several ("are" after "API and Web app"). */
export function byCount(value: unknown, singular: string, plural: string): string {
  return pluralRules.select(countOf(value)) === "one" ? singular : plural;
}

// Words whose first letter is a vowel but whose first sound is not, and the reverse.
const SOUNDS_LIKE_YOU = /^(?:uni(?!n[^aeiou]|mp|dent)|u[^aeiounr][aeiou]|ur[aeiou]|ukr|unanim|eu|ewe|one(?![rt])|once)/;
const UN_PREFIX = /^un(?!i|anim)/;
const SILENT_H = /^(?:hour|honest|hono(?:u)?r|heir)/;
/** Capital letters read as a word, not letter by letter ("a NASA", "a SEV1"). */
const SPOKEN_ACRONYMS = new Set([
  "NASA",
  "NATO",
  "SEV",
  "SCSI",
  "LAN",
  "WAN",
  "RAM",
  "ROM",
  "GIF",
  "SAML",
  "SOAP",
  "REST",
  "SIM",
  "FIFO",
  "LIFO",
  "SAN",
  "NAS",
  "SIEM",
  "RAID",
  "NIC",
  "SOC",
  "WAF",
  "FOSS",
]);
/** Letters whose names begin with a vowel sound: "an F", "an SLA", "an HTTP". */
const VOWEL_LETTER_NAMES = /^[aefhilmnorsx]/i;

/** Numbers read aloud: "an 8", "an 11", "an 18,000", "a 100". */
function numberTakesAn(digits: string): boolean {
  const plain = digits.replace(/[,_]/g, "").match(/^\d+/)?.[0] ?? "";
  if (plain.startsWith("8")) return true;
  return (plain.startsWith("11") || plain.startsWith("18")) && plain.length % 3 === 2;
}

/** "a" or "an" before `phrase`, by the sound of its first word. */
export function articleFor(phrase: string): "a" | "an" {
  const word =
    phrase
      .trim()
      .replace(/^[^\p{L}\p{N}]+/u, "")
      .split(/[\s/]/)[0] ?? "";
  if (!word) return "a";
  if (/^\d/.test(word)) return numberTakesAn(word) ? "an" : "a";
  const letters = word.match(/^\p{L}+/u)?.[0] ?? "";
  // a single letter ("X-ray", "F-score") and capitals ("API", "SLA") are read letter by letter
  const spelledOut =
    letters.length === 1
      ? /^\p{L}(?:[-.]|$)/u.test(word)
      : letters.length > 1 && letters === letters.toUpperCase() && !SPOKEN_ACRONYMS.has(letters);
  if (spelledOut) return VOWEL_LETTER_NAMES.test(letters) ? "an" : "a";
  const lower = word.toLowerCase();
  if (SILENT_H.test(lower)) return "an";
  if (UN_PREFIX.test(lower)) return "an";
  if (SOUNDS_LIKE_YOU.test(lower)) return "a";
  return /^[aeiou]/.test(lower) ? "an" : "a";
}

/** "an hour", "a unique", "an API", "a European", "an SLA". */
export function withArticle(phrase: string): string {
  const text = phrase.trim();
  return text ? `${articleFor(text)} ${text}` : "";
}

/**
 * The first letter in upper case, as a sentence starts: "Some of our services…". A first word
 * already written in mixed case ("iOS app", "eBay") is a name and stays as it is.
 */
export function sentenceCase(text: string): string {
  const match = text.match(/^([^\p{L}\p{N}]*)(\p{L})(\S*)/u);
  if (!match) return text;
  const [whole, lead, first, rest] = match;
  if (first === first.toUpperCase() || /\p{Lu}/u.test(rest)) return text;
  return `${lead}${first.toUpperCase()}${rest}${text.slice(whole.length)}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function unit(count: number, one: string, many: string, alone: boolean): string {
  if (count === 1) return alone ? `${one === "hour" ? "an" : "a"} ${one}` : `1 ${one}`;
  return `${count} ${many}`;
}

/**
 * A duration as people write it: "less than a minute", "about 45 minutes", "about an hour",
 * "about 5 hours 30 minutes", "about 2 days 4 hours". Rounded to the minute below an hour, to
 * 5 minutes below 10 hours, to the hour below 2 days, then to the hour with days; "about"
 * only when rounding changed the figure.
 */
export function durationInWords(ms: number): string {
  const exact = Math.max(0, Math.round(ms / 1000) * 1000);
  if (exact < MINUTE) return "less than a minute";
  const step = exact < HOUR ? MINUTE : exact < 10 * HOUR ? 5 * MINUTE : HOUR;
  const rounded = Math.round(exact / step) * step;
  const days = rounded >= 2 * DAY ? Math.floor(rounded / DAY) : 0;
  const hours = Math.floor((rounded - days * DAY) / HOUR);
  const minutes = Math.round((rounded - days * DAY - hours * HOUR) / MINUTE);
  const parts = [
    days ? unit(days, "day", "days", !hours) : "",
    hours ? unit(hours, "hour", "hours", !days && !minutes) : "",
    minutes ? unit(minutes, "minute", "minutes", !days && !hours) : "",
  ].filter(Boolean);
  return `${rounded === exact ? "" : "about "}${parts.join(" ")}`;
}

/** The words for each impact, with the article it takes: the one mapping from data to text. */
export const IMPACT_PHRASES: Record<ComponentImpactName, string> = {
  major_outage: "a major outage",
  partial_outage: "a partial outage",
  degraded_performance: "degraded performance",
};

/** Worst first. */
export const IMPACTS_WORST_FIRST: readonly ComponentImpactName[] = ["major_outage", "partial_outage", "degraded_performance"];

/**
 * What customers see, each component with its own impact: "a major outage of API and degraded
 * performance of Web app". Components with the same impact are named together, worst first.
 */
export function impactInWords(components: readonly { name: string; impact: ComponentImpactName }[]): string {
  const groups = IMPACTS_WORST_FIRST.map((impact) => ({
    impact,
    names: components.filter((c) => c.impact === impact).map((c) => c.name),
  })).filter((g) => g.names.length > 0);
  const phrases = groups.map((g) => `${IMPACT_PHRASES[g.impact]} of ${listInWords(g.names)}`);
  // "a major outage of A and B, and degraded performance of C": the comma keeps the two "and"s apart
  if (phrases.length === 2 && groups.some((g) => g.names.length > 1)) return `${phrases[0]}, and ${phrases[1]}`;
  return listInWords(phrases);
}
