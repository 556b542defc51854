import { useEffect, useState } from "react";
import { SeverityBadge, StatusBadge } from "~/components/ui/badges.tsx";
import { MILESTONE_LABELS, MILESTONES, milestoneProblems } from "~/modules/incidents/lifecycle.ts";
import type { IncidentView } from "~/modules/incidents/view.server.ts";
import { formatDuration, inUtc, inZone, zoneLabel } from "~/utils/time.ts";
import { NextUpdateDue } from "~/components/comms/next-update.tsx";
import type { ConnectionState } from "./use-incident-stream.ts";

function useNow(everyMs = 1000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

const CONNECTION_TEXT: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  closed: "Disconnected: reload the page",
};

export function RoomHeader({ incident, timeZone, connection }: { incident: IncidentView; timeZone: string; connection: ConnectionState }) {
  const now = useNow();
  const end = incident.resolvedAt ? new Date(incident.resolvedAt).getTime() : now;
  const elapsed = formatDuration(end - new Date(incident.startedAt).getTime());
  const problems = milestoneProblems({
    startedAt: new Date(incident.startedAt),
    detectedAt: new Date(incident.detectedAt),
    acknowledgedAt: incident.acknowledgedAt ? new Date(incident.acknowledgedAt) : null,
    mitigatedAt: incident.mitigatedAt ? new Date(incident.mitigatedAt) : null,
    resolvedAt: incident.resolvedAt ? new Date(incident.resolvedAt) : null,
  });
  const zone = zoneLabel(timeZone);
  return (
    <header className="mb-4 rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-sm font-semibold text-slate-700">{incident.ref}</span>
        <SeverityBadge severity={incident.severity} />
        <StatusBadge status={incident.status} />
        <span className="ml-auto flex items-center gap-1.5 text-sm text-slate-700" role="status" aria-live="polite" data-testid="connection">
          <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${connection === "live" ? "bg-green-600" : "bg-amber-500"}`} />
          {CONNECTION_TEXT[connection]}
        </span>
      </div>
      <h1 className="mt-2 text-2xl font-semibold">{incident.title}</h1>
      {incident.summary ? <p id="field-summary" className="mt-1 max-w-3xl text-slate-700">{incident.summary}</p> : null}
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">{incident.resolvedAt ? "Lasted" : "Elapsed"}</dt>
          <dd className="font-mono font-semibold" suppressHydrationWarning>
            {elapsed}
          </dd>
        </div>
        {(["commander", "commsLead", "scribe"] as const).map((role) => (
          <div key={role}>
            <dt className="text-slate-600">{role === "commsLead" ? "Comms lead" : role === "commander" ? "Commander" : "Scribe"}</dt>
            <dd className="font-medium">{incident[role]?.name ?? <span className="text-slate-600">unassigned</span>}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
        <span>
          <span className="text-slate-600">Status page: </span>
          <span className="font-medium" data-testid="public-status">
            {incident.public.status ? incident.public.status.replace(/^./, (c) => c.toUpperCase()) : "nothing published yet"}
          </span>
        </span>
        {incident.public.status !== "resolved" ? <NextUpdateDue dueAt={incident.public.nextUpdateDueAt} timeZone={timeZone} /> : null}
      </div>
      <ol className="mt-3 flex flex-wrap gap-x-6 gap-y-1 border-t border-slate-200 pt-3 text-sm" aria-label="Milestones">
        {MILESTONES.map((m) => {
          const value = incident[m];
          return (
            <li key={m} id={`field-${m}`}>
              <span className="text-slate-600">{MILESTONE_LABELS[m]}: </span>
              {value ? (
                <time dateTime={value} title={inUtc(value)} className="font-medium">
                  {inZone(value, timeZone)} <span className="text-xs text-slate-600">{zone}</span>
                </time>
              ) : (
                <span className="text-slate-600">not yet</span>
              )}
            </li>
          );
        })}
      </ol>
      {problems.length ? (
        <p className="mt-2 text-sm text-amber-800" role="note">
          Check the milestones: {problems.join(" ")}
        </p>
      ) : null}
      {incident.components.length ? (
        <p className="mt-2 text-sm">
          <span className="text-slate-600">Affected: </span>
          {incident.components.map((c) => `${c.name} (${c.impact.replace(/_/g, " ")})`).join(", ")}
          {incident.regions.length ? <span id="field-regions" className="text-slate-600"> · Regions: {incident.regions.map((r) => r.slug).join(", ")}</span> : null}
        </p>
      ) : null}
    </header>
  );
}
