// In place of the composer once customers were told the incident is resolved: a second Resolved
// would say it again, so none is offered (the server refuses it too; decision 0038). Reopening the
// incident in the room brings the composer back; the root-cause report comes from the post-mortem.
import { Time } from "~/components/ui/time.tsx";
import { Link } from "@remix-run/react";

export function ResolutionPublished({ incidentId, at }: { incidentId: string; at: string; timeZone: string }) {
  return (
    <section
      aria-labelledby="composer-heading"
      className="rounded-lg border border-slate-300 bg-white p-4 text-sm shadow-sm"
      data-testid="resolution-published"
    >
      <h2 id="composer-heading" className="mb-2 text-lg font-semibold">
        No new status-page update
      </h2>
      <p className="text-slate-800">
        Customers were already told this incident is resolved (
        <Time at={at} />
        ), so another Resolved update is not offered.
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
        <li>
          If the problem is back, <Link to={`/incidents/${incidentId}`}>reopen the incident in the room</Link>: the composer then offers
          every status again.
        </li>
        <li>
          The root-cause report is drafted from the incident&apos;s <Link to={`/incidents/${incidentId}/postmortem`}>post-mortem</Link> once
          it is published.
        </li>
      </ul>
    </section>
  );
}
