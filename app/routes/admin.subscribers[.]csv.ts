// GET /admin/subscribers.csv: everyone who gets notices, in the columns the import reads.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { exportSubscribersCsv } from "~/modules/subscribers/transfer.server.ts";
import { apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "subscriber:write");
  const day = new Date().toISOString().slice(0, 10);
  return new Response(await exportSubscribersCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="subscribers-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
