// The filtered audit log as a download: CSV for a spreadsheet, JSON Lines for a program.
// Streamed batch by batch (log.server.ts), so 100,000 events never sit in memory at once.
import { csvCell } from "~/utils/csv.ts";
import { auditEventBatches } from "./log.server.ts";
import type { AuditEventView } from "./event-view.ts";
import type { AuditFilters } from "./filters.ts";

export type AuditExportFormat = "csv" | "jsonl";

const CSV_COLUMNS = [
  "id",
  "at_utc",
  "actor_kind",
  "actor_name",
  "actor_email",
  "actor_id",
  "token_name",
  "token_id",
  "action",
  "action_text",
  "entity_type",
  "entity_label",
  "entity_id",
  "entity_link",
  "changed_fields",
  "before",
  "after",
  "request_id",
] as const;

const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

function csvLine(e: AuditEventView): string {
  const person = e.actor.kind === "system" ? null : e.actor;
  const cells = [
    e.id,
    e.at,
    e.actor.kind,
    person?.name ?? "",
    person?.email ?? "",
    person?.id ?? "",
    person?.token?.name ?? "",
    person?.token?.id ?? "",
    e.action,
    e.actionText,
    e.entity.type,
    e.entity.label ?? "",
    e.entity.id,
    e.entity.link ?? "",
    e.changes.map((c) => c.field).join(" "),
    json(e.before),
    json(e.after),
    e.requestId ?? "",
  ];
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** One event as the API shows it: the page's diff is left to the program reading it. */
export function auditEventJson(e: AuditEventView) {
  const { changes: _changes, ...rest } = e;
  return rest;
}

const jsonLine = (e: AuditEventView) => `${JSON.stringify(auditEventJson(e))}\n`;

/** The export's body; the filters are checked before it is returned (a 400 instead of a cut file). */
export function auditExportStream(format: AuditExportFormat, filters: AuditFilters, timeZone: string): ReadableStream<Uint8Array> {
  const batches = auditEventBatches(filters, timeZone);
  const encoder = new TextEncoder();
  let headerSent = format !== "csv";
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${CSV_COLUMNS.join(",")}\r\n`));
        return;
      }
      const next = await batches.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map(format === "csv" ? csvLine : jsonLine).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

export const EXPORT_CONTENT_TYPES: Record<AuditExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/jsonl; charset=utf-8",
};
