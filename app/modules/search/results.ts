// One search result, whichever database found it: what it is, in which incident, where it
// opens, when it happened, and the matched text. Pure: the *.server.ts files fetch the rows.
import { sectionDefinition } from "~/modules/postmortems/sections.ts";
import { kindFromDb } from "~/modules/timeline/view.ts";
import { entryHref } from "~/utils/incident-links.ts";
import type { SearchKind } from "./query.ts";
import { leadingSegments, segmentsOf, type SnippetSegment } from "./snippet.ts";

export type SearchResult = {
  kind: SearchKind;
  incident: { ref: string; title: string };
  /** What matched, in the reader's words: the incident's title, "Observation #12", "Post-mortem: Root cause and trigger". */
  title: string;
  /** Opens the match in context: the incident, the entry in the incident room, the post-mortem section. */
  link: string;
  /** When it happened: the incident's start, the entry's time, the section's last edit. ISO 8601. */
  at: string;
  snippet: SnippetSegment[];
};

export type SearchPage = { results: SearchResult[]; nextCursor: string | null };

/** A ranked match: which row of which kind (a rowid on SQLite, an id on Postgres). */
export type SearchHit = { kind: SearchKind; key: string | number | bigint; score: number };

type IncidentFields = { number: number | bigint; incidentTitle: string; at: Date | string | number; snippet: string | null };
export type IncidentRow = IncidentFields & { key: string | number | bigint; text?: string };
export type EntryRow = IncidentFields & { key: string | number | bigint; seq: number | bigint; entryKind: string; text: string };
export type SectionRow = IncidentFields & { key: string | number | bigint; postmortemId: string; sectionKey: string; text: string };

const ref = (number: number | bigint) => `INC-${Number(number)}`;

/** Prisma gives SQLite's DateTime as ISO text (or milliseconds) and Postgres's as a Date. */
export function isoTime(value: Date | string | number): string {
  return new Date(typeof value === "bigint" ? Number(value) : value).toISOString();
}

/** The database's marked snippet as segments; the row's leading words when the match was elsewhere. */
function snippetOf(marked: string | null, fallback: string): SnippetSegment[] {
  const segments = marked ? segmentsOf(marked) : [];
  return segments.some((s) => s.match) || !fallback ? segments : leadingSegments(fallback);
}

const capitalised = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1).replace("-", " ");

export function incidentResult(row: IncidentRow): SearchResult {
  return {
    kind: "incident",
    incident: { ref: ref(row.number), title: row.incidentTitle },
    title: row.incidentTitle,
    link: `/incidents/${ref(row.number)}`,
    at: isoTime(row.at),
    snippet: snippetOf(row.snippet, row.incidentTitle),
  };
}

export function entryResult(row: EntryRow): SearchResult {
  const seq = Number(row.seq);
  return {
    kind: "entry",
    incident: { ref: ref(row.number), title: row.incidentTitle },
    title: `${capitalised(kindFromDb(row.entryKind))} #${seq}`,
    link: entryHref(ref(row.number), seq),
    at: isoTime(row.at),
    snippet: snippetOf(row.snippet, row.text),
  };
}

export function sectionResult(row: SectionRow): SearchResult {
  return {
    kind: "postmortem",
    incident: { ref: ref(row.number), title: row.incidentTitle },
    title: `Post-mortem: ${sectionDefinition(row.sectionKey)?.title ?? row.sectionKey}`,
    link: `/postmortems/${row.postmortemId}#section-${row.sectionKey}`,
    at: isoTime(row.at),
    snippet: snippetOf(row.snippet, row.text),
  };
}

/** The page's results in ranked order: each hit with the row fetched for it (a row gone since is skipped). */
export function inRankOrder(hits: SearchHit[], rows: Map<string, SearchResult>): SearchResult[] {
  return hits.flatMap((hit) => rows.get(`${hit.kind}:${String(hit.key)}`) ?? []);
}

export const rowKey = (kind: SearchKind, key: string | number | bigint) => `${kind}:${String(key)}`;
