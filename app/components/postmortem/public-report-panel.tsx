// The public root-cause report of a post-mortem: draft it from the post-mortem in one action,
// then follow it in the comms tab (a second person approves it before it is published).
import { Link, useFetcher } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { UPDATE_STATE_LABELS, type UpdateStateName } from "~/modules/updates/rules.ts";
import { inUtc } from "~/utils/time.ts";

export type PublicReportPanelProps = {
  postmortemId: string;
  incidentId: string;
  report: { id: string; state: string; publishedAt: string | null } | null;
  canDraft: boolean;
};

export function PublicReportPanel({ postmortemId, incidentId, report, canDraft }: PublicReportPanelProps) {
  const fetcher = useFetcher<{ errors?: Record<string, string> }>();
  const errors = fetcher.data?.errors;
  const pending = report && report.state !== "published";
  return (
    <section
      id="public-report"
      aria-labelledby="public-report-heading"
      className="rounded-lg border border-slate-300 bg-white p-4 print:hidden"
    >
      <h2 id="public-report-heading" className="text-base font-semibold">
        Public root-cause report
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        A shorter version for customers (what happened, who was affected and for how long, why, what was done and what will be done),
        published on the status page under the incident and sent to its subscribers.
      </p>
      {report ? (
        <p className="mt-2 text-sm" data-testid="public-report-state">
          {report.state === "published" && report.publishedAt ? (
            <>Published {inUtc(report.publishedAt)}. </>
          ) : (
            <>{UPDATE_STATE_LABELS[report.state as UpdateStateName] ?? report.state} in the comms tab. </>
          )}
          <Link to={`/incidents/${incidentId}/comms#update-${report.id}`} className="underline">
            Open it in the comms tab
          </Link>
        </p>
      ) : null}
      {canDraft && !pending ? (
        <fetcher.Form method="post" action={`/postmortems/${postmortemId}/public-report`} className="mt-3">
          {errors ? (
            <p role="alert" className="mb-2 text-sm text-red-800">
              {errors._ ?? Object.values(errors).join(" ")}
            </p>
          ) : null}
          <Button type="submit" variant="secondary" disabled={fetcher.state !== "idle"}>
            {fetcher.state !== "idle" ? "Drafting…" : report ? "Draft a revised report" : "Draft the public report"}
          </Button>
        </fetcher.Form>
      ) : null}
    </section>
  );
}
