// Search results in context: what matched (with the matched words marked), in which incident,
// when; each result opens where it matched (the entry in the incident room, the section).
import { Time } from "~/components/ui/time.tsx";
import { Link } from "@remix-run/react";
import { SEARCH_KIND_LABELS } from "~/modules/search/query.ts";
import type { SearchResult } from "~/modules/search/results.ts";
import type { SnippetSegment } from "~/modules/search/snippet.ts";

/** Matched words in <mark>; everything is text, so nothing in an entry can become markup. */
export function Snippet({ segments }: { segments: SnippetSegment[] }) {
  return (
    <p className="mt-1 text-sm leading-relaxed text-slate-800" data-testid="search-snippet">
      {segments.map((s, i) =>
        s.match ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 font-semibold text-slate-950">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}

const KIND_STYLE: Record<SearchResult["kind"], string> = {
  incident: "bg-red-50 text-red-900 ring-red-200",
  entry: "bg-sky-50 text-sky-900 ring-sky-200",
  postmortem: "bg-violet-50 text-violet-900 ring-violet-200",
};

export function SearchResultItem({ result }: { result: SearchResult; timeZone: string }) {
  return (
    <li className="border-b border-slate-200 px-4 py-3 last:border-0" data-testid="search-result" data-kind={result.kind}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
        <span className={`rounded px-1.5 py-0.5 font-semibold ring-1 ${KIND_STYLE[result.kind]}`}>{SEARCH_KIND_LABELS[result.kind]}</span>
        <span>
          <span className="font-mono text-slate-700">{result.incident.ref}</span> {result.incident.title}
        </span>
        <span aria-hidden="true">·</span>
        <Time at={result.at} format="d MMM yyyy HH:mm" />
      </div>
      {/* A document navigation: the browser scrolls to #entry-12 and sets :target, which a
          client-side (pushState) navigation would not, so the room highlights the entry. */}
      <Link to={result.link} reloadDocument className="mt-1 block font-medium">
        {result.title}
      </Link>
      {result.snippet.length ? <Snippet segments={result.snippet} /> : null}
    </li>
  );
}

export function SearchResultList({ results, timeZone }: { results: SearchResult[]; timeZone: string }) {
  return (
    <ol className="rounded-lg border border-slate-300 bg-white" aria-label="Search results">
      {results.map((r) => (
        <SearchResultItem key={r.link} result={r} timeZone={timeZone} />
      ))}
    </ol>
  );
}
