// The first public update in the room's status line: a countdown from the declaration, a prompt
// once it is overdue ("Draft it now" for those who may draft), nothing once an update is published
// or when no customer sees the incident (first-update.ts).
import { Link } from "@remix-run/react";
import type { IncidentView } from "~/modules/incidents/view.ts";
import { firstUpdateState, firstUpdateText, type FirstUpdateTargets } from "~/modules/updates/first-update.ts";

/** What the room's loader says about the first update: the organisation's minutes, the server's clock, and the reader's role. */
export type FirstUpdateClock = { minutes: FirstUpdateTargets; serverNow: string; canDraft: boolean };

/** `now`: the server's clock as the header ticks it (useServerNow). */
export function FirstUpdateDue({ incident, clock, now }: { incident: IncidentView; clock: FirstUpdateClock; now: number }) {
  const state = firstUpdateState(
    {
      severity: incident.severity,
      status: incident.status,
      declaredAt: new Date(incident.createdAt),
      firstPublishedAt: incident.public.publishedAt ? new Date(incident.public.publishedAt) : null,
      affectsCustomers: incident.impactHistory.length > 0,
    },
    clock.minutes,
    new Date(now),
  );
  const text = firstUpdateText(state);
  if (!text) return null;
  const overdue = state.state === "overdue";
  return (
    <p
      data-testid="first-update"
      data-state={state.state}
      className={`inline-flex items-center gap-2 rounded-md px-2 py-0.5 text-sm font-medium ${
        overdue ? "bg-red-700 text-white" : "bg-amber-100 text-amber-950"
      }`}
    >
      <span suppressHydrationWarning>{overdue && clock.canDraft ? `${text} —` : text}</span>
      {overdue && clock.canDraft ? (
        <>
          {" "}
          <Link to={`/incidents/${incident.id}/comms?status=${incident.status}`} className="font-semibold text-white underline">
            Draft it now
          </Link>
        </>
      ) : null}
    </p>
  );
}
