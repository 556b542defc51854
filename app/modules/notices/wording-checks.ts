// A copy editor's checks on text customers read, as small pure functions: a sentence that
// starts in lower case, "a" or "an" before the wrong sound, a plural list with a singular verb
// (or the reverse), impact words that differ from the data, "working normally" beside a
// component listed as degraded, durations written like a stopwatch, and the blanks an empty
// variable leaves. The defaults' snapshot test runs them on every rendered template.
import type { ComponentImpactName } from "~/modules/incidents/lifecycle.ts";
import { articleFor, IMPACT_PHRASES } from "./grammar.ts";

export type WordingDefect = { rule: string; excerpt: string };

function around(text: string, index: number, length: number): string {
  return text
    .slice(Math.max(0, index - 30), index + length + 30)
    .replace(/\s+/g, " ")
    .trim();
}

/** Abbreviations a sentence does not end at ("e.g. the API"). */
const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|approx|incl|no)\.$/i;

/** A sentence (after ". ", "! ", "? ", a line start, a list marker or a heading) that starts in lower case. */
export function lowerCaseSentenceStarts(text: string): WordingDefect[] {
  const defects: WordingDefect[] = [];
  const starts = /(^|[.!?]["”’)]?\s+|\n\s*(?:[-*]\s+|#{1,6}\s+|\d+\.\s+)?(?:\*\*)?)(\p{Ll}\S*)/gu;
  for (const match of text.matchAll(starts)) {
    const [, lead, word] = match;
    const before = text.slice(0, match.index! + lead.length).trimEnd();
    if (/[.]$/.test(lead.trim()) && ABBREVIATION.test(before)) continue;
    // a name written in mixed case ("iOS"), an address or a path is not a sentence's first word
    if (/\p{Lu}/u.test(word) || /^(?:https?:|mailto:|www\.|\/)/.test(word)) continue;
    defects.push({ rule: "sentence starts in lower case", excerpt: around(text, match.index! + lead.length, word.length) });
  }
  return defects;
}

/** "a identified", "an major", "a API": the article that does not fit the next word's sound. */
export function wrongArticles(text: string): WordingDefect[] {
  const defects: WordingDefect[] = [];
  for (const match of text.matchAll(/(?<![\p{L}\p{N}'’-])(a|an|A|An)\s+(?:\*\*|\[|“|")?([\p{L}\p{N}][^\s,.;:!?)\]*]*)/gu)) {
    const [, article, word] = match;
    if (articleFor(word) !== article.toLowerCase()) {
      defects.push({ rule: `"${article}" before "${word}"`, excerpt: around(text, match.index!, match[0].length) });
    }
  }
  return defects;
}

const SINGULAR_VERBS = ["is", "was", "has", "remains", "continues", "seems", "appears", "does"];
const PLURAL_VERBS = ["are", "were", "have", "remain", "continue", "seem", "appear", "do"];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A subject followed by a verb that disagrees with it: "API and Web app is", "some of our services
 * is", "Web app are". `subjects` are the phrases the data makes (lists of names, fallbacks).
 */
export function verbDisagreements(text: string, subjects: readonly { text: string; plural: boolean }[]): WordingDefect[] {
  const defects: WordingDefect[] = [];
  for (const subject of subjects) {
    if (!subject.text) continue;
    const wrong = subject.plural ? SINGULAR_VERBS : PLURAL_VERBS;
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}]|\\band\\s+|,\\s*|\\s-\\s)${escape(subject.text)}\\s+(?:(?:still|now|also|all)\\s+)?(${wrong.join("|")})\\b`,
      "giu",
    );
    for (const match of text.matchAll(pattern)) {
      defects.push({
        rule: `${subject.plural ? "plural" : "singular"} "${subject.text}" with "${match[1]}"`,
        excerpt: around(text, match.index!, match[0].length),
      });
    }
  }
  return defects;
}

const IMPACT_WORDS: Record<ComponentImpactName, RegExp> = {
  major_outage: /major outage/i,
  partial_outage: /partial outage/i,
  degraded_performance: /degraded performance/i,
};

/**
 * Impact words that are not in the data: an impact no component had ("a major outage" for a
 * partial one), or a component named right after an impact it did not have ("a major outage of
 * API and Web app" when Web app was only degraded). `components` are the names customers see with
 * the impacts each had over the period the text speaks of.
 */
export function impactWordsDifferFromData(
  text: string,
  components: readonly { name: string; impacts: readonly ComponentImpactName[] }[],
): WordingDefect[] {
  const defects: WordingDefect[] = [];
  const byName = new Map<string, ComponentImpactName[]>();
  for (const c of components) byName.set(c.name, [...(byName.get(c.name) ?? []), ...c.impacts]);
  const had = new Set(components.flatMap((c) => c.impacts));
  for (const [impact, words] of Object.entries(IMPACT_WORDS) as [ComponentImpactName, RegExp][]) {
    const found = text.match(words);
    if (found && !had.has(impact))
      defects.push({ rule: `says "${found[0]}", which no component had`, excerpt: around(text, found.index!, found[0].length) });
  }
  // "<impact> of|affecting|for <names>" up to the next impact, sentence end or line end
  const phrase = new RegExp(
    `(${Object.values(IMPACT_PHRASES)
      .map((p) => escape(p.replace(/^a /, "")))
      .join("|")})\\s+(?:of|affecting|on|to)\\s+([^.;\\n]*)`,
    "gi",
  );
  for (const match of text.matchAll(phrase)) {
    const impact = (Object.keys(IMPACT_WORDS) as ComponentImpactName[]).find((i) => IMPACT_WORDS[i].test(match[1]))!;
    const span = match[2].split(/(?:,?\s+and\s+)?(?:a\s+)?(?:major outage|partial outage|degraded performance)/i)[0];
    for (const [name, impacts] of byName) {
      const named = new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}]| - )`, "u").test(span);
      if (named && !impacts.includes(impact)) {
        defects.push({ rule: `calls ${name}'s impact "${match[1]}"`, excerpt: around(text, match.index!, match[0].length) });
      }
    }
  }
  return defects;
}

const CLAIMS_NORMAL = /\b(?:operating|working|running) normally\b|\bfully operational\b|\bback to normal\b/i;

/** "Working normally again" in a notice that lists a component as still degraded or down. */
export function claimsNormalBesideImpact(text: string, listed: readonly { name: string; status: string }[]): WordingDefect[] {
  const claim = text.match(CLAIMS_NORMAL);
  const impacted = listed.filter((c) => c.status !== "operational");
  if (!claim || impacted.length === 0) return [];
  return [
    {
      rule: `says "${claim[0]}" beside ${impacted.map((c) => `${c.name}: ${c.status}`).join(", ")}`,
      excerpt: around(text, claim.index!, claim[0].length),
    },
  ];
}

/** "15m 28s", "2h 05m", "3d 4h": a stopwatch, not how people write how long something lasted. */
export function stopwatchDurations(text: string): WordingDefect[] {
  return [...text.matchAll(/\b\d+[dhm]\s\d+[hms]\b/g)].map((m) => ({
    rule: `duration written as "${m[0]}"`,
    excerpt: around(text, m.index!, m[0].length),
  }));
}

/** What an empty or missing variable leaves: "in .", "  ", "()", "the the", unrendered liquid. */
export function blanks(text: string): WordingDefect[] {
  const defects: WordingDefect[] = [];
  const rules: [RegExp, string][] = [
    [/\{\{|\{%|%\}|\}\}/g, "liquid left in the text"],
    [/[^\S\n]+[.,;:!?](?=\s|$)/g, "space before punctuation"],
    [/\S[^\S\n]{2,}\S/g, "two spaces in a row"],
    [/\(\s*\)/g, "empty brackets"],
    [/\b(\p{L}+)\s+\1\b/giu, "a word written twice"],
    [/\b(?:of|by|for|from|to|and|affecting|since|until)\s*[.,;:](?=\s|$)/g, "a sentence missing its last word"],
    [/\b(?:undefined|null|NaN|\[object Object\])\b/g, "a value written as code"],
  ];
  for (const [pattern, rule] of rules) {
    for (const match of text.matchAll(pattern)) defects.push({ rule, excerpt: around(text, match.index!, match[0].length) });
  }
  return defects;
}

/** What a text is checked against: the subjects its data makes, each component's impacts, what a notice lists. */
export type WordingData = {
  subjects: readonly { text: string; plural: boolean }[];
  components: readonly { name: string; impacts: readonly ComponentImpactName[] }[];
  /** the components a notice lists, with the status it gives each */
  listed?: readonly { name: string; status: string }[];
  /** customers read it: durations must read as people write them */
  forCustomers: boolean;
};

/** Every check at once, in one list. */
export function wordingDefects(text: string, data: WordingData): WordingDefect[] {
  return [
    ...lowerCaseSentenceStarts(text),
    ...wrongArticles(text),
    ...verbDisagreements(text, data.subjects),
    ...impactWordsDifferFromData(text, data.components),
    ...claimsNormalBesideImpact(text, data.listed ?? []),
    ...(data.forCustomers ? stopwatchDurations(text) : []),
    ...blanks(text),
  ];
}
