// Every post-mortem with its incident, newest incident first, filtered as the list page asks,
// and the quarters there are post-mortems for (the quarter filter's choices).
import type { SeverityName } from "~/modules/incidents/lifecycle.ts";
import { incidentRef } from "~/utils/incident-links.ts";
import { db } from "~/utils/db.server.ts";
import { quarterOf, quarterRange, type PostmortemFilters } from "./list.ts";
import type { PostmortemStateName } from "./sections.ts";

export type PostmortemListRow = {
  id: string;
  title: string;
  state: PostmortemStateName;
  ref: string;
  severity: SeverityName;
  incidentStartedAt: string;
  updatedAt: string;
  /** open or in progress */
  openActionItems: number;
};

export async function listPostmortems(filters: PostmortemFilters): Promise<PostmortemListRow[]> {
  const quarter = filters.quarter ? quarterRange(filters.quarter) : null;
  const rows = await db.postmortem.findMany({
    where: {
      ...(filters.state ? { state: filters.state } : {}),
      incident: {
        ...(filters.severity ? { severity: filters.severity } : {}),
        ...(filters.component ? { components: { some: { componentId: filters.component } } } : {}),
        ...(quarter ? { startedAt: { gte: quarter.from, lt: quarter.until } } : {}),
      },
    },
    orderBy: [{ incident: { startedAt: "desc" } }, { id: "desc" }],
    select: {
      id: true,
      title: true,
      state: true,
      updatedAt: true,
      incident: { select: { number: true, severity: true, startedAt: true } },
      _count: { select: { actionItems: { where: { state: { in: ["open", "in_progress"] } } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    state: r.state as PostmortemStateName,
    ref: incidentRef(r.incident.number),
    severity: r.incident.severity as SeverityName,
    incidentStartedAt: r.incident.startedAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    openActionItems: r._count.actionItems,
  }));
}

/** The quarters in which incidents with a post-mortem started, newest first. */
export async function postmortemQuarters(): Promise<string[]> {
  const rows = await db.postmortem.findMany({ select: { incident: { select: { startedAt: true } } } });
  return [...new Set(rows.map((r) => quarterOf(r.incident.startedAt)))].sort().reverse();
}
