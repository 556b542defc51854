// A section's generated part (decision 0042): what the incident's data says, with its links
// back, shown read-only above the writing area, and refreshed from the incident on request.
// Nothing here is in the live document, so nobody's typing can merge into it.
import { useFetcher } from "@remix-run/react";
import { RichText } from "~/components/rich-text.tsx";
import { Button } from "~/components/ui/button.tsx";
import { SAFE_HREF, type PmDoc } from "~/modules/postmortems/document.ts";
import { hasGeneratedText } from "~/modules/postmortems/parts.ts";
import type { SectionKey } from "~/modules/postmortems/sections.ts";
import { inUtc } from "~/utils/time.ts";

export type GeneratedSection = { key: SectionKey; title: string; source: string; generated: PmDoc | null; generatedAt: string | null };

export function GeneratedPart({
  postmortemId,
  section,
  canRefresh,
}: {
  postmortemId: string;
  section: GeneratedSection;
  canRefresh: boolean;
}) {
  const fetcher = useFetcher<{ errors?: Record<string, string> }>();
  const busy = fetcher.state !== "idle";
  const errors = fetcher.data?.errors;
  if (section.generated === null) {
    return (
      <p className="mt-2 text-xs text-slate-600" data-testid={`generated-${section.key}-legacy`}>
        Written before generated text was kept apart: all of this section, generated sentences included, is in the writing area.
      </p>
    );
  }
  const shown = hasGeneratedText(section.generated);
  // A section only people write (contributing factors, lessons) shows no empty generated box.
  if (!shown && (!canRefresh || section.source === "written")) return null;
  return (
    <div
      className="mt-3 rounded border border-dashed border-slate-300 bg-slate-50 px-3 py-2 text-sm"
      data-testid={`generated-${section.key}`}
      role="group"
      aria-label={`${section.title}: generated from the incident`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs font-semibold text-slate-600">
          From the incident{section.generatedAt ? `, ${inUtc(section.generatedAt)}` : ""} · read only
        </p>
        {canRefresh ? (
          <fetcher.Form method="post" action={`/postmortems/${postmortemId}/refresh`}>
            <input type="hidden" name="section" value={section.key} />
            <Button type="submit" variant="ghost" className="!px-2 !py-0.5 text-xs underline" disabled={busy}>
              {busy ? "Refreshing…" : "Refresh from the incident"}
            </Button>
          </fetcher.Form>
        ) : null}
      </div>
      {shown ? (
        <RichText doc={section.generated} safeHref={SAFE_HREF} className="mt-1 text-slate-800 [&_h3]:mt-2 [&_h3]:font-semibold" />
      ) : (
        <p className="mt-1 text-slate-600">The incident has nothing for this section yet.</p>
      )}
      {errors ? (
        <p role="alert" className="mt-1 text-red-800">
          {Object.values(errors).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
