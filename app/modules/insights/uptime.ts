// Uptime per component over the last 30 and 90 days, and per calendar month against an SLA
// target, from the incidents' impact windows. The minutes and the percentage come from the
// status page's own uptime module (status-page/uptime.ts: calendar days in the organisation's
// zone, a group as bad as its worst member, the documented weights), so there is one formula.
// Pure. Why impact windows and not the public status history: docs/insights.md.
import { COMPONENT_IMPACTS } from "~/modules/incidents/lifecycle.ts";
import type { PublicComponent, PublicPage, UptimeWeights } from "~/modules/status-page/model.ts";
import { uptimeDays, uptimePercent, type UptimeDay } from "~/modules/status-page/uptime.ts";
import { calendarDaysBetween, dayStartFrom, monthBounds, monthStartOf, monthsBetween, startOfDayIn } from "./calendar.ts";
import type { ComponentFacts, ComponentInsights, ImpactMinutes, ImpactWindowFacts, SlaMonth, UptimeFigure } from "./model.ts";

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The components a component filter shows: all; a group and its members; or one component. */
export function shownComponents(components: ComponentFacts[], componentId: string | null): ComponentFacts[] {
  if (!componentId) return components;
  const chosen = components.find((c) => c.id === componentId);
  if (!chosen) return [];
  return chosen.isGroup ? components.filter((c) => c.id === chosen.id || c.groupId === chosen.id) : [chosen];
}

/** The ids whose impact windows count for a component: a group's members, or itself. */
export function coveredIds(components: ComponentFacts[], component: ComponentFacts): string[] {
  return component.isGroup ? components.filter((c) => c.groupId === component.id).map((c) => c.id) : [component.id];
}

/** The catalog as the status page's uptime module reads it; each call adds its own history. */
function asPage(components: ComponentFacts[], weights: UptimeWeights, timeZone: string, asOf: Date): PublicPage {
  const publicComponents: PublicComponent[] = components.map((c) => ({
    id: c.id,
    name: c.name,
    description: null,
    status: "operational",
    position: c.position,
    groupId: c.groupId,
    isGroup: c.isGroup,
    memberIds: c.isGroup ? coveredIds(components, c) : [],
    createdAt: c.createdAt,
    updatedAt: c.createdAt,
  }));
  return {
    page: { id: "insights", name: "Insights", url: "", timeZone, updatedAt: asOf },
    components: publicComponents,
    incidents: [],
    maintenances: [],
    history: [],
    weights,
    generatedAt: asOf,
  };
}

type Span = { from: Date; to: Date };

/** The incidents whose windows on these components overlap the span (`windows` holds only theirs). */
function incidentsOverlapping(windows: ImpactWindowFacts[], span: Span, asOf: Date): string[] {
  const ids = new Set<string>();
  for (const w of windows) {
    if (w.startedAt.getTime() < span.to.getTime() && (w.endedAt ?? asOf).getTime() > span.from.getTime()) ids.add(w.incidentId);
  }
  return [...ids];
}

/** The days' minutes behind a percentage: per impact level, observed, and weighted downtime. */
function minutesOf(days: UptimeDay[], weights: UptimeWeights) {
  const seen = days.filter((d) => d.worst !== null);
  const minutes = Object.fromEntries(
    COMPONENT_IMPACTS.map((level) => [
      level,
      round(
        seen.reduce((sum, d) => sum + d.minutes[level], 0),
        3,
      ),
    ]),
  ) as ImpactMinutes;
  const observed = seen.reduce((sum, d) => sum + Object.values(d.minutes).reduce((a, b) => a + b, 0), 0);
  const percent = uptimePercent(days, weights);
  // The downtime is read back from the module's percentage, so the weighting lives in one place.
  const downtime = percent === null ? 0 : observed * (1 - percent / 100);
  return { percent, minutes, observed, downtime };
}

export type UptimeInput = {
  components: ComponentFacts[];
  windows: ImpactWindowFacts[];
  weights: UptimeWeights;
  timeZone: string;
  /** the end of the figures: the range's end or now, whichever is first */
  asOf: Date;
  /** the range's start: SLA months are every calendar month from the one holding it */
  from: Date;
  /** the target of a component without its own, or of every component when the query set it */
  slaTarget: number;
  /** whether components' own targets apply (not when the reader asked for one target for all) */
  ownTargets: boolean;
};

/** The first instant the uptime figures need impact windows from. */
export function uptimeStart(input: Pick<UptimeInput, "asOf" | "from" | "timeZone">): Date {
  const lastNinety = dayStartFrom(new Date(input.asOf.getTime() - 1), -89, input.timeZone);
  return new Date(Math.min(lastNinety.getTime(), monthStartOf(input.from, input.timeZone).getTime()));
}

/** The component's calendar days from `first` (a midnight) to the one holding `asOf`. */
function daysOf(
  page: PublicPage,
  component: ComponentFacts,
  own: ImpactWindowFacts[],
  first: Date,
  asOf: Date,
  timeZone: string,
): UptimeDay[] {
  const history = own.map((w) => ({ componentId: w.componentId, status: w.impact, from: w.startedAt, to: w.endedAt }));
  const days = uptimeDays({ ...page, history, generatedAt: asOf }, component.id, calendarDaysBetween(first, asOf, timeZone) + 1);
  // Figures ending at midnight end with the day before: the last day, starting at the end, is empty.
  if (days.length > 0 && startOfDayIn(days[days.length - 1].date, timeZone).getTime() >= asOf.getTime()) days.pop();
  return days;
}

export function componentInsights(input: UptimeInput): ComponentInsights[] {
  const { components, windows, weights, timeZone, asOf } = input;
  const page = asPage(components, weights, timeZone, asOf);
  const first = uptimeStart(input);
  const months = monthsBetween(input.from, asOf, timeZone).map((month) => ({ month, bounds: monthBounds(month, timeZone) }));

  const windowsOf = new Map<string, ImpactWindowFacts[]>();
  for (const w of windows) {
    const list = windowsOf.get(w.componentId);
    if (list) list.push(w);
    else windowsOf.set(w.componentId, [w]);
  }

  return components.map((component) => {
    const slaTarget = input.ownTargets ? (component.slaTarget ?? input.slaTarget) : input.slaTarget;
    const ids = coveredIds(components, component);
    const own = ids.flatMap((id) => windowsOf.get(id) ?? []);
    const all = daysOf(page, component, own, first, asOf, timeZone);
    const spanOf = (days: UptimeDay[]): Span => ({ from: startOfDayIn(days[0].date, timeZone), to: asOf });
    const uptime = (days: UptimeDay[], key: string): UptimeFigure => {
      const m = minutesOf(days, weights);
      return {
        key,
        days: days.length,
        percent: m.percent === null ? null : round(m.percent, 6),
        minutes: m.minutes,
        downtimeMinutes: round(m.downtime, 3),
        observedMinutes: round(m.observed, 3),
        incidentIds: incidentsOverlapping(own, spanOf(days), asOf),
      };
    };
    const slaMonths = months.map(({ month, bounds }): SlaMonth => {
      const days = all.filter((d) => d.date.startsWith(month));
      const m = minutesOf(days, weights);
      const allowed = m.observed * (1 - slaTarget / 100);
      const met = m.percent === null || m.percent >= slaTarget;
      return {
        key: `sla.${component.id}.${month}`,
        month,
        complete: bounds.end.getTime() <= asOf.getTime() && days.length > 0 && days.every((d) => d.worst !== null),
        percent: m.percent === null ? null : round(m.percent, 6),
        met,
        minutes: m.minutes,
        downtimeMinutes: round(m.downtime, 3),
        observedMinutes: round(m.observed, 3),
        allowedMinutes: round(allowed, 3),
        excessMinutes: met ? 0 : round(m.downtime - allowed, 3),
        incidentIds: incidentsOverlapping(own, { from: bounds.start, to: new Date(Math.min(bounds.end.getTime(), asOf.getTime())) }, asOf),
      };
    });
    return {
      id: component.id,
      name: component.name,
      isGroup: component.isGroup,
      groupId: component.groupId,
      last30: uptime(all.slice(-30), `uptime.${component.id}.30`),
      last90: uptime(all.slice(-90), `uptime.${component.id}.90`),
      slaTarget,
      months: slaMonths,
    };
  });
}
