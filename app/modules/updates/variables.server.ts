// Loads what an update template is filled with: the page's name and zone, and the names the
// public knows the incident's components by. The words themselves are made in variables.ts.
import type { IncidentView } from "~/modules/incidents/view.ts";
import type { UpdateVariables } from "~/modules/notices/update-defaults.ts";
import { db } from "~/utils/db.server.ts";
import { buildUpdateVariables } from "./variables.ts";

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
  const org = await db.$transaction((tx) => tx.organization.findUnique({ where: { id: "org" }, select: { name: true, timeZone: true } }));
  const ids = [...new Set([...incident.components, ...incident.impactHistory].map((c) => c.id))];
  return buildUpdateVariables(incident, {
    ...options,
    pageName: org?.name ?? "",
    timeZone: org?.timeZone ?? "Etc/UTC",
    publicNames: await publicComponentNames(ids),
    now: options.now ?? new Date(),
  });
}
