// CSV import and export of subscribers for admins and comms. The import checks the whole file
// before it writes anything, then subscribes each address as already confirmed (no email),
// with the consent date from the file.
import type { Actor } from "~/modules/auth/actor.ts";
import { db } from "~/utils/db.server.ts";
import { readForm } from "~/utils/form.server.ts";
import { MAX_IMPORT_BYTES, parseSubscriberImport, subscribersToCsv, type CsvComponent, type RowError } from "./csv.ts";
import { subscribe } from "./subscribers.server.ts";

export type ImportOutcome = { ok: true; imported: number; created: number } | { ok: false; errors: RowError[] };

async function importableComponents(): Promise<CsvComponent[]> {
  const rows = await db.$transaction((tx) =>
    tx.component.findMany({
      where: { archivedAt: null, isGroup: false },
      select: { id: true, name: true, group: { select: { name: true } } },
    }),
  );
  return rows.map((r) => ({ id: r.id, name: r.name, group: r.group?.name ?? null }));
}

export async function importSubscribersCsv(actor: Actor, text: string): Promise<ImportOutcome> {
  const parsed = parseSubscriberImport(text, await importableComponents());
  if (!parsed.ok) return parsed;
  let created = 0;
  for (const row of parsed.rows) {
    const result = await subscribe(actor, { email: row.email, components: row.components, confirmedAt: row.confirmedAt }, "import");
    if (result.created) created++;
  }
  return { ok: true, imported: parsed.rows.length, created };
}

/** Everyone who currently gets notices, in the import's columns (components by name). */
export async function exportSubscribersCsv(): Promise<string> {
  const rows = await db.$transaction((tx) =>
    tx.subscriber.findMany({
      where: { confirmedAt: { not: null }, unsubscribedAt: null, bouncedAt: null },
      orderBy: { email: "asc" },
      select: {
        email: true,
        confirmedAt: true,
        components: { select: { component: { select: { name: true, group: { select: { name: true } } } } } },
      },
    }),
  );
  return subscribersToCsv(
    rows.map((r) => ({
      email: r.email,
      confirmedAt: r.confirmedAt!.toISOString(),
      components: r.components.map(({ component: c }) => (c.group ? `${c.group.name} - ${c.name}` : c.name)),
    })),
  );
}

/** Room for the multipart envelope around a file of the largest size allowed. */
const UPLOAD_OVERHEAD = 64 * 1024;

/** The CSV file of an import form (field "file"); a refusal in words when there is none or it is too big. */
export async function csvFromUpload(form: FormData): Promise<{ text: string } | { error: string }> {
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0) return { error: "Choose a CSV file to import." };
  if (file.size > MAX_IMPORT_BYTES) return { error: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it.` };
  return { text: await file.text() };
}

/** Reads an import form; the usual form limit is too small for a 2 MB file. */
export async function readImportForm(request: Request): Promise<FormData> {
  return readForm(request, MAX_IMPORT_BYTES + UPLOAD_OVERHEAD, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it.`);
}
