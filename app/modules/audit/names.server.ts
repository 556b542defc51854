// What a page of audit events needs to read in names rather than ids: each entity's name (an
// incident's reference and title, a person's name, a component's name…) and where its page is,
// and the names of the people, components, incidents and regions whose ids a change recorded.
import { incidentRef } from "~/utils/incident-links.ts";
import { db } from "~/utils/db.server.ts";
import type { EntityFacts, FieldChange } from "./describe.ts";

type EventRow = { entityType: string; entityId: string; before: unknown; after: unknown };

const incidentName = (i: { number: number; title: string }) => `${incidentRef(i.number)} ${i.title}`;

/** Facts of each event's entity, keyed "Type:id"; an entity of a kind looked up and not found is gone. */
export async function entityFacts(rows: EventRow[]): Promise<Map<string, EntityFacts>> {
  const idsOf = (type: string) => [...new Set(rows.filter((r) => r.entityType === type).map((r) => r.entityId))];
  const facts = new Map<string, EntityFacts>();
  const incident = { select: { number: true, title: true } } as const;
  const [incidents, entries, updates, items, postmortems, users, components, tokens, maintenances] = await Promise.all([
    db.incident.findMany({ where: { id: { in: idsOf("Incident") } }, select: { id: true, number: true, title: true } }),
    db.timelineEntry.findMany({ where: { id: { in: idsOf("TimelineEntry") } }, select: { id: true, seq: true, incident } }),
    db.statusUpdate.findMany({
      where: { id: { in: idsOf("StatusUpdate") } },
      select: { id: true, status: true, incident, maintenance: { select: { title: true } } },
    }),
    db.actionItem.findMany({ where: { id: { in: idsOf("ActionItem") } }, select: { id: true, title: true, postmortemId: true } }),
    db.postmortem.findMany({ where: { id: { in: idsOf("Postmortem") } }, select: { id: true, title: true, incident } }),
    db.user.findMany({ where: { id: { in: idsOf("User") } }, select: { id: true, name: true, email: true } }),
    db.component.findMany({ where: { id: { in: idsOf("Component") } }, select: { id: true, name: true } }),
    db.apiToken.findMany({ where: { id: { in: idsOf("ApiToken") } }, select: { id: true, name: true, user: { select: { name: true } } } }),
    db.maintenance.findMany({ where: { id: { in: idsOf("Maintenance") } }, select: { id: true, title: true } }),
  ]);
  for (const i of incidents) facts.set(`Incident:${i.id}`, { incidentRef: incidentRef(i.number), label: incidentName(i) });
  for (const e of entries) {
    facts.set(`TimelineEntry:${e.id}`, {
      incidentRef: incidentRef(e.incident.number),
      entrySeq: e.seq,
      label: `Entry ${e.seq} of ${incidentName(e.incident)}`,
    });
  }
  for (const u of updates) {
    const of = u.incident ? incidentName(u.incident) : u.maintenance ? `maintenance “${u.maintenance.title}”` : null;
    const what = u.status === "postmortem" ? "Root-cause report" : `${u.status.charAt(0).toUpperCase()}${u.status.slice(1)} update`;
    facts.set(`StatusUpdate:${u.id}`, {
      ...(u.incident ? { incidentRef: incidentRef(u.incident.number) } : {}),
      label: of ? `${what} of ${of}` : what,
    });
  }
  for (const a of items) facts.set(`ActionItem:${a.id}`, { postmortemId: a.postmortemId, label: a.title });
  for (const p of postmortems) facts.set(`Postmortem:${p.id}`, { label: `Post-mortem of ${incidentName(p.incident)}` });
  for (const u of users) facts.set(`User:${u.id}`, { label: `${u.name} (${u.email})` });
  for (const c of components) facts.set(`Component:${c.id}`, { label: c.name });
  for (const t of tokens) facts.set(`ApiToken:${t.id}`, { label: `${t.name} (of ${t.user.name})` });
  for (const m of maintenances) facts.set(`Maintenance:${m.id}`, { label: m.title });
  // An entity of these kinds not found is gone (a deleted draft): no link to a 404.
  for (const type of ["Incident", "TimelineEntry", "StatusUpdate", "ActionItem"]) {
    for (const id of idsOf(type)) if (!facts.has(`${type}:${id}`)) facts.set(`${type}:${id}`, { gone: true });
  }
  return facts;
}

/** A field that records an id: "commanderId", "components.0.componentId", "commander.id". */
export const isIdField = (field: string) => /(^|\.)(id|[a-z][A-Za-z]*Id)$/.test(field);

/** Names of the ids the changes recorded (people, components, incidents, regions, updates), by id. */
export async function namesOfIds(changes: FieldChange[]): Promise<Map<string, string>> {
  const ids = [
    ...new Set(
      changes
        .filter((c) => isIdField(c.field))
        .flatMap((c) => [c.before, c.after])
        .filter((v): v is string => typeof v === "string" && v.length <= 64),
    ),
  ];
  if (!ids.length) return new Map();
  const where = { id: { in: ids } };
  const [users, components, incidents, regions] = await Promise.all([
    db.user.findMany({ where, select: { id: true, name: true } }),
    db.component.findMany({ where, select: { id: true, name: true } }),
    db.incident.findMany({ where, select: { id: true, number: true, title: true } }),
    db.region.findMany({ where, select: { id: true, name: true } }),
  ]);
  return new Map([
    ...users.map((u) => [u.id, u.name] as const),
    ...components.map((c) => [c.id, c.name] as const),
    ...incidents.map((i) => [i.id, incidentName(i)] as const),
    ...regions.map((r) => [r.id, r.name] as const),
  ]);
}

const named = (v: unknown): string | undefined =>
  v && typeof v === "object" && !Array.isArray(v) && typeof (v as { name?: unknown }).name === "string"
    ? (v as { name: string }).name
    : undefined;

/**
 * A changed value in names: an id of a known person, component, incident or region; a recorded
 * person or component ({id, name}); a list of them ("Dana Whitfield, Priya Raman"). Undefined otherwise.
 */
export function nameOfValue(field: string, value: unknown, names: Map<string, string>): string | undefined {
  if (typeof value === "string") return isIdField(field) ? names.get(value) : undefined;
  if (Array.isArray(value)) {
    const all = value.map(named);
    return all.length && all.every((n) => n !== undefined) ? all.join(", ") : undefined;
  }
  return named(value);
}
