import { useEffect, useRef, type ReactNode } from "react";
import { SeverityBadge, StatusBadge } from "~/components/ui/badges.tsx";
import { Time } from "~/components/ui/time.tsx";
import { MILESTONE_LABELS, MILESTONES, milestoneProblems } from "~/modules/incidents/lifecycle.ts";
import type { IncidentView } from "~/modules/incidents/view.ts";
import { formatDuration } from "~/utils/time.ts";
import { NextUpdateDue } from "~/components/comms/next-update.tsx";
import { FirstUpdateDue, type FirstUpdateClock } from "./first-update-due.tsx";
import { useServerNow } from "./use-server-clock.ts";
import type { ConnectionState } from "./incident-events.ts";

const CONNECTION_TEXT: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  closed: "Disconnected: reload the page",
};

type HeaderProps = {
  incident: IncidentView;
  timeZone: string;
  connection: ConnectionState;
  firstUpdate: FirstUpdateClock;
  /** streams this page has opened, for tests (a tab switch must not add one) */
  streams?: number;
  /** more details, at the end of the disclosure (the impact over time) */
  children?: ReactNode;
};

const ROLE_LABELS = { commander: "Commander", commsLead: "Comms lead", scribe: "Scribe" } as const;
/** Whether the reader last left the details open, for this browser tab's session. */
const DETAILS_KEY = "incident-header-details";

/** The details disclosure, opened again on the next page of this session if the reader left it open. */
function useRememberedOpen() {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    try {
      if (ref.current && sessionStorage.getItem(DETAILS_KEY) === "open") ref.current.open = true;
    } catch {
      // storage may be refused; the disclosure then starts closed
    }
  }, []);
  const onToggle = () => {
    try {
      sessionStorage.setItem(DETAILS_KEY, ref.current?.open ? "open" : "closed");
    } catch {
      // as above
    }
  };
  return { ref, onToggle };
}

/**
 * The incident's header, shared by its tabs: one line (reference, severity, status, title, elapsed,
 * commander and comms lead, the update clocks, the connection) and the rest behind "Details".
 */
export function RoomHeader({ incident, timeZone, connection, firstUpdate, streams, children }: HeaderProps) {
  // the elapsed time and the first update count on the server's clock, as the timeline's times are
  const now = useServerNow(firstUpdate.serverNow);
  const end = incident.resolvedAt ? new Date(incident.resolvedAt).getTime() : now;
  const elapsed = formatDuration(end - new Date(incident.startedAt).getTime());
  const problems = milestoneProblems({
    startedAt: new Date(incident.startedAt),
    detectedAt: new Date(incident.detectedAt),
    acknowledgedAt: incident.acknowledgedAt ? new Date(incident.acknowledgedAt) : null,
    mitigatedAt: incident.mitigatedAt ? new Date(incident.mitigatedAt) : null,
    resolvedAt: incident.resolvedAt ? new Date(incident.resolvedAt) : null,
  });
  const details = useRememberedOpen();
  const person = (role: keyof typeof ROLE_LABELS) => incident[role]?.name ?? <span className="font-normal text-slate-600">unassigned</span>;
  return (
    <header
      className="mb-2 rounded-lg border border-slate-300 bg-white px-3 py-2 shadow-sm"
      data-testid="incident-header"
      data-streams={streams}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span className="font-mono font-semibold text-slate-700">{incident.ref}</span>
        <SeverityBadge severity={incident.severity} />
        <StatusBadge status={incident.status} />
        <h1 className="min-w-[12rem] flex-1 truncate text-lg font-semibold" title={incident.title}>
          {incident.title}
        </h1>
        <span>
          <span className="text-slate-600">{incident.resolvedAt ? "Lasted" : "Elapsed"} </span>
          <span className="font-mono font-semibold" data-testid="elapsed" suppressHydrationWarning>
            {elapsed}
          </span>
        </span>
        {(["commander", "commsLead"] as const).map((role) => (
          <span key={role}>
            <span className="text-slate-600">{ROLE_LABELS[role]}: </span>
            <span className="font-medium">{person(role)}</span>
          </span>
        ))}
        <FirstUpdateDue incident={incident} clock={firstUpdate} now={now} />
        {incident.public.status !== "resolved" ? (
          <NextUpdateDue dueAt={incident.public.nextUpdateDueAt} timeZone={timeZone} compact />
        ) : null}
        <span className="flex items-center gap-1.5 text-slate-700" role="status" aria-live="polite" data-testid="connection">
          <span
            aria-hidden
            className={`inline-block h-2.5 w-2.5 rounded-full ${connection === "live" ? "bg-green-600" : "bg-amber-500"}`}
          />
          {CONNECTION_TEXT[connection]}
        </span>
        <details ref={details.ref} onToggle={details.onToggle} className="group open:basis-full" data-testid="incident-details">
          <summary className="cursor-pointer font-medium text-blue-800">
            Details
            {problems.length ? <span className="ml-1 text-amber-800">(check the milestones)</span> : null}
          </summary>
          <div className="mt-2 border-t border-slate-200 pt-2">
            {incident.summary ? (
              <p id="field-summary" className="max-w-3xl text-slate-700">
                {incident.summary}
              </p>
            ) : null}
            <p className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
              <span>
                <span className="text-slate-600">{ROLE_LABELS.scribe}: </span>
                <span className="font-medium">{person("scribe")}</span>
              </span>
              <span>
                <span className="text-slate-600">Status page: </span>
                <span className="font-medium" data-testid="public-status">
                  {incident.public.status ? incident.public.status.replace(/^./, (c) => c.toUpperCase()) : "nothing published yet"}
                </span>
              </span>
            </p>
            <ol className="mt-2 flex flex-wrap gap-x-6 gap-y-1" aria-label="Milestones">
              {MILESTONES.map((m) => {
                const value = incident[m];
                return (
                  <li key={m} id={`field-${m}`}>
                    <span className="text-slate-600">{MILESTONE_LABELS[m]}: </span>
                    {value ? <Time at={value} className="font-medium" /> : <span className="text-slate-600">not yet</span>}
                  </li>
                );
              })}
            </ol>
            {problems.length ? (
              <p className="mt-2 text-amber-800" role="note">
                Check the milestones: {problems.join(" ")}
              </p>
            ) : null}
            {incident.components.length ? (
              <p className="mt-2">
                <span className="text-slate-600">Affected: </span>
                {incident.components.map((c) => `${c.name} (${c.impact.replace(/_/g, " ")})`).join(", ")}
                {incident.regions.length ? (
                  <span id="field-regions" className="text-slate-600">
                    {" "}
                    · Regions: {incident.regions.map((r) => r.slug).join(", ")}
                  </span>
                ) : null}
              </p>
            ) : null}
            {children ? <div className="mt-2">{children}</div> : null}
          </div>
        </details>
      </div>
    </header>
  );
}
