// The review side of a post-mortem: where it stands, the problems lint finds while people
// write (errors block approval, warnings do not), who wrote it, the moves this person may make
// now (approving is blocked, with the reason, for whoever wrote any of it), and the change log.
// Problems refresh every few seconds without a reload.
import { useFetcher, useRevalidator } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { Button } from "~/components/ui/button.tsx";
import type { LintProblem } from "~/modules/postmortems/lint.ts";
import type { ReviewButton } from "~/modules/postmortems/review.ts";
import { POSTMORTEM_STATE_LABELS, sectionDefinition, type PostmortemStateName } from "~/modules/postmortems/sections.ts";
import { inUtc } from "~/utils/time.ts";

export type ReviewPanelData = {
  state: PostmortemStateName;
  problems: LintProblem[];
  actions: ReviewButton[];
  /** "Written by A, edited by B": who may not approve it */
  writtenBy: string;
  changes: {
    id: string;
    action: string;
    note: string;
    at: string;
    actor: { id: string; name: string } | null;
    toState: PostmortemStateName;
  }[];
};

const REFRESH_MS = 4_000;

function where(problem: LintProblem): string {
  if (problem.section === "action_items") return "Action items";
  if (problem.section === "milestones") return "Milestones";
  return sectionDefinition(problem.section)?.title ?? problem.section;
}

function Problems({ problems }: { problems: LintProblem[] }) {
  if (!problems.length) return <p className="text-sm text-green-800">No problems found.</p>;
  const ordered = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return (
    <ul className="space-y-1.5 text-sm" data-testid="lint-problems">
      {ordered.map((p, i) => (
        <li
          key={`${p.rule}-${p.section}-${p.actionItemId ?? ""}-${i}`}
          data-rule={p.rule}
          data-severity={p.severity}
          className="flex gap-2"
        >
          <span
            className={`mt-0.5 shrink-0 self-start rounded px-1.5 text-xs font-semibold ${p.severity === "error" ? "bg-red-100 text-red-900 ring-1 ring-red-300" : "bg-amber-100 text-amber-950 ring-1 ring-amber-300"}`}
          >
            {p.severity === "error" ? "Error" : "Warning"}
          </span>
          <span>
            <span className="font-medium">{where(p)}: </span>
            {p.message}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Move({ postmortemId, button }: { postmortemId: string; button: ReviewButton }) {
  const fetcher = useFetcher<{ errors?: Record<string, string> }>();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const error = fetcher.data?.errors;
  const busy = fetcher.state !== "idle";
  if (button.blocked) {
    return (
      <div className="text-sm">
        <Button type="button" variant="secondary" disabled aria-describedby={`${id}-why`}>
          {button.label}
        </Button>
        <p id={`${id}-why`} className="mt-1 text-slate-700">
          {button.blocked}
        </p>
      </div>
    );
  }
  return (
    <fetcher.Form method="post" action={`/postmortems/${postmortemId}/review`} className="text-sm">
      <input type="hidden" name="action" value={button.action} />
      {button.needsNote && asking ? (
        <div className="mb-2">
          <label htmlFor={`${id}-note`} className="block font-medium">
            {button.action === "reopen" ? "Why reopen it?" : "What should change?"}
          </label>
          <textarea id={`${id}-note`} name="note" rows={3} required className="mt-1 w-full rounded border border-slate-400 px-2 py-1" />
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mb-1 text-red-800">
          {error._ ?? Object.values(error).join(" ")}
        </p>
      ) : null}
      {button.needsNote && !asking ? (
        <Button type="button" variant="secondary" onClick={() => setAsking(true)}>
          {button.label}…
        </Button>
      ) : (
        <Button type="submit" variant={button.action === "return" || button.action === "reopen" ? "secondary" : "primary"} disabled={busy}>
          {busy ? "Working…" : button.label}
        </Button>
      )}
    </fetcher.Form>
  );
}

/**
 * The panel's figures, refreshed every few seconds while the page is visible. A failed refresh
 * (offline, the server restarting) keeps the last figures: it must never take the page down
 * (a Remix fetcher's failure would reach the route's error boundary, so this uses fetch).
 */
function useLatestReview(postmortemId: string, initial: ReviewPanelData): ReviewPanelData {
  const [latest, setLatest] = useState<{ review: ReviewPanelData; for: ReviewPanelData } | null>(null);
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      if (document.visibilityState !== "visible" || !navigator.onLine) return;
      try {
        const response = await fetch(`/api/v1/postmortems/${postmortemId}/review`, { headers: { accept: "application/json" } });
        if (!response.ok || stopped) return;
        const { review } = (await response.json()) as { review: ReviewPanelData };
        setLatest({ review, for: initial });
      } catch {
        // offline or restarting: try again at the next tick
      }
    }, REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [postmortemId, initial]);
  // New page data (after a move or an edit) wins over an older refresh.
  return latest && latest.for === initial ? latest.review : initial;
}

export function ReviewPanel({ postmortemId, initial }: { postmortemId: string; initial: ReviewPanelData }) {
  const revalidator = useRevalidator();
  const review = useLatestReview(postmortemId, initial);
  // Someone else moved it: the page (read-only or not) follows.
  useEffect(() => {
    if (review.state !== initial.state && revalidator.state === "idle") revalidator.revalidate();
  }, [review.state, initial.state, revalidator]);
  const errors = review.problems.filter((p) => p.severity === "error").length;
  const warnings = review.problems.length - errors;
  return (
    <section
      aria-labelledby="review-heading"
      className="space-y-3 rounded-lg border border-slate-300 bg-white p-3 print:hidden"
      data-testid="review-panel"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="review-heading" className="font-semibold">
          Review
        </h2>
        <span
          className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-800 ring-1 ring-slate-300"
          data-testid="review-state"
        >
          {POSTMORTEM_STATE_LABELS[review.state]}
        </span>
      </div>
      <div aria-live="polite">
        <h3 className="mb-1 text-sm font-medium text-slate-800">
          Checks: {errors === 1 ? "1 error" : `${errors} errors`}, {warnings === 1 ? "1 warning" : `${warnings} warnings`}
        </h3>
        <Problems problems={review.problems} />
      </div>
      {review.actions.length ? (
        <div className="space-y-2 border-t border-slate-200 pt-3">
          <p className="text-sm text-slate-700" data-testid="written-by">
            {review.writtenBy}
          </p>
          {review.actions.map((button) => (
            <Move key={button.action} postmortemId={postmortemId} button={button} />
          ))}
        </div>
      ) : null}
      {review.changes.length ? (
        <details className="border-t border-slate-200 pt-2 text-sm">
          <summary className="cursor-pointer font-medium">Change log ({review.changes.length})</summary>
          <ol className="mt-1 space-y-1">
            {review.changes.map((c) => (
              <li key={c.id}>
                <span className="text-slate-600">{inUtc(c.at)}</span> {c.actor?.name ?? "Someone"} {c.action}
                {c.note ? <>: “{c.note}”</> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
