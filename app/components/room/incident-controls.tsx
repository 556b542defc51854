import type { SerializeFrom } from "@remix-run/node";
import { Link, useFetcher } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button } from "~/components/ui/button.tsx";
import { ComponentImpactPicker, RegionPicker } from "~/components/incidents/impact-pickers.tsx";
import { windowsTouchMilestones } from "~/modules/incidents/impact-windows.ts";
import { MILESTONE_LABELS, MILESTONES, nextStatuses, SEVERITIES, type IncidentStatusName } from "~/modules/incidents/lifecycle.ts";
import type { RoomFormOutcome } from "~/modules/incidents/forms.ts";
import type { IncidentView } from "~/modules/incidents/view.ts";
import { EVENT_STATUS_LABELS } from "~/modules/status-page/model.ts";
import { useReaderZone } from "~/components/ui/time.tsx";
import { outcomeErrors } from "~/utils/form-outcome.ts";
import { zonedInputValue, zoneLabel } from "~/utils/time.ts";

type Option = { id: string; name: string };
/** A control's answer as its fetcher holds it (decision 0057). */
type Outcome = SerializeFrom<RoomFormOutcome>;
export type ControlsData = {
  people: Option[];
  components: { id: string; name: string; group: boolean; groupId: string | null }[];
  regions: { id: string; slug: string; name: string }[];
};

const STATUS_VERB: Record<IncidentStatusName, string> = {
  investigating: "Back to investigating",
  identified: "Cause identified",
  monitoring: "Fix in place: monitoring",
  resolved: "Resolve",
};

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mb-3 rounded-lg border border-slate-300 bg-white p-3" aria-label={title}>
      <h2 className="mb-2 text-sm font-semibold text-slate-800">{title}</h2>
      {children}
    </section>
  );
}

function Errors({ outcome }: { outcome: Outcome | undefined }) {
  const errors = outcomeErrors(outcome);
  if (!Object.keys(errors).length) return null;
  return (
    <p className="mt-2 text-sm text-red-700" role="alert">
      {Object.entries(errors)
        .map(([k, v]) => (k === "_" ? v : `${k}: ${v}`))
        .join(" ")}
    </p>
  );
}

const SELECT = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm";

/**
 * After a status change in the room: "Tell customers?", linking to the comms tab with a draft from
 * that status's default template. Asked where customers see the incident (something published, or a
 * component affected) and of those who may draft.
 */
function TellCustomers({ incident, changed }: { incident: IncidentView; changed: Outcome | undefined }) {
  const status = changed?.ok ? changed.incident?.status : undefined;
  if (!status || status !== incident.status) return null;
  if (!incident.public.publishedAt && incident.impactHistory.length === 0) return null;
  return (
    <p role="status" className="mt-2 text-sm" data-testid="tell-customers">
      Now {EVENT_STATUS_LABELS[status].toLowerCase()}. Tell customers?{" "}
      <Link to={`/incidents/${incident.id}/comms?status=${status}`} className="font-medium">
        Draft the {EVENT_STATUS_LABELS[status]} update
      </Link>
    </p>
  );
}

export function IncidentControls({ incident, data, canDraft }: { incident: IncidentView; data: ControlsData; canDraft: boolean }) {
  const status = useFetcher<RoomFormOutcome>();
  const details = useFetcher<RoomFormOutcome>();
  const impact = useFetcher<RoomFormOutcome>();
  const milestones = useFetcher<RoomFormOutcome>();
  const zone = useReaderZone();
  const current = new Map<string, string>(incident.components.map((c) => [c.id, c.impact]));
  const selectedRegions = new Set(incident.regions.map((r) => r.id));
  const windows = incident.impactHistory.map((w) => ({
    componentId: w.id,
    startedAt: new Date(w.startedAt),
    endedAt: w.endedAt ? new Date(w.endedAt) : null,
  }));
  const resolvedAt = incident.status === "resolved" && incident.resolvedAt ? new Date(incident.resolvedAt) : null;
  const windowsFollow = windowsTouchMilestones(windows, { startedAt: new Date(incident.startedAt), resolvedAt });
  return (
    <div>
      <Panel title="Status">
        <status.Form method="post" className="flex flex-wrap gap-2">
          <input type="hidden" name="intent" value="status" />
          {nextStatuses(incident.status).map((s) => (
            <Button key={s} name="status" value={s} variant={s === "resolved" ? "primary" : "secondary"} disabled={status.state !== "idle"}>
              {STATUS_VERB[s]}
            </Button>
          ))}
        </status.Form>
        <Errors outcome={status.data} />
        {canDraft && status.state === "idle" ? <TellCustomers incident={incident} changed={status.data} /> : null}
      </Panel>

      <Panel title="Severity and roles">
        <details.Form method="post" key={incident.lastSeq}>
          <input type="hidden" name="intent" value="details" />
          <label className="block text-sm">
            Severity
            <select name="severity" defaultValue={incident.severity} className={SELECT}>
              {SEVERITIES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          {(["commanderId", "commsLeadId", "scribeId"] as const).map((field) => {
            const role = field === "commanderId" ? "commander" : field === "commsLeadId" ? "commsLead" : "scribe";
            return (
              <label key={field} className="mt-2 block text-sm">
                {field === "commanderId" ? "Commander" : field === "commsLeadId" ? "Comms lead" : "Scribe"}
                <select name={field} defaultValue={incident[role]?.id ?? ""} className={SELECT}>
                  <option value="">Unassigned</option>
                  {data.people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </label>
            );
          })}
          <Button className="mt-3" disabled={details.state !== "idle"}>
            Save severity and roles
          </Button>
          <Errors outcome={details.data} />
        </details.Form>
      </Panel>

      <Panel title="Affected components">
        <impact.Form method="post" key={incident.lastSeq}>
          <input type="hidden" name="intent" value="components" />
          {incident.status === "resolved" ? (
            <p className="text-sm text-slate-700">
              Resolved: correct what customers saw in <a href="#field-impact">Impact over time</a>.
            </p>
          ) : (
            <ComponentImpactPicker components={data.components} current={current} className="max-h-80 space-y-1 overflow-y-auto pr-1" />
          )}
          <RegionPicker regions={data.regions} selected={selectedRegions} legend="Regions" />
          <Button className="mt-3" disabled={impact.state !== "idle"}>
            Save impact
          </Button>
          <Errors outcome={impact.data} />
        </impact.Form>
      </Panel>

      <Panel title={`Milestones (${zoneLabel(zone)})`}>
        <details>
          <summary className="cursor-pointer text-sm text-blue-800">Correct a milestone by hand</summary>
          <milestones.Form method="post" key={incident.lastSeq} className="mt-2">
            <input type="hidden" name="intent" value="milestones" />
            <input type="hidden" name="timeZone" value={zone} />
            <p className="text-xs text-slate-600">Times in your zone, {zone}.</p>
            {MILESTONES.map((m) => (
              <label key={m} className="mt-1 block text-sm">
                {MILESTONE_LABELS[m]} <span className="text-xs text-slate-600">({zoneLabel(zone, incident[m] ?? undefined)})</span>
                <input type="hidden" name={`${m}Shown`} value={zonedInputValue(incident[m], zone)} />
                <input type="datetime-local" name={m} defaultValue={zonedInputValue(incident[m], zone)} className={SELECT} />
              </label>
            ))}
            {windows.length ? (
              <label className="mt-2 flex items-start gap-2 text-sm">
                <input type="checkbox" name="moveImpactWindows" defaultChecked={windowsFollow} className="mt-1" />
                <span>
                  Move the impact windows with it
                  <span className="block text-xs text-slate-600">
                    Windows that began at the old Started, or ended at the old Resolved, move to the new time. Whatever this says, no window
                    starts before Started or ends after Resolved.
                  </span>
                </span>
              </label>
            ) : null}
            <p className="mt-1 text-xs text-slate-600">Corrections are recorded in the audit log.</p>
            <Button className="mt-2" disabled={milestones.state !== "idle"}>
              Save milestones
            </Button>
            <Errors outcome={milestones.data} />
          </milestones.Form>
        </details>
      </Panel>
    </div>
  );
}
