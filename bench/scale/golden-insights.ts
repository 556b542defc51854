// Every insights figure for six queries (the default 90 days, a severity, a group, a component of
// one severity, a year, a spring range with another SLA target) at a fixed `now`, written to a
// file, so a change to how the insights are read or computed can be checked to give the same
// figures on a database bench:scale kept (`--keep`), before and after:
//
//   DATABASE_URL=file:/tmp/…/app.db node --import tsx bench/scale/golden-insights.ts before.json
//   … change, then again into after.json …
//   node bench/scale/compare-golden.cjs before.json after.json
import { writeFileSync } from "node:fs";

const out = process.argv[2];
if (!out || !process.env.DATABASE_URL) throw new Error("usage: DATABASE_URL=… golden-insights.ts <out.json>");
const { loadInsights } = await import("../../app/modules/insights/insights.server.ts");
const { InsightsQuerySchema } = await import("../../app/modules/insights/query.ts");
const { db } = await import("../../app/utils/db.server.ts");

const now = new Date(process.env.NOW ?? "2026-11-25T12:00:00Z");
const components = await db.component.findMany({
  where: { archivedAt: null },
  select: { id: true, isGroup: true },
  orderBy: { name: "asc" },
});
const group = components.find((c) => c.isGroup);
const single = components.find((c) => !c.isGroup);
const queries: Record<string, string>[] = [
  {},
  { severity: "SEV2" },
  ...(group ? [{ component: group.id }] : []),
  ...(single ? [{ component: single.id, severity: "SEV1" }] : []),
  { from: "2025-01-01", to: "2025-12-31" },
  { from: "2026-03-01", to: "2026-04-15", sla: "99.99" },
];
const results = [];
for (const query of queries) results.push({ query, insights: await loadInsights(InsightsQuerySchema.parse(query), now) });
writeFileSync(out, JSON.stringify(results));
const org = await db.organization.findUnique({ where: { id: "org" }, select: { timeZone: true } });
console.log(`wrote ${out}: ${queries.length} queries at ${now.toISOString()}, zone ${org?.timeZone}`);
process.exit(0);
