// An update's body as the public page shows it. Plain text: a blank line starts a paragraph, a
// line break stays a line break, and http(s) URLs become links. The root-cause report is rich
// text (update-text.ts), drawn by the same component as the post-mortem (rich-text.tsx) with only
// http, https and mailto links. Everything is text that React escapes, so a body can never
// inject markup or a script.
import { Fragment, type ReactNode } from "react";
import { RichText } from "~/components/rich-text.tsx";
import { isRichUpdate, reportDoc } from "~/modules/status-page/update-text.ts";
import { SAFE_LINK } from "~/modules/timeline/document.ts";

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+/gi;
// Punctuation that ends a sentence rather than the URL ("see https://x.test/a.").
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function linkify(line: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_IN_TEXT)) {
    const start = match.index ?? 0;
    const url = match[0].replace(TRAILING_PUNCTUATION, "");
    const href = safeHref(url);
    if (!href) continue;
    if (start > last) out.push(line.slice(last, start));
    out.push(
      <a key={start} href={href} rel="nofollow noopener">
        {url}
      </a>,
    );
    last = start + url.length;
  }
  if (last < line.length) out.push(line.slice(last));
  return out;
}

export function bodyParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** `status`: the update's, so that a root-cause report is drawn as the document it is. */
export function UpdateBody({ body, status, className = "" }: { body: string; status?: string; className?: string }) {
  if (status && isRichUpdate(status)) {
    return <RichText doc={reportDoc(body)} safeHref={SAFE_LINK} prose="report-prose" className={`[overflow-wrap:anywhere] ${className}`} />;
  }
  return (
    <div className={`space-y-2 [overflow-wrap:anywhere] ${className}`}>
      {bodyParagraphs(body).map((paragraph, i) => (
        <p key={i}>
          {paragraph.split("\n").map((line, j) => (
            <Fragment key={j}>
              {j > 0 && <br />}
              {linkify(line)}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}
