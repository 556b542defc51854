// One large resolved incident, written straight into the app's database through Prisma (a
// benchmark may: 5,000 entries through the API would take minutes and measure the API, not
// generation). A SEV1 of six hours: N timeline entries of every kind (some pinned), published
// updates each promising the next, impact windows on several components, three regions.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../../app/generated/prisma-sqlite/client.ts";
import { PrismaClient as PostgresClient } from "../../app/generated/prisma-pg/client.ts";

export type BenchDb = SqliteClient;

export function openDatabase(url: string): BenchDb {
  if (url.startsWith("file:")) return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
  return new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) }) as unknown as BenchDb;
}

export type SeedOptions = { entries: number; updates: number; windows: number };
export type SeededIncident = { incidentId: string; ref: string; adminId: string };

const KINDS = [
  "note",
  "action",
  "decision",
  "observation",
  "hypothesis",
  "customer_impact",
  "status_change",
  "note",
  "observation",
  "action",
] as const;
const IMPACTS = ["degraded_performance", "partial_outage", "major_outage"] as const;
const MINUTE = 60_000;
const id = (prefix: string, n: number) => `${prefix}${n.toString(36).padStart(10, "0")}`;

function words(n: number, seed: number): string {
  const vocabulary = [
    "router",
    "config",
    "rollback",
    "latency",
    "p99",
    "error rate",
    "queue",
    "region",
    "GPU pool",
    "canary",
    "retry",
    "autoscaler",
    "dashboard",
    "alert",
    "customers",
    "batch",
    "eu-west",
    "us-east",
    "control plane",
    "restart",
  ];
  return Array.from({ length: n }, (_, i) => vocabulary[(seed * 7 + i * 13) % vocabulary.length]).join(" ");
}

function doc(text: string) {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

export async function seedLargeIncident(db: BenchDb, options: SeedOptions): Promise<SeededIncident> {
  const admin = await db.user.findFirstOrThrow({ where: { role: "admin" }, orderBy: { createdAt: "asc" } });
  const people = await db.user.findMany({ where: { disabledAt: null }, select: { id: true } });
  const components = await db.component.findMany({
    where: { isGroup: false, archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  const regions = await db.region.findMany({ take: 3, orderBy: { position: "asc" }, select: { id: true } });
  const { incidentCounter: number } = await db.organization.update({ where: { id: "org" }, data: { incidentCounter: { increment: 1 } } });

  const start = new Date(Date.now() - 3 * 86_400_000);
  const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);
  const incidentId = id("benchinc", number);
  await db.incident.create({
    data: {
      id: incidentId,
      number,
      title: "Bench: chat and API unavailable in every region",
      summary:
        "A routing configuration change capped in-flight requests far below the intended limit; the rollback had to be applied region by region.",
      severity: "SEV1",
      status: "resolved",
      lastSeq: options.entries,
      startedAt: at(0),
      detectedAt: at(3),
      acknowledgedAt: at(5),
      mitigatedAt: at(262),
      resolvedAt: at(360),
      commanderId: admin.id,
      commsLeadId: people[1 % people.length].id,
      scribeId: people[2 % people.length].id,
      declaredById: admin.id,
      publicTitle: "Chat and API unavailable",
      publicStatus: "resolved",
      publicImpact: "critical",
      publishedAt: at(9),
      publicUpdatedAt: at(362),
      publicResolvedAt: at(362),
    },
  });
  await db.incidentRegion.createMany({ data: regions.map((r) => ({ incidentId, regionId: r.id })) });

  // Impact windows on five components, one after another on each (the impact changed).
  const spread = Math.min(5, components.length);
  const windows = Array.from({ length: options.windows }, (_, i) => {
    const [k, j] = [i % spread, Math.floor(i / spread)];
    const from = 2 + k * 10 + j * 150;
    return {
      id: id("benchwin", i),
      incidentId,
      componentId: components[k].id,
      impact: IMPACTS[(i + j) % 3],
      startedAt: at(from),
      endedAt: at(Math.min(from + 150, 355)),
    };
  });
  await db.incidentComponent.createMany({ data: windows });

  const minutesPerEntry = 360 / options.entries;
  const rows = Array.from({ length: options.entries }, (_, i) => {
    const kind = KINDS[i % KINDS.length];
    const text = `${kind === "hypothesis" ? "Maybe" : "Seen:"} ${words(18 + (i % 25), i)} (#${i + 1})`;
    return {
      id: id("benchent", i),
      incidentId,
      seq: i + 1,
      kind,
      doc: doc(text),
      text,
      occurredAt: at(i * minutesPerEntry),
      authorId: people[i % people.length].id,
      pinned: i % 97 === 0,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await db.timelineEntry.createMany({ data: rows.slice(i, i + 500) });

  // Published updates every ~17 minutes, each promising the next in 15 or 30 (some missed).
  const every = 340 / options.updates;
  const updates = Array.from({ length: options.updates }, (_, i) => {
    const last = i === options.updates - 1;
    const status = last
      ? "resolved"
      : i < options.updates / 3
        ? "investigating"
        : i < (options.updates * 2) / 3
          ? "identified"
          : "monitoring";
    const promise = last ? null : i % 2 ? 15 : 30;
    const publishedAt = at(9 + i * every);
    return {
      id: id("benchupd", i),
      incidentId,
      status,
      body: `${status}: ${words(30, i)}.`,
      state: "published" as const,
      nextUpdateInMinutes: promise,
      nextUpdateAt: promise ? new Date(publishedAt.getTime() + promise * MINUTE) : null,
      authorId: admin.id,
      publishedById: admin.id,
      publishedAt,
      createdAt: publishedAt,
    };
  });
  await db.statusUpdate.createMany({ data: updates });
  return { incidentId, ref: `INC-${number}`, adminId: admin.id };
}
