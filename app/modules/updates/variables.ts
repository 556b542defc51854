// The data an update template is filled with, in customer words: names the public knows,
// times in the page's zone with UTC beside them, each component with its own impact, what the
// incident affected over its whole life (resolving restores every component, so the current
// list alone would be empty), durations as people write them. Pure: the server part loads the
// page and the names (variables.server.ts); the admin's preview cases call this directly.
import { addMinutes } from "date-fns";
import type { IncidentView } from "~/modules/incidents/view.ts";
import { durationInWords, IMPACT_PHRASES, IMPACTS_WORST_FIRST, impactInWords, listInWords } from "~/modules/notices/grammar.ts";
import type { UpdateVariables } from "~/modules/notices/update-defaults.ts";
import { inUtc, inZone, zoneLabel } from "~/utils/time.ts";

/** What of the incident the variables are made of. */
export type IncidentForUpdate = Pick<IncidentView, "title" | "startedAt" | "resolvedAt" | "components" | "impactHistory" | "regions">;

export type UpdateVariableOptions = {
  pageName: string;
  timeZone: string;
  /** "API - Messages endpoint" for a member of a group, by component id */
  publicNames: ReadonlyMap<string, string>;
  status: string;
  nextUpdateInMinutes: number | null;
  title?: string;
  now: Date;
};

/** What customers call this many minutes: "30 minutes", "an hour", "2 hours". */
export function minutesInWords(minutes: number): string {
  return durationInWords(minutes * 60_000);
}

export function buildUpdateVariables(incident: IncidentForUpdate, options: UpdateVariableOptions): UpdateVariables {
  const { timeZone: zone, now } = options;
  const name = (c: { id: string; name: string }) => options.publicNames.get(c.id) ?? c.name;
  const current = incident.components.map((c) => ({ name: name(c), impact: c.impact }));
  const components = current.map((c) => c.name);
  const affected = [...new Map(incident.impactHistory.map((c) => [c.id, name(c)])).values()];
  const restored = affected.filter((n) => !components.includes(n));
  const worst = IMPACTS_WORST_FIRST.find((i) => current.some((c) => c.impact === i));
  const utcZone = zoneLabel(zone) === "UTC";
  const clock = (d: Date) => `${inZone(d, zone, "HH:mm")} ${zoneLabel(zone, d)}`;
  const both = (d: Date) => (utcZone ? clock(d) : `${clock(d)} (${inUtc(d, "HH:mm")})`);
  const when = (d: Date) => `${clock(d)} on ${inZone(d, zone, "d MMM")}`;
  const next = options.nextUpdateInMinutes ? addMinutes(now, options.nextUpdateInMinutes) : null;
  const started = new Date(incident.startedAt);
  const end = incident.resolvedAt ? new Date(incident.resolvedAt) : now;
  const elapsedMs = Math.max(0, end.getTime() - started.getTime());
  const regions = incident.regions.map((r) => r.name);
  return {
    page_name: options.pageName,
    title: options.title ?? incident.title,
    status: options.status,
    impact: worst ? IMPACT_PHRASES[worst] : "issues",
    impact_text: impactInWords(current),
    components,
    components_text: listInWords(components) || "some of our services",
    affected,
    affected_text: listInWords(affected) || "some of our services",
    restored,
    restored_text: listInWords(restored),
    regions,
    regions_text: listInWords(regions),
    started_at: when(started),
    started_at_utc: inUtc(started, "HH:mm"),
    started_at_full: `${both(started)} on ${inZone(started, zone, "d MMM")}`,
    elapsed: durationInWords(elapsedMs),
    elapsed_seconds: Math.round(elapsedMs / 1000),
    next_update_at: next ? clock(next) : "",
    next_update_at_utc: next ? inUtc(next, "HH:mm") : "",
    next_update_at_full: next ? both(next) : "",
    next_update_in: options.nextUpdateInMinutes ? minutesInWords(options.nextUpdateInMinutes) : "",
  };
}
