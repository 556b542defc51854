// Reading action items: one shape for the API and the pages, and the list everyone works
// from (all post-mortems, overdue first, then by due date, then priority), page by page.
import { incidentRef } from "~/utils/incident-links.ts";
import {
  ACTION_ITEM_PRIORITIES,
  type ActionItemKindName,
  type ActionItemPriorityName,
  type ActionItemStateName,
  type PostmortemStateName,
} from "~/modules/postmortems/sections.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { fail } from "~/utils/http.server.ts";
import { compareActionItems, isOverdue, PRIORITY_RANK } from "./rules.ts";
import type { ActionItemFilters } from "./schemas.ts";
import type { ActionItemView } from "./view.ts";

export const ACTION_ITEM_INCLUDE = {
  owner: { select: { id: true, name: true, email: true } },
  postmortem: { select: { id: true, title: true, state: true, incident: { select: { id: true, number: true, title: true } } } },
} as const;

type ActionItemRow = NonNullable<Awaited<ReturnType<typeof loadActionItemRow>>>;

export function loadActionItemRow(tx: Pick<Tx, "actionItem">, id: string) {
  return tx.actionItem.findUnique({ where: { id }, include: ACTION_ITEM_INCLUDE });
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function actionItemView(row: ActionItemRow, now = new Date()): ActionItemView {
  const { incident, ...postmortem } = row.postmortem;
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as ActionItemKindName,
    priority: row.priority as ActionItemPriorityName,
    state: row.state as ActionItemStateName,
    owner: row.owner,
    dueAt: iso(row.dueAt),
    overdue: isOverdue({ state: row.state as ActionItemStateName, dueAt: row.dueAt }, now),
    trackerUrl: row.trackerUrl,
    closedAt: iso(row.closedAt),
    postmortem: { ...postmortem, state: postmortem.state as PostmortemStateName },
    incident: { id: incident.id, ref: incidentRef(incident.number), title: incident.title },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type Cursor = { dueAt: Date | null; rank: number; id: string };

function encodeCursor(row: { dueAt: Date | null; priority: string; id: string }): string {
  return Buffer.from(`${row.dueAt?.toISOString() ?? ""}|${PRIORITY_RANK[row.priority as ActionItemPriorityName]}|${row.id}`).toString(
    "base64url",
  );
}

function decodeCursor(value: string): Cursor {
  const [at, rank, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const dueAt = at ? new Date(at) : null;
  const time = dueAt?.getTime() ?? 0;
  if (!id || !/^[0-2]$/.test(rank ?? "") || Number.isNaN(time) || time < 0 || time >= Date.UTC(10000, 0, 1)) {
    fail("bad_request", "The cursor is not valid.", { cursor: "not a cursor from this API" });
  }
  return { dueAt, rank: Number(rank), id };
}

/** Rows of one priority after the cursor, in (due date, id) order: with the rank fixed, the order is a plain keyset. */
function afterCursor(cursor: Cursor | null, rank: number) {
  if (!cursor) return {};
  const sameDayAfter = rank > cursor.rank ? {} : rank === cursor.rank ? { id: { gt: cursor.id } } : null;
  if (cursor.dueAt === null) return sameDayAfter ? { dueAt: null, ...sameDayAfter } : { id: { in: [] } };
  return {
    OR: [{ dueAt: { gt: cursor.dueAt } }, ...(sameDayAfter ? [{ dueAt: cursor.dueAt, ...sameDayAfter }] : []), { dueAt: null }],
  };
}

/**
 * Action items across every post-mortem, overdue first, then by due date, then priority.
 * Priority is an enum the two databases sort differently, so each priority is read in
 * (due date, id) order on its own and the three sorted runs are merged here.
 */
export async function listActionItems(
  actorId: string,
  filters: ActionItemFilters,
  now = new Date(),
): Promise<{ actionItems: ActionItemView[]; nextCursor: string | null }> {
  const cursor = filters.cursor ? decodeCursor(filters.cursor) : null;
  const owner = filters.owner === "me" ? actorId : filters.owner;
  const states = filters.overdue
    ? (filters.state ?? ["open", "in_progress"]).filter((s) => s === "open" || s === "in_progress")
    : filters.state;
  const base = {
    ...(states ? { state: { in: states } } : {}),
    ...(owner ? { ownerId: owner } : {}),
    ...(filters.postmortem ? { postmortemId: filters.postmortem } : {}),
  };
  const runs = await db.$transaction((tx) =>
    Promise.all(
      ACTION_ITEM_PRIORITIES.map((priority) =>
        tx.actionItem.findMany({
          where: { AND: [base, { priority }, filters.overdue ? { dueAt: { lt: now } } : {}, afterCursor(cursor, PRIORITY_RANK[priority])] },
          orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
          take: filters.limit + 1,
          include: ACTION_ITEM_INCLUDE,
        }),
      ),
    ),
  );
  const rows = runs.flat().sort(compareActionItems as (a: ActionItemRow, b: ActionItemRow) => number);
  const page = rows.slice(0, filters.limit);
  const last = page[page.length - 1];
  return {
    actionItems: page.map((row) => actionItemView(row, now)),
    nextCursor: rows.length > filters.limit && last ? encodeCursor(last) : null,
  };
}

/** One item as the API shows it, or null. */
export async function getActionItem(id: string): Promise<ActionItemView | null> {
  const row = await db.$transaction((tx) => loadActionItemRow(tx, id));
  return row && actionItemView(row);
}

/**
 * What the post-mortem editor shows: the post-mortem's title (null when there is no such
 * post-mortem), its items in the order they were added, and who can own one.
 */
export async function postmortemActionItems(postmortemId: string, now = new Date()) {
  const [postmortem, rows, people] = await db.$transaction((tx) =>
    Promise.all([
      tx.postmortem.findUnique({ where: { id: postmortemId }, select: { id: true, title: true } }),
      tx.actionItem.findMany({ where: { postmortemId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: ACTION_ITEM_INCLUDE }),
      assignablePeople(tx),
    ]),
  );
  return { postmortem, items: rows.map((row): ActionItemView => actionItemView(row, now)), people };
}

/** People who can own an action item, for the pages' pickers. */
export function assignablePeople(reader: Pick<Tx, "user"> = db): Promise<{ id: string; name: string }[]> {
  return reader.user.findMany({ where: { disabledAt: null }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}
