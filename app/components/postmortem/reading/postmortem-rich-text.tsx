// A post-mortem section as the reader sees it: the one rich-text renderer, with headings and
// links into the app (SAFE_HREF) allowed, in the post-mortem's reading style.
import { RichText } from "~/components/rich-text.tsx";
import { SAFE_HREF, type PmDoc } from "~/modules/postmortems/document.ts";

export function PostmortemRichText({ doc, className = "" }: { doc: PmDoc; className?: string }) {
  return <RichText doc={doc} className={className} safeHref={SAFE_HREF} prose="pm-prose" />;
}
