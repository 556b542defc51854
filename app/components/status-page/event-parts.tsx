// Pieces shared by every place an incident or maintenance is shown.
import type { PublicIncident, PublicMaintenance, PublicPage } from "~/modules/status-page/model.ts";
import { EventTime } from "~/components/status-page/event-time.tsx";
import { IMPACT_TEXT } from "~/components/status-page/status-look.tsx";

export type PublicEvent = PublicIncident | PublicMaintenance;

export function isUnresolved(incident: PublicIncident): boolean {
  return incident.status !== "resolved" && incident.status !== "postmortem";
}

export function eventHref(page: PublicPage, event: { id: string }): string {
  return `${page.page.url}/incidents/${event.id}`;
}

const IMPACT_WORDS: Record<PublicEvent["impact"], string> = {
  none: "No impact",
  minor: "Minor impact",
  major: "Major impact",
  critical: "Critical impact",
  maintenance: "Maintenance",
};

/** Impact in words beside the title's colour. */
export function ImpactTag({ event }: { event: PublicEvent }) {
  return (
    <span
      className={`inline-block rounded-full border border-current px-2 py-px text-xs font-medium whitespace-nowrap print:text-black ${IMPACT_TEXT[event.impact]}`}
    >
      {IMPACT_WORDS[event.impact]}
    </span>
  );
}

export function EventTitle({
  page,
  event,
  as: Heading = "h3",
  className = "",
}: {
  page: PublicPage;
  event: PublicEvent;
  as?: "h1" | "h2" | "h3" | "h4";
  className?: string;
}) {
  return (
    <Heading className={`font-semibold ${className}`}>
      <a href={eventHref(page, event)} className={`${IMPACT_TEXT[event.impact]} print:text-black`}>
        {event.name}
      </a>
    </Heading>
  );
}

export function componentNames(page: PublicPage, ids: string[]): string[] {
  const byId = new Map(page.components.map((c) => [c.id, c]));
  return ids.flatMap((id) => {
    const component = byId.get(id);
    if (!component) return [];
    const group = component.groupId ? byId.get(component.groupId) : undefined;
    return [group ? `${group.name} – ${component.name}` : component.name];
  });
}

export function AffectedComponents({ page, ids, verb = "Affects" }: { page: PublicPage; ids: string[]; verb?: string }) {
  const names = componentNames(page, ids);
  if (names.length === 0) return null;
  return (
    <p className="text-sm text-slate-600 print:text-black">
      {verb}: <span className="text-slate-800 print:text-black">{names.join(", ")}</span>
    </p>
  );
}

/** "Nov 25, 22:00 CET (21:00 UTC) – Nov 26, 02:00 CET (01:00 UTC)" */
export function MaintenanceWindow({ maintenance, timeZone }: { maintenance: PublicMaintenance; timeZone: string }) {
  return (
    <p className="text-sm text-slate-600 print:text-black">
      <span className="sr-only">Window: </span>
      <EventTime at={maintenance.scheduledFor} timeZone={timeZone} className="whitespace-nowrap text-slate-800 print:text-black" />{" "}
      <span aria-hidden="true">–</span>
      <span className="sr-only">until</span>{" "}
      <EventTime at={maintenance.scheduledUntil} timeZone={timeZone} className="whitespace-nowrap text-slate-800 print:text-black" />
    </p>
  );
}
