// GET /admin/audit.csv?<the page's filters>: the filtered audit log for a spreadsheet, streamed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditDownload } from "~/http/audit-download.server.ts";
import { apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(({ request }: LoaderFunctionArgs) => auditDownload(request, "csv"));
