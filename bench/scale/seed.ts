// Seeds the scale: N incidents and M timeline entries (with impact windows, published updates,
// post-mortems with sections and action items) into a database the app has migrated and loaded
// with its demo data, while the app is stopped. One transaction per batch of incidents.
import { entryCounts, entryRows, incidentRows, prng, TextMaker, type Context, type Row } from "./data.ts";
import type { RowWriter } from "./writers.ts";

export type SeedOptions = { incidents: number; entries: number; largest: number; spanDays: number };
export type SeedReport = {
  ms: number;
  incidents: number;
  entries: number;
  postmortems: number;
  sections: number;
  /** An incident with about 100 entries, and the one with the most. */
  typical: { ref: string; entries: number };
  largest: { ref: string; entries: number };
};

const INCIDENTS_PER_TRANSACTION = 250;

export async function seedScale(writer: RowWriter, options: SeedOptions, log: (message: string) => void): Promise<SeedReport> {
  const started = performance.now();
  const users = (await writer.query<{ id: string }>(`SELECT "id" FROM "User" ORDER BY "createdAt", "id"`)).map((u) => u.id);
  const components = (await writer.query<{ id: string }>(`SELECT "id" FROM "Component" WHERE NOT "isGroup" ORDER BY "position"`)).map(
    (c) => c.id,
  );
  const [{ n: counter }] = await writer.query<{ n: number }>(`SELECT "incidentCounter" AS "n" FROM "Organization" WHERE "id" = 'org'`);
  const ctx: Context = { users, components, firstNumber: Number(counter) + 1, now: Date.now(), spanDays: options.spanDays };
  const random = prng(20261125);
  const text = new TextMaker(random);
  const counts = entryCounts(options.incidents, options.entries, options.largest, random);

  let firstEntry = 0;
  let postmortems = 0;
  let sections = 0;
  let typical = { index: 0, entries: 0 };
  for (let from = 0; from < options.incidents; from += INCIDENTS_PER_TRANSACTION) {
    await writer.transaction(async () => {
      const batch = {
        incidents: [] as Row[],
        windows: [] as Row[],
        updates: [] as Row[],
        postmortems: [] as Row[],
        sections: [] as Row[],
        actionItems: [] as Row[],
        entries: [] as Row[],
      };
      for (let i = from; i < Math.min(options.incidents, from + INCIDENTS_PER_TRANSACTION); i++) {
        const count = counts[i]!;
        if (Math.abs(count - 100) < Math.abs(typical.entries - 100)) typical = { index: i, entries: count };
        const rows = incidentRows(i, options.incidents, count, ctx, text);
        batch.incidents.push(rows.incident);
        batch.windows.push(...rows.windows);
        batch.updates.push(...rows.updates);
        if (rows.postmortem) batch.postmortems.push(rows.postmortem);
        batch.sections.push(...rows.sections);
        batch.actionItems.push(...rows.actionItems);
        batch.entries.push(...entryRows(rows.incident, count, firstEntry, ctx, text));
        firstEntry += count;
      }
      await writer.insert("Incident", batch.incidents);
      await writer.insert("IncidentComponent", batch.windows);
      await writer.insert("StatusUpdate", batch.updates);
      await writer.insert("TimelineEntry", batch.entries);
      await writer.insert("Postmortem", batch.postmortems);
      await writer.insert("PostmortemSection", batch.sections);
      await writer.insert("ActionItem", batch.actionItems);
      postmortems += batch.postmortems.length;
      sections += batch.sections.length;
    });
    if ((from / INCIDENTS_PER_TRANSACTION) % 8 === 7)
      log(`  ${from + INCIDENTS_PER_TRANSACTION} incidents, ${firstEntry} entries, ${Math.round(performance.now() - started)} ms`);
  }
  await writer.transaction(async () => {
    await writer.query(`UPDATE "Organization" SET "incidentCounter" = "incidentCounter" + ${options.incidents} WHERE "id" = 'org'`);
  });
  const largestIndex = counts.indexOf(Math.max(...counts));
  return {
    ms: Math.round(performance.now() - started),
    incidents: options.incidents,
    entries: firstEntry,
    postmortems,
    sections,
    typical: { ref: `INC-${ctx.firstNumber + typical.index}`, entries: typical.entries },
    largest: { ref: `INC-${ctx.firstNumber + largestIndex}`, entries: counts[largestIndex]! },
  };
}
