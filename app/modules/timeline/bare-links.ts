// Bare URLs in an entry's text become links: "https://…" or "http://…" with a host, never any
// other scheme. Punctuation that ends a sentence (". , ; : ! ? ' \"") and a closing bracket that
// does not close one opened inside the URL stay outside the link. Pure: the caller renders every
// part as a React text node (decision 0039), so nothing here is ever HTML.
export type TextPart = { text: string; href?: string };

// Not preceded by a letter, digit or "/" (so "xhttps://" and "javascript://https://" stay text).
const BARE_URL = /(?<![\p{L}\p{N}_/:.+-])https?:\/\/[^\s<>"'`\\/?#]+[^\s<>"`\\]*/giu;
const TRAILING = /[.,;:!?'"]$/;

function trimEnd(url: string): string {
  const open = { ")": count(url, "("), "]": count(url, "[") };
  const close = { ")": count(url, ")"), "]": count(url, "]") };
  let end = url.length;
  for (;;) {
    const last = url[end - 1]!;
    if (TRAILING.test(last)) end--;
    else if ((last === ")" || last === "]") && open[last] < close[last]) {
      close[last]--;
      end--;
    } else return url.slice(0, end);
  }
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}

/** The text cut into plain runs and links; joining every part's text gives the text back. */
export function splitBareLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let from = 0;
  for (const match of text.matchAll(BARE_URL)) {
    const url = trimEnd(match[0]);
    if (!/^https?:\/\/[^\s/?#.][^\s/?#]*/i.test(url)) continue;
    if (match.index > from) parts.push({ text: text.slice(from, match.index) });
    parts.push({ text: url, href: url });
    from = match.index + url.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from) });
  return parts;
}
