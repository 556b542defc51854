// Synthetic history for bench/scale: incidents over two years, their timeline entries, impact
// windows, published updates and some post-mortems, as plain rows (column → value) ready for
// bulk INSERTs. Deterministic (a seeded PRNG), so two runs search the same text. The words vary
// the way real entries do: a few common ones, many rare ones (tickets, deploys, hosts).

import {
  COMPONENTS,
  REGIONS,
  SYMPTOMS,
  ACTIONS,
  CAUSES,
  METRICS,
  PEOPLE,
  ENTRY_KINDS,
  SEVERITIES,
  IMPACTS,
  SECTION_KEYS,
} from "./words.ts";

export type Row = Record<string, string | number | boolean | Date | null>;

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ids of the app's shape (12 lowercase base-36 characters), one prefix letter per table. */
export const benchId = (prefix: string, n: number) => `${prefix}${n.toString(36).padStart(11, "0")}`;

const MINUTE = 60_000;

export class TextMaker {
  constructor(private readonly random: () => number) {}
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  token(prefix: string, digits: number): string {
    return `${prefix}${this.int(10 ** (digits - 1), 10 ** digits - 1)}`;
  }
  entry(kind: string): string {
    const c = this.pick(COMPONENTS),
      r = this.pick(REGIONS),
      s = this.pick(SYMPTOMS);
    switch (kind) {
      case "observation":
        return `${c} ${s} in ${r}: ${this.pick(METRICS)} at ${this.int(2, 99)}% (baseline ${this.int(1, 9)}%). Host ${this.token("node-", 4)} first, then the rest of the ${r} fleet.`;
      case "action":
        return `${this.pick(ACTIONS)} ${c} in ${r} (${this.token("CHG-", 4)}), deploy ${this.token("r", 4)}. ${this.pick(PEOPLE)} watching the ${this.pick(METRICS)} dashboard.`;
      case "hypothesis":
        return `Could ${this.pick(CAUSES)} in ${c} explain the ${s}? It started around the time ${this.token("r", 4)} reached ${r}.`;
      case "decision":
        return `Decided: freeze deploys to ${c} in ${r} until the ${s} is understood; ${this.pick(PEOPLE)} approves exceptions.`;
      case "customer_impact":
        return `${this.int(3, 400)} support tickets about ${s} on ${c}; about ${this.int(1, 60)}% of requests in ${r} affected.`;
      case "status_change":
        return `Status moved to ${this.pick(["identified", "monitoring", "investigating"])}; ${c} in ${r} now ${this.pick(IMPACTS).replace("_", " ")}.`;
      default:
        return `${this.pick(PEOPLE)} joined the bridge; ${c} owners paged about ${s}. Tracking in ${this.token("INC-TKT-", 5)}.`;
    }
  }
  title(): string {
    return `${this.pick(COMPONENTS)} ${this.pick(SYMPTOMS)} in ${this.pick(REGIONS)}`;
  }
  summary(title: string): string {
    return `${title}, caused by ${this.pick(CAUSES)} in ${this.pick(COMPONENTS)}. ${this.pick(ACTIONS)} ${this.pick(COMPONENTS)} to recover; customers saw ${this.pick(SYMPTOMS)} for ${this.int(5, 300)} minutes.`;
  }
  paragraph(sentences: number): string {
    return Array.from({ length: sentences }, () => this.entry(this.pick(ENTRY_KINDS))).join(" ");
  }
}

/**
 * How many entries each incident has: one `largest`, the rest spread around the mean with a
 * long tail (most between 20 and 200), summing to `total` exactly.
 */
export function entryCounts(incidents: number, total: number, largest: number, random: () => number): number[] {
  const weights = Array.from({ length: incidents - 1 }, () => Math.exp(random() * 2.2));
  const rest = total - largest;
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((w / sum) * rest)));
  let left = rest - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % counts.length, left--) counts[i]!++;
  // The largest sits two thirds of the way through history, not first or last in any list.
  counts.splice(Math.floor((incidents * 2) / 3), 0, largest);
  return counts;
}

export type Context = { users: string[]; components: string[]; firstNumber: number; now: number; spanDays: number };

export type IncidentRows = { incident: Row; windows: Row[]; updates: Row[]; postmortem: Row | null; sections: Row[]; actionItems: Row[] };

const doc = (text: string) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** Incident `i` of `count`, with everything but its entries. */
export function incidentRows(i: number, count: number, entries: number, ctx: Context, text: TextMaker): IncidentRows {
  const id = benchId("i", i);
  const startedAt = new Date(ctx.now - ctx.spanDays * 86_400_000 + Math.floor(((i + 0.5) / count) * ctx.spanDays * 86_400_000));
  const open = i >= count - 15;
  const at = (minutes: number) => new Date(startedAt.getTime() + minutes * MINUTE);
  const severity = text.pick(SEVERITIES);
  const mitigated = text.int(20, 300);
  const resolved = mitigated + text.int(10, 120);
  const title = text.title();
  const published = severity === "SEV1" || severity === "SEV2";
  const user = (n: number) => ctx.users[(i + n) % ctx.users.length]!;
  const incident: Row = {
    id,
    number: ctx.firstNumber + i,
    title,
    summary: text.summary(title),
    severity,
    status: open ? "investigating" : "resolved",
    lastSeq: entries,
    startedAt,
    detectedAt: at(text.int(0, 10)),
    acknowledgedAt: at(text.int(2, 15)),
    mitigatedAt: open ? null : at(mitigated),
    resolvedAt: open ? null : at(resolved),
    commanderId: user(0),
    commsLeadId: user(1),
    scribeId: user(2),
    declaredById: user(3),
    createdAt: startedAt,
    updatedAt: at(resolved),
    publicTitle: published ? title : null,
    publicStatus: published ? (open ? "investigating" : "resolved") : null,
    publicImpact: published ? (severity === "SEV1" ? "critical" : "major") : null,
    publishedAt: published ? at(12) : null,
    publicUpdatedAt: published ? at(open ? 12 : resolved) : null,
    publicResolvedAt: published && !open ? at(resolved) : null,
  };
  const windows = Array.from({ length: text.int(1, 2) }, (_, w) => ({
    id: benchId("w", i * 2 + w),
    incidentId: id,
    componentId: text.pick(ctx.components),
    impact: text.pick(IMPACTS),
    startedAt: at(w * 5),
    endedAt: open ? null : at(mitigated),
  }));
  const updates = published
    ? (open ? ["investigating"] : ["investigating", "identified", "resolved"]).map((status, u) => {
        const publishedAt = at(12 + u * Math.floor(resolved / 3));
        const promise = status === "resolved" ? null : 30;
        return {
          id: benchId("u", i * 3 + u),
          incidentId: id,
          status,
          body: `${status}: ${text.paragraph(1)}`,
          state: "published",
          notify: false,
          nextUpdateInMinutes: promise,
          nextUpdateAt: promise ? new Date(publishedAt.getTime() + promise * MINUTE) : null,
          authorId: user(1),
          publishedById: user(1),
          publishedAt,
          createdAt: publishedAt,
          updatedAt: publishedAt,
        };
      })
    : [];
  const hasPostmortem = !open && (severity === "SEV1" || (severity === "SEV2" && i % 3 === 0));
  if (!hasPostmortem) return { incident, windows, updates, postmortem: null, sections: [], actionItems: [] };
  const postmortemId = benchId("p", i);
  const written = at(resolved + 2 * 24 * 60);
  const postmortem: Row = {
    id: postmortemId,
    incidentId: id,
    title: `INC-${ctx.firstNumber + i}: ${title}`,
    state: i % 2 ? "published" : "draft",
    authorId: user(2),
    revision: 1,
    createdAt: written,
    updatedAt: written,
  };
  const sections = SECTION_KEYS.map((key, position) => {
    const body = text.paragraph(text.int(2, 6));
    return { id: benchId("s", i * 9 + position), postmortemId, key, position, doc: doc(body), text: body, updatedAt: written };
  });
  const actionItems = [0, 1].map((n) => ({
    id: benchId("a", i * 2 + n),
    postmortemId,
    title: `${text.pick(ACTIONS)} ${text.pick(COMPONENTS)} safely`,
    kind: n ? "prevent" : "mitigate",
    priority: "medium",
    state: i % 4 === 0 ? "open" : "done",
    ownerId: user(n),
    dueAt: at(resolved + 30 * 24 * 60),
    closedAt: i % 4 === 0 ? null : at(resolved + 20 * 24 * 60),
    createdAt: written,
    updatedAt: written,
  }));
  return { incident, windows, updates, postmortem, sections, actionItems };
}

/** The timeline of one incident: `count` entries between its start and its resolution (or now). */
export function entryRows(incident: Row, count: number, firstEntry: number, ctx: Context, text: TextMaker): Row[] {
  const start = (incident.startedAt as Date).getTime();
  const end = incident.resolvedAt ? (incident.resolvedAt as Date).getTime() : Math.min(ctx.now, start + 6 * 3_600_000);
  const step = Math.max(1000, Math.floor((end - start) / count));
  return Array.from({ length: count }, (_, n) => {
    const kind = text.pick(ENTRY_KINDS);
    const body = text.entry(kind);
    const occurredAt = new Date(start + n * step);
    return {
      id: benchId("e", firstEntry + n),
      incidentId: incident.id as string,
      seq: n + 1,
      kind,
      doc: doc(body),
      text: body,
      occurredAt,
      authorId: ctx.users[(firstEntry + n) % ctx.users.length]!,
      pinned: n % 50 === 7,
      createdAt: occurredAt,
    };
  });
}
