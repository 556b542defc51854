// The audit export's HTTP answer, shared by its two routes (admin.audit[.]csv, [.]jsonl): admin only, filters checked first (400).
import { requireActor } from "~/modules/auth/actor.server.ts";
import { auditExportStream, EXPORT_CONTENT_TYPES, type AuditExportFormat } from "~/modules/audit/export.server.ts";
import { requireAuditQuery } from "~/modules/audit/log.server.ts";

export async function auditDownload(request: Request, format: AuditExportFormat): Promise<Response> {
  const actor = await requireActor(request, "audit:read");
  const filters = requireAuditQuery(request, actor.timeZone);
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, "").replace("T", "-");
  return new Response(auditExportStream(format, filters, actor.timeZone), {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="audit-${stamp}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
