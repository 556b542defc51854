// The sections of the post-mortem in order, each with its title and text. One nobody has
// written yet says so while the post-mortem is a draft (sectionsToRead leaves it out once
// published).
import type { SectionToRead } from "~/modules/postmortems/reading.ts";
import { NOT_WRITTEN } from "~/modules/postmortems/reading.ts";
import { PostmortemRichText } from "./postmortem-rich-text.tsx";

export function ReadingSections({ sections }: { sections: SectionToRead[] }) {
  return (
    <>
      {sections.map((s) => (
        <section key={s.key} aria-labelledby={`section-${s.key}`} className="mb-8" data-testid="postmortem-section">
          <h2 id={`section-${s.key}`} className="pm-h2 mb-2 text-xl font-semibold">
            {s.title}
          </h2>
          {s.notWritten ? <p className="mb-2 italic text-slate-600">{NOT_WRITTEN}</p> : null}
          {!s.notWritten || s.hasContent ? <PostmortemRichText doc={s.doc} className="text-slate-900" /> : null}
        </section>
      ))}
    </>
  );
}
