// A snippet of matched text as segments, so the page highlights matches with <mark> and never
// injects HTML. The databases mark matches with two control characters (FTS5's snippet(),
// Postgres's ts_headline), which this turns into segments.

export type SnippetSegment = { text: string; match: boolean };

/**
 * Start and end of text (STX, ETX): nothing a person types means anything by them. (ts_headline
 * drops private-use characters from its options, so those cannot be used.)
 */
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";
export const ELLIPSIS = "…";

/**
 * Splits marked text into plain and matched segments. Whitespace runs become one space;
 * adjacent segments of the same kind merge; markers out of place are dropped, never shown.
 */
export function segmentsOf(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  const push = (text: string, marked: boolean) => {
    if (!text) return;
    // A highlighted run of spaces reads as nothing highlighted.
    const match = marked && text.trim() !== "";
    const last = segments[segments.length - 1];
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  let inMatch = false;
  let current = "";
  for (const char of marked.replace(/\s+/g, " ")) {
    if (char !== MATCH_START && char !== MATCH_END) {
      current += char;
      continue;
    }
    push(current, inMatch);
    current = "";
    inMatch = char === MATCH_START;
  }
  push(current, inMatch);
  // "rollback" "blocked" marked one by one (Postgres) reads as the phrase FTS5 marks whole.
  for (let i = segments.length - 2; i > 0; i--) {
    if (!segments[i]!.match && segments[i]!.text === " " && segments[i - 1]!.match && segments[i + 1]!.match) {
      segments.splice(i - 1, 3, { text: `${segments[i - 1]!.text} ${segments[i + 1]!.text}`, match: true });
      i--;
    }
  }
  if (segments.length) {
    segments[0]!.text = segments[0]!.text.trimStart();
    segments[segments.length - 1]!.text = segments[segments.length - 1]!.text.trimEnd();
  }
  return segments.filter((s) => s.text);
}

/** The first `words` words of a text as one plain segment: the snippet of a row the index matched elsewhere. */
export function leadingSegments(text: string, words = 30): SnippetSegment[] {
  const all = text.replace(/\s+/g, " ").trim().split(" ");
  const head = all.slice(0, words).join(" ");
  return head ? [{ text: all.length > words ? `${head} ${ELLIPSIS}` : head, match: false }] : [];
}

/** The snippet as plain text (for a title attribute, a log line, a test). */
export function snippetText(segments: SnippetSegment[]): string {
  return segments.map((s) => s.text).join("");
}
