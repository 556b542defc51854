// GET /admin/audit.jsonl?<the page's filters>: the filtered audit log as JSON Lines, streamed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditDownload } from "~/http/audit-download.server.ts";

export const loader = ({ request }: LoaderFunctionArgs) => auditDownload(request, "jsonl");
