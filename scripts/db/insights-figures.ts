// Prints, as JSON on stdout, the insights the app computes from the database DATABASE_URL names
// (app/modules/insights), for the last three years as of --now: everything, and each severity.
// scripts/move-to-postgres.ts runs it against both databases and compares. Run in a process of
// its own: the app's database client is one per process.
import { parseArgs } from "node:util";
import { subDays } from "date-fns";
import { SEVERITIES } from "../../app/modules/incidents/lifecycle.ts";
import { loadInsights } from "../../app/modules/insights/insights.server.ts";
import { InsightsQuerySchema } from "../../app/modules/insights/query.ts";
import { db } from "../../app/utils/db.server.ts";

const { now: nowText } = parseArgs({ options: { now: { type: "string" } }, strict: true }).values;
const now = new Date(nowText ?? Date.now());
const from = subDays(now, 3 * 365).toISOString();
const filters: Record<string, string>[] = [{}, ...SEVERITIES.map((severity) => ({ severity }))];
const figures: Record<string, unknown> = {};
for (const filter of filters) {
  const query = InsightsQuerySchema.parse({ from, to: now.toISOString(), ...filter });
  figures[filter.severity ?? "all severities"] = await loadInsights(query, now);
}
await db.$disconnect();
process.stdout.write(JSON.stringify(figures));
