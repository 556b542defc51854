// Checks that ids named in an incident's input exist: components, regions, people.
import type { Tx } from "~/utils/db.server.ts";
import { fail } from "~/utils/http.server.ts";

export async function checkComponents(tx: Tx, components: { id: string }[]) {
  if (!components.length) return new Map<string, string>();
  const ids = [...new Set(components.map((c) => c.id))];
  if (ids.length !== components.length) fail("invalid", "Some fields are not valid.", { components: "lists a component twice" });
  const rows = await tx.component.findMany({
    where: { id: { in: ids }, archivedAt: null },
    select: { id: true, name: true, isGroup: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  components.forEach((c, i) => {
    const row = byId.get(c.id);
    if (!row) fail("invalid", "Some fields are not valid.", { [`components.${i}.id`]: "no such component" });
    if (row.isGroup) fail("invalid", "Some fields are not valid.", { [`components.${i}.id`]: "is a group; name its components" });
  });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Regions may be named by id or slug; returns their ids. */
export async function checkRegions(tx: Tx, regions: string[]): Promise<string[]> {
  if (!regions.length) return [];
  const rows = await tx.region.findMany({ where: { OR: [{ id: { in: regions } }, { slug: { in: regions } }] } });
  regions.forEach((r, i) => {
    if (!rows.some((row) => row.id === r || row.slug === r))
      fail("invalid", "Some fields are not valid.", { [`regions.${i}`]: "no such region" });
  });
  return [...new Set(rows.map((r) => r.id))];
}

export async function checkPerson(tx: Tx, field: string, userId: string | null | undefined) {
  if (!userId) return null;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, disabledAt: true } });
  if (!user || user.disabledAt) fail("invalid", "Some fields are not valid.", { [field]: "no such active user" });
  return user;
}
