// The variables every post-mortem section template can use, built from the incident's data.
// Every item that a sentence is made of carries `href`, the place in the incident it came
// from, so a template can link each sentence back. Times are in UTC with the writer's zone
// beside them. Pure: no I/O.
import { IMPACT_LABELS, MILESTONE_LABELS, SEVERITY_LABELS, type MilestoneName } from "~/modules/incidents/lifecycle.ts";
import { EVENT_STATUS_LABELS } from "~/modules/status-page/model.ts";
import { promiseRecord } from "~/modules/updates/rules.ts";
import { formatDuration, inUtc, inZone, zoneLabel } from "~/utils/time.ts";
import { listInWords } from "~/modules/notices/grammar.ts";
import { incidentNumbers } from "./metrics.ts";
import { impactSplitText } from "./reading.ts";
import { entryHref } from "~/utils/incident-links.ts";
import { fieldHref, updateHref } from "./sections.ts";
import type { PostmortemSource, SourceEntry } from "./source.ts";

const isUtc = (zone: string) => zone === "UTC" || zone === "Etc/UTC";

/** "5 Nov 14:52 UTC (06:52 PST)"; UTC alone when the writer's zone is UTC. */
export function bothZones(at: Date, zone: string): string {
  const utc = inUtc(at);
  const local = inZone(at, zone, "HH:mm");
  return isUtc(zone) || local === inZone(at, "UTC", "HH:mm") ? utc : `${utc} (${local} ${zoneLabel(zone, at)})`;
}

/** "14:52 UTC" */
const utcTime = (at: Date) => inUtc(at, "HH:mm");

const duration = (ms: number | null) => (ms === null ? "not reached" : formatDuration(ms));

/** An entry's text on one line, so it fits a list item. */
function oneLine(text: string, max = 400): string {
  const flat = text.replace(/\s*\n+\s*/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

function entryItem(ref: string, zone: string, e: SourceEntry) {
  return { text: oneLine(e.text), at: bothZones(e.occurredAt, zone), href: entryHref(ref, e.seq), author: e.author ?? "", kind: e.kind };
}

type Moment = { at: string; label: string; text: string; href: string; time: number; rank: number };

/**
 * How many items a generated list holds: a post-mortem is read, not scrolled. Pinned entries
 * come first; the rest of the list says how many more there are, linking to the timeline.
 */
export const LIST_LIMIT = 25;
export const MOMENTS_LIMIT = 80;

/** At most `limit` entries, pinned first then the earliest, back in time order; and how many were left out. */
function pick(entries: SourceEntry[], limit: number): { kept: SourceEntry[]; more: number } {
  if (entries.length <= limit) return { kept: entries, more: 0 };
  const chosen = [...entries.filter((e) => e.pinned), ...entries.filter((e) => !e.pinned)].slice(0, limit);
  return { kept: chosen.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.seq - b.seq), more: entries.length - limit };
}

export function sectionVariables(source: PostmortemSource, zone: string, now = new Date()) {
  const { incident } = source;
  const ref = incident.ref;
  const { timeTo: t, customerFacing: facing, components } = incidentNumbers(incident, source.impacts, now);
  const entries = source.entries;
  const lists = Object.fromEntries(
    ["hypothesis", "decision", "action", "customer_impact"].map((kind) => [
      kind,
      pick(
        entries.filter((e) => e.kind === kind),
        LIST_LIMIT,
      ),
    ]),
  ) as Record<string, { kept: SourceEntry[]; more: number }>;
  const ofKind = (kind: string) => lists[kind].kept.map((e) => entryItem(ref, zone, e));

  const milestone = (name: MilestoneName) => {
    const at = incident[name];
    const href = fieldHref(ref, name);
    return at ? { at: bothZones(at, zone), href, reached: true } : { at: "not reached", href, reached: false };
  };

  const moments: Moment[] = [];
  for (const name of ["startedAt", "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt"] as const) {
    const at = incident[name];
    if (at)
      moments.push({
        at: "",
        label: MILESTONE_LABELS[name],
        text: milestoneText(name, source),
        href: fieldHref(ref, name),
        time: at.getTime(),
        rank: 0,
      });
  }
  for (const e of entries) {
    if (!e.pinned && e.kind !== "status_change") continue;
    moments.push({
      at: "",
      label: e.kind === "status_change" ? "Status" : "Key moment",
      text: oneLine(e.text),
      href: entryHref(ref, e.seq),
      time: e.occurredAt.getTime(),
      rank: e.pinned ? 2 : 3,
    });
  }
  for (const u of source.updates) {
    moments.push({
      at: "",
      label: "Customer update",
      text: `${EVENT_STATUS_LABELS[u.status as keyof typeof EVENT_STATUS_LABELS] ?? u.status}: ${oneLine(u.body, 200)}`,
      href: updateHref(ref, u.id),
      time: u.publishedAt.getTime(),
      rank: 1,
    });
  }
  // Milestones, then customer updates, then pinned entries, then status changes, as room allows.
  const keptMoments = [...moments].sort((a, b) => a.rank - b.rank || a.time - b.time).slice(0, MOMENTS_LIMIT);
  keptMoments.sort((a, b) => a.time - b.time);
  for (const m of keptMoments) m.at = bothZones(new Date(m.time), zone);

  const promises = promiseRecord(source.updates, now);
  const kept = promises.filter((p) => p.outcome === "kept").length;
  const missed = promises.filter((p) => p.outcome === "missed").length;
  const firstUpdate = source.updates[0] ?? null;

  return {
    incident: {
      ref,
      title: incident.title,
      summary: oneLine(incident.summary, 4000),
      severity: incident.severity,
      severity_label: SEVERITY_LABELS[incident.severity],
      href: `/incidents/${ref}`,
      summary_href: fieldHref(ref, "summary"),
      /** "nobody" when no one was; test has_commander */
      commander: incident.commander ?? "nobody",
      has_commander: incident.commander !== null,
      comms_lead: incident.commsLead ?? "nobody",
      scribe: incident.scribe ?? "nobody",
      started: milestone("startedAt"),
      detected: milestone("detectedAt"),
      acknowledged: milestone("acknowledgedAt"),
      mitigated: milestone("mitigatedAt"),
      resolved: milestone("resolvedAt"),
    },
    numbers: {
      duration: duration(t.resolve),
      time_to_detect: duration(t.detect),
      time_to_acknowledge: duration(t.acknowledge),
      time_to_mitigate: duration(t.mitigate),
      time_to_resolve: duration(t.resolve),
      customer_facing: formatDuration(facing.total),
      /** "2h 18m major outage, 3m 00s degraded performance": only the levels customers saw; empty when none */
      impact_split: impactSplitText(facing.byLevel),
      major_outage: formatDuration(facing.byLevel.major_outage),
      partial_outage: formatDuration(facing.byLevel.partial_outage),
      degraded_performance: formatDuration(facing.byLevel.degraded_performance),
      impact_href: fieldHref(ref, "impact"),
    },
    components: components.map((c) => ({
      name: c.component,
      worst: IMPACT_LABELS[c.worst].toLowerCase(),
      from: bothZones(c.firstAt, zone),
      until: bothZones(c.lastAt, zone),
      windows: c.windows
        .map(
          (w) =>
            `${IMPACT_LABELS[w.impact].toLowerCase()} ${inZone(w.startedAt, "UTC", "HH:mm")}–${utcTime(w.endedAt)} (${formatDuration(w.endedAt.getTime() - w.startedAt.getTime())})`,
        )
        .join(", "),
      href: fieldHref(ref, "impact"),
    })),
    regions: source.regions,
    regions_text: source.regions.length ? listInWords(source.regions) : "no region recorded",
    regions_href: fieldHref(ref, "regions"),
    moments: keptMoments.map(({ time: _time, rank: _rank, ...m }) => m),
    hypotheses: ofKind("hypothesis"),
    decisions: ofKind("decision"),
    actions: ofKind("action"),
    customer_impacts: ofKind("customer_impact"),
    /** how many of each were left out of the lists above (0 when none) */
    more: {
      moments: moments.length - keptMoments.length,
      hypotheses: lists.hypothesis.more,
      decisions: lists.decision.more,
      actions: lists.action.more,
      customer_impacts: lists.customer_impact.more,
    },
    first_signal: firstSignal(source, zone),
    updates: source.updates.map((u) => {
      const promise = promises.find((p) => p.updateId === u.id);
      return {
        status: EVENT_STATUS_LABELS[u.status as keyof typeof EVENT_STATUS_LABELS] ?? u.status,
        at: bothZones(u.publishedAt, zone),
        text: oneLine(u.body, 300),
        href: updateHref(ref, u.id),
        promise: promise
          ? promise.outcome === "kept"
            ? `next update promised by ${utcTime(promise.promisedAt)}: kept (${utcTime(promise.keptAt!)})`
            : promise.outcome === "missed"
              ? `next update promised by ${utcTime(promise.promisedAt)}: missed${promise.keptAt ? ` (came ${utcTime(promise.keptAt)}, ${formatDuration(promise.keptAt.getTime() - promise.promisedAt.getTime())} late)` : ""}`
              : `next update promised by ${utcTime(promise.promisedAt)}`
          : "",
      };
    }),
    communication: {
      count: source.updates.length,
      promised: promises.length,
      kept,
      missed,
      first_update_after: firstUpdate
        ? formatDuration(firstUpdate.publishedAt.getTime() - incident.startedAt.getTime())
        : "no public update",
      first_update_href: firstUpdate ? updateHref(ref, firstUpdate.id) : `/incidents/${ref}/comms`,
    },
  };
}

export type SectionVariables = ReturnType<typeof sectionVariables>;

function milestoneText(name: MilestoneName, source: PostmortemSource): string {
  const i = source.incident;
  switch (name) {
    case "startedAt":
      return "Impact began.";
    case "detectedAt":
      return "We noticed.";
    case "acknowledgedAt":
      return i.commander ? `${i.commander} took command.` : "A responder acknowledged.";
    case "mitigatedAt":
      return "Customer impact mitigated.";
    case "resolvedAt":
      return "Resolved.";
  }
}

/** The first observation at or after the start: how the problem was noticed. */
function firstSignal(source: PostmortemSource, zone: string) {
  const start = source.incident.startedAt.getTime();
  const first = source.entries.find((e) => (e.kind === "observation" || e.kind === "customer_impact") && e.occurredAt.getTime() >= start);
  return first ? [entryItem(source.incident.ref, zone, first)] : [];
}
