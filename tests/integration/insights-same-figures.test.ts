// The insights read through SQL (decision 0020) give the figures the previous Prisma path gave,
// on the demo data, for the whole set and filtered, on each database: the API's answer against
// computeInsights over the data the previous loader (insights-before.ts) reads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeInsights } from "~/modules/insights/insights.ts";
import { InsightsQuerySchema } from "~/modules/insights/query.ts";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { loadInsightsDataBefore, openPrisma } from "./insights-before.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Lists of incident ids and component names followed the database's plan before: compare them as sets. */
function canonical(value: unknown, key = ""): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v));
    return (key === "incidentIds" || key === "components") && items.every((v) => typeof v === "string")
      ? [...(items as string[])].sort()
      : items;
  }
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v, k)]));
  return value;
}

describe.each(databases())("insights figures before and after the SQL path on %s", (database) => {
  let app: TestApp;
  let before: ReturnType<typeof openPrisma>;
  // The demo's incidents are all in the last 90 days; a range ending in the past fixes "as of".
  const to = new Date(Math.floor(Date.now() / MINUTE) * MINUTE - MINUTE);
  const from = new Date(to.getTime() - 120 * DAY);

  beforeAll(async () => {
    app = await startApp({ database });
    before = openPrisma(app.databaseUrl);
  });
  afterAll(async () => {
    await before?.$disconnect();
    await app?.stop();
  });

  it("gives identical figures for the whole demo, one severity, a group, and a component of one severity", async () => {
    const components = (await app.api.get("/api/v1/components")).body.components as {
      id: string;
      group?: boolean;
      components?: string[];
    }[];
    const group = components.find((c) => c.group && c.components?.length)!;
    const queries: Record<string, string>[] = [
      {},
      { severity: "SEV1" },
      { component: group.id },
      { component: group.components![0], severity: "SEV2", sla: "99.99" },
    ];
    let compared = 0;
    for (const filters of queries) {
      const query = { from: from.toISOString(), to: to.toISOString(), ...filters };
      const response = await app.api.get(`/api/v1/insights?${new URLSearchParams(query)}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const expected = computeInsights(await loadInsightsDataBefore(before, InsightsQuerySchema.parse(query), new Date()));
      expect(canonical(response.body), JSON.stringify(filters)).toEqual(canonical(JSON.parse(JSON.stringify(expected))));
      compared += response.body.incidentRows.length;
    }
    // the comparison means something: the demo's incidents are in it
    expect(compared).toBeGreaterThanOrEqual(5);
  });
});
