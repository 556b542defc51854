// GET /insights.csv?table=incidents|uptime&from=&to=&severity=&component=&sla=: the insights
// as a spreadsheet (columns: docs/insights.md).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { CSV_TABLES, incidentsCsv, uptimeCsv } from "~/modules/insights/csv.ts";
import { loadInsights } from "~/modules/insights/insights.server.ts";
import { InsightsQuerySchema } from "~/modules/insights/query.ts";
import { parseQuery } from "~/utils/http.server.ts";
import { apiLoader } from "~/utils/api-boundary.server.ts";

const CsvQuerySchema = InsightsQuerySchema.extend({
  table: z.enum(CSV_TABLES, { message: `must be one of ${CSV_TABLES.join(", ")}` }).default("incidents"),
});

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  const { table, ...query } = parseQuery(request, CsvQuerySchema);
  const insights = await loadInsights(query);
  const body = table === "uptime" ? uptimeCsv(insights) : incidentsCsv(insights);
  const name = `insights-${table}-${insights.range.from.slice(0, 10)}-to-${insights.range.asOf.slice(0, 10)}.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
});
