// The sample page's resolved incidents of the last 90 days, each with the history that matches it
// (its components held at the incident's status while it lasted). Used by samplePage (sample-page.ts).
import type {
  AffectedComponent,
  ComponentStatusName,
  IncidentImpact,
  PublicComponent,
  PublicIncident,
  PublicIncidentStatus,
  PublicUpdate,
} from "./model.ts";
import type { SAMPLE_IDS } from "./sample-page.ts";

export type UpdateSpec = { status: PublicUpdate["status"]; at: Date; body: string; changes?: AffectedComponent[] };

/** What samplePage lends: its ids and clock, its components, and how it holds a status and makes an incident. */
export type SampleTools = {
  I: typeof SAMPLE_IDS;
  daysAgo: (days: number, hour: number, minute?: number) => Date;
  plus: (at: Date, minutes: number) => Date;
  hold: (id: string, status: ComponentStatusName, from: Date, to: Date | null) => unknown;
  components: PublicComponent[];
  change: (id: string, oldStatus: ComponentStatusName, newStatus: ComponentStatusName) => AffectedComponent;
  incident: (
    id: string,
    name: string,
    impact: IncidentImpact,
    status: PublicIncidentStatus,
    componentIds: string[],
    specs: UpdateSpec[],
  ) => PublicIncident;
};

export function resolvedIncidents({ I, daysAgo, plus, hold, components, change, incident }: SampleTools): PublicIncident[] {
  const resolvedSpecs: {
    id: string;
    name: string;
    impact: IncidentImpact;
    componentIds: string[];
    status: ComponentStatusName;
    start: Date;
    minutes: number;
    cause: string;
  }[] = [
    {
      id: "inc0w3bs10w5",
      name: "Slow page loads in the Web app",
      impact: "minor",
      componentIds: [I.web],
      status: "degraded_performance",
      start: daysAgo(3, 9, 12),
      minutes: 95,
      cause: "A cache cluster lost a node and fell back to the database.",
    },
    {
      id: "inc0b4tchd3l",
      name: "Batch jobs delayed",
      impact: "major",
      componentIds: [I.batch],
      status: "partial_outage",
      start: daysAgo(11, 14, 5),
      minutes: 180,
      cause: "A queue consumer stopped acknowledging work after a dependency upgrade.",
    },
    {
      id: "inc0m0b1l3lg",
      name: "Sign-in failures in the Mobile app",
      impact: "minor",
      componentIds: [I.mobile],
      status: "partial_outage",
      start: daysAgo(19, 6, 40),
      minutes: 25,
      cause: "An expired certificate on the sign-in service.",
    },
    {
      id: "inc0ap1d0wn7",
      name: "API unavailable",
      impact: "critical",
      componentIds: [I.messages, I.batch],
      status: "major_outage",
      start: daysAgo(34, 17, 20),
      minutes: 42,
      cause: "A faulty load balancer configuration rejected all requests.",
    },
    {
      id: "inc0c0ns0l3x",
      name: "Developer console not loading",
      impact: "major",
      componentIds: [I.console],
      status: "major_outage",
      start: daysAgo(61, 11, 0),
      minutes: 70,
      cause: "A front-end release referenced assets that had not been uploaded.",
    },
  ];
  const resolved = resolvedSpecs.map((s) => {
    const end = plus(s.start, s.minutes);
    for (const id of s.componentIds) hold(id, s.status, s.start, end);
    const names = s.componentIds.map((id) => components.find((c) => c.id === id)!.name).join(" and ");
    return incident(s.id, s.name, s.impact, "resolved", s.componentIds, [
      {
        status: "investigating",
        at: s.start,
        body: `We are investigating reports of problems with the ${names}.`,
        changes: s.componentIds.map((id) => change(id, "operational", s.status)),
      },
      { status: "identified", at: plus(s.start, Math.round(s.minutes * 0.3)), body: `${s.cause} A fix is being implemented.` },
      {
        status: "monitoring",
        at: plus(s.start, Math.round(s.minutes * 0.7)),
        body: "A fix has been implemented and we are monitoring the results.",
      },
      {
        status: "resolved",
        at: end,
        body: `This incident has been resolved. We are sorry for the disruption.\n\nThe root-cause report will follow at https://northwind.test/blog/incidents.`,
        changes: s.componentIds.map((id) => change(id, s.status, "operational")),
      },
    ]);
  });
  return resolved;
}
