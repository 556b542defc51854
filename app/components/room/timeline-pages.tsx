// The parts of the timeline the room does not hold yet: "Show earlier entries" above it, "Show
// later entries" below it (after opening the room on an old entry), and links to an entry outside
// the window (`#entry-12`), which reload the room around that entry.
import { Link } from "@remix-run/react";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { Button } from "~/components/ui/button.tsx";
import type { TimelineEntryView } from "~/modules/timeline/view.ts";
import { earliestSeq, entryToLoad, latestSeq, type TimelineWindowState } from "./timeline-window.ts";

/** Entries per page loaded on demand, as many as the room opens with. */
const PAGE_SIZE = 200;

type EarlierPage = { entries: TimelineEntryView[]; earlier: number };
type LaterPage = { entries: TimelineEntryView[]; later: number };

const entries = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "entry" : "entries"}`;

/** Runs before the browser paints, so the reader never sees the list jump (and not at all on the server). */
const useBeforePaint = typeof document === "undefined" ? useEffect : useLayoutEffect;

/** Reads a page from the timeline API; says what went wrong in words when it cannot. */
function usePageLoader<T>(onPage: (page: T) => void) {
  const [state, setState] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null });
  const load = async (url: string) => {
    setState({ loading: true, error: null });
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok)
        throw new Error(
          ((await response.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ??
            `HTTP ${response.status}`,
        );
      onPage((await response.json()) as T);
      setState({ loading: false, error: null });
    } catch (error) {
      setState({ loading: false, error: error instanceof TypeError ? "No connection" : (error as Error).message });
    }
  };
  return { ...state, load };
}

function PagerBar({
  children,
  label,
  loading,
  error,
  onClick,
  position,
}: {
  children: React.ReactNode;
  label: string;
  loading: boolean;
  error: string | null;
  onClick: () => void;
  position: "top" | "bottom";
}) {
  return (
    <div
      className={`flex flex-wrap items-center gap-2 bg-slate-50 px-3 py-2 text-sm text-slate-700 ${position === "top" ? "rounded-t-lg border-b" : "rounded-b-lg border-t"} border-slate-300`}
    >
      <span>{children}</span>
      {error ? <span className="text-red-700">Could not load them ({error}).</span> : null}
      <Button
        variant="secondary"
        className="ml-auto px-2 py-1 text-xs"
        disabled={loading}
        onClick={onClick}
        data-testid={position === "top" ? "show-earlier" : "show-later"}
      >
        {loading ? "Loading…" : error ? `Try again: ${label.toLowerCase()}` : label}
      </Button>
    </div>
  );
}

/**
 * "Show earlier entries": the page written before the earliest held. What the reader was looking
 * at stays where it was on the screen; the entries loaded go in above it.
 */
export function EarlierEntries({
  incidentId,
  timeline,
  onPage,
}: {
  incidentId: string;
  timeline: TimelineWindowState;
  onPage: (page: EarlierPage) => void;
}) {
  const kept = useRef<{ id: string; top: number } | null>(null);
  const [said, setSaid] = useState("");
  const pages = usePageLoader<EarlierPage>((page) => {
    const first = document.querySelector<HTMLElement>('[data-testid="timeline-entry"]');
    kept.current = first ? { id: first.id, top: first.getBoundingClientRect().top } : null;
    setSaid(`Loaded ${entries(page.entries.length)} written earlier.`);
    onPage(page);
  });
  useBeforePaint(() => {
    const k = kept.current;
    kept.current = null;
    const element = k && document.getElementById(k.id);
    if (k && element) window.scrollBy(0, element.getBoundingClientRect().top - k.top);
  }, [timeline.entries]);
  return (
    <>
      <p className="sr-only" role="status" aria-live="polite">
        {said}
      </p>
      {timeline.earlier > 0 ? (
        <PagerBar
          position="top"
          label="Show earlier entries"
          loading={pages.loading}
          error={pages.error}
          onClick={() => void pages.load(`/api/v1/incidents/${incidentId}/timeline?before=${earliestSeq(timeline)}&limit=${PAGE_SIZE}`)}
        >
          {`${entries(timeline.earlier)} written earlier, not shown`}
        </PagerBar>
      ) : null}
    </>
  );
}

/** "Show later entries", when the room was opened on an old entry: the next page, and a way to the newest. */
export function LaterEntries({
  incidentId,
  timeline,
  onPage,
}: {
  incidentId: string;
  timeline: TimelineWindowState;
  onPage: (page: LaterPage) => void;
}) {
  const pages = usePageLoader<LaterPage>(onPage);
  if (timeline.later === 0) return null;
  return (
    <PagerBar
      position="bottom"
      label="Show later entries"
      loading={pages.loading}
      error={pages.error}
      onClick={() => void pages.load(`/api/v1/incidents/${incidentId}/timeline?after=${latestSeq(timeline)}&limit=${PAGE_SIZE}`)}
    >
      {`${entries(timeline.later)} written later, not shown · `}
      <Link to={`/incidents/${incidentId}`} className="font-medium">
        Go to the newest
      </Link>
    </PagerBar>
  );
}

/**
 * A link to an entry the room does not hold (`#entry-12`, as post-mortems and search write them)
 * opens the room around it: a document load of `?entry=12#entry-12`, so the server reads that
 * window and the browser scrolls to the entry and marks it (:target) as for any other.
 * The entry the room was opened on (`?entry=` without the hash) is scrolled to and marked too.
 */
export function useEntryLinks(anchorSeq: number | null) {
  useEffect(() => {
    const openAround = () => {
      const seq = entryToLoad(window.location.hash, window.location.search, (s) => document.getElementById(`entry-${s}`) !== null);
      if (seq !== null) window.location.replace(`${window.location.pathname}?entry=${seq}#entry-${seq}`);
    };
    openAround();
    window.addEventListener("hashchange", openAround);
    return () => window.removeEventListener("hashchange", openAround);
  }, []);
  useEffect(() => {
    if (anchorSeq !== null && window.location.hash !== `#entry-${anchorSeq}`)
      document.getElementById(`entry-${anchorSeq}`)?.scrollIntoView({ block: "center" });
  }, [anchorSeq]);
}
