// Subscribers as CSV, both ways, without I/O. An import is all or nothing: every row is
// checked first (zod per row) and any bad row stops it, with its line number and the reason.
// Columns: email, confirmed_at (the consent date), components (names or ids, ";"-separated;
// none: every component). The export writes the same columns, so it imports again.
import { z } from "zod";
import { isStorable } from "~/utils/instants.ts";
import { csvCell, readCsvRecords } from "~/utils/csv.ts";
import { EmailSchema } from "./schemas.ts";

export const MAX_IMPORT_ROWS = 10_000;
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export type CsvComponent = { id: string; name: string; group: string | null };
export type ImportRow = { line: number; email: string; confirmedAt: Date; components: string[] };
export type RowError = { line: number; reason: string };
export type ImportParse = { ok: true; rows: ImportRow[] } | { ok: false; errors: RowError[] };

/** ISO-8601: a date (midnight UTC), or a date and time; a time without a zone is read as UTC. */
const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

export function consentDate(now: Date) {
  return z
    .string()
    .trim()
    .min(1, "is required")
    .transform((value, ctx) => {
      const match = ISO.exec(value);
      const at = match ? new Date(`${match[1]}T${match[2] ?? "00:00"}${match[3] ?? "Z"}`) : new Date(NaN);
      if (Number.isNaN(at.getTime())) {
        ctx.addIssue({ code: "custom", message: "must be an ISO-8601 date such as 2025-03-01 or 2025-03-01T09:30:00Z" });
        return z.NEVER;
      }
      return at;
    })
    .refine(isStorable, "must be between 1970 and 9999")
    .refine((d) => d.getTime() <= now.getTime() + FUTURE_TOLERANCE_MS, "must not be in the future");
}

const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/** Finds a component by id, by "Group - Name", or by its name when that is unique. */
export function componentResolver(components: CsvComponent[]) {
  return (ref: string): { id: string } | { error: string } => {
    const wanted = norm(ref.replace(/^'(?=[=+\-@])/, ""));
    const byId = components.find((c) => c.id === ref.trim());
    if (byId) return { id: byId.id };
    const full = components.filter((c) => c.group && norm(`${c.group} - ${c.name}`) === wanted);
    if (full.length === 1) return { id: full[0].id };
    const named = components.filter((c) => norm(c.name) === wanted);
    if (named.length === 1) return { id: named[0].id };
    if (named.length > 1) return { error: `component "${ref.trim()}" is ambiguous; write "Group - Name" or its id` };
    return { error: `no component "${ref.trim()}"` };
  };
}

const Columns = {
  email: ["email", "e-mail", "email_address"],
  confirmedAt: ["confirmed_at", "confirmedat", "consent_date"],
  components: ["components"],
} as const;

export function parseSubscriberImport(text: string, components: CsvComponent[], now = new Date()): ImportParse {
  if (Buffer.byteLength(text, "utf8") > MAX_IMPORT_BYTES)
    return { ok: false, errors: [{ line: 0, reason: `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` }] };
  const { records, error } = readCsvRecords(text);
  if (error) return { ok: false, errors: [error] };
  const [header, ...data] = records;
  if (!header)
    return {
      ok: false,
      errors: [{ line: 1, reason: "the file is empty; the first line names the columns: email, confirmed_at[, components]" }],
    };
  const names = header.cells.map((c) => norm(c));
  const column = (aliases: readonly string[]) => names.findIndex((n) => aliases.includes(n));
  const at = { email: column(Columns.email), confirmedAt: column(Columns.confirmedAt), components: column(Columns.components) };
  const missing = [at.email < 0 ? "email" : null, at.confirmedAt < 0 ? "confirmed_at" : null].filter(Boolean);
  if (missing.length) return { ok: false, errors: [{ line: header.line, reason: `the header has no ${missing.join(" and no ")} column` }] };
  if (data.length === 0) return { ok: false, errors: [{ line: header.line, reason: "there are no rows after the header" }] };
  if (data.length > MAX_IMPORT_ROWS)
    return { ok: false, errors: [{ line: data[MAX_IMPORT_ROWS].line, reason: `more than ${MAX_IMPORT_ROWS} rows; split the file` }] };

  const Row = z.object({ email: EmailSchema, confirmed_at: consentDate(now), components: z.string().default("") });
  const resolve = componentResolver(components);
  const seen = new Map<string, number>();
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  for (const record of data) {
    const cell = (i: number) => (i >= 0 ? record.cells[i] : undefined);
    const parsed = Row.safeParse({
      email: cell(at.email) ?? "",
      confirmed_at: cell(at.confirmedAt) ?? "",
      components: cell(at.components),
    });
    if (!parsed.success) {
      errors.push({ line: record.line, reason: parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ") });
      continue;
    }
    const { email, confirmed_at, components: refs } = parsed.data;
    const ids: string[] = [];
    const problems: string[] = [];
    for (const ref of refs.split(";").filter((r) => r.trim() !== "")) {
      const found = resolve(ref);
      if ("id" in found) ids.push(found.id);
      else problems.push(found.error);
    }
    const earlier = seen.get(email);
    if (earlier !== undefined) problems.push(`the address ${email} is already on line ${earlier}`);
    seen.set(email, earlier ?? record.line);
    if (problems.length) errors.push({ line: record.line, reason: problems.join("; ") });
    else rows.push({ line: record.line, email, confirmedAt: confirmed_at, components: [...new Set(ids)] });
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}

export type ExportRow = { email: string; confirmedAt: string | null; components: string[] };

export function subscribersToCsv(rows: ExportRow[]): string {
  const lines = [
    "email,confirmed_at,components",
    ...rows.map((r) => [r.email, r.confirmedAt ?? "", r.components.join(";")].map(csvCell).join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
