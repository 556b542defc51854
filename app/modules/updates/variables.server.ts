// The data an update template is filled with, in customer words: names the public knows,
// times in the page's zone with UTC beside them.
import { addMinutes } from "date-fns";
import type { IncidentView } from "~/modules/incidents/view.server.ts";
import type { UpdateVariables } from "~/modules/notices/update-templates.ts";
import { db } from "~/utils/db.server.ts";
import { formatDuration, inUtc, inZone, zoneLabel } from "~/utils/time.ts";

const IMPACT_WORDS = { major_outage: "a major outage", partial_outage: "a partial outage", degraded_performance: "degraded performance" } as const;

export function listInWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "API - Messages endpoint" for a member of a group, as Statuspage names it. */
export async function publicComponentNames(ids: string[]): Promise<Map<string, string>> {
  const rows = await db.$transaction((tx) =>
    tx.component.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, group: { select: { name: true } } } }),
  );
  return new Map(rows.map((r) => [r.id, r.group ? `${r.group.name} - ${r.name}` : r.name]));
}

export async function updateVariables(
  incident: IncidentView,
  options: { status: string; nextUpdateInMinutes: number | null; title?: string; now?: Date },
): Promise<UpdateVariables> {
  const now = options.now ?? new Date();
  const org = await db.$transaction((tx) => tx.organization.findUnique({ where: { id: "org" }, select: { name: true, timeZone: true } }));
  const zone = org?.timeZone ?? "Etc/UTC";
  const names = await publicComponentNames(incident.components.map((c) => c.id));
  const components = incident.components.map((c) => names.get(c.id) ?? c.name);
  const worst = (["major_outage", "partial_outage", "degraded_performance"] as const).find((i) => incident.components.some((c) => c.impact === i));
  const utcZone = zoneLabel(zone) === "UTC";
  const clock = (d: Date) => `${inZone(d, zone, "HH:mm")} ${zoneLabel(zone, d)}`;
  const both = (d: Date) => (utcZone ? clock(d) : `${clock(d)} (${inUtc(d, "HH:mm")})`);
  const when = (d: Date) => `${clock(d)} on ${inZone(d, zone, "d MMM")}`;
  const next = options.nextUpdateInMinutes ? addMinutes(now, options.nextUpdateInMinutes) : null;
  const started = new Date(incident.startedAt);
  const end = incident.resolvedAt ? new Date(incident.resolvedAt) : now;
  return {
    page_name: org?.name ?? "",
    title: options.title ?? incident.title,
    status: options.status,
    impact: worst ? IMPACT_WORDS[worst] : "issues",
    components,
    components_text: listInWords(components) || "some of our services",
    regions: incident.regions.map((r) => r.name),
    regions_text: listInWords(incident.regions.map((r) => r.name)),
    started_at: when(started),
    started_at_utc: inUtc(started, "HH:mm"),
    started_at_full: `${both(started)} on ${inZone(started, zone, "d MMM")}`,
    elapsed: formatDuration(end.getTime() - started.getTime()),
    next_update_at: next ? clock(next) : "",
    next_update_at_utc: next ? inUtc(next, "HH:mm") : "",
    next_update_at_full: next ? both(next) : "",
    next_update_in: options.nextUpdateInMinutes ? `${options.nextUpdateInMinutes} minutes` : "",
  };
}
