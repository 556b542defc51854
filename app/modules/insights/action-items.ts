// Follow-through on post-mortem action items: opened and closed per month, the ones open past
// their due date, and how long closing takes. An item counts as closed when done or won't do
// (action-items/rules.ts), with the time it was closed. Pure.
import { isClosed, isOverdue } from "~/modules/action-items/rules.ts";
import { groupInto, monthBuckets } from "./calendar.ts";
import type { ActionItemFacts, CountFigure, Insights } from "./model.ts";
import type { Period } from "./metrics.ts";
import { summaryFigure } from "./metrics.ts";

const within = (at: Date | null, period: Period): at is Date =>
  at !== null && at.getTime() >= period.from.getTime() && at.getTime() < period.to.getTime();

/** A count of items (not incidents), with the incidents they came from. */
function itemFigure(key: string, items: ActionItemFacts[]): CountFigure {
  return { key, count: items.length, incidentIds: [...new Set(items.map((i) => i.incidentId))] };
}

const closedAt = (item: ActionItemFacts) => (isClosed(item.state) ? item.closedAt : null);

export function actionItemInsights(items: ActionItemFacts[], period: Period, timeZone: string, now: Date): Insights["actionItems"] {
  const opened = items.filter((i) => within(i.createdAt, period));
  const closed = items.filter((i) => within(closedAt(i), period));
  const overdue = items
    .filter((i) => isOverdue(i, now))
    .sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime() || a.id.localeCompare(b.id));
  const months = monthBuckets(period.from, period.to, timeZone);
  const closedByMonth = groupInto(months, closed, closedAt);
  return {
    byMonth: groupInto(months, opened, (i) => i.createdAt).map((openedInMonth, index) => ({
      month: months.keys[index],
      opened: itemFigure(`actions.opened.${months.keys[index]}`, openedInMonth),
      closed: itemFigure(`actions.closed.${months.keys[index]}`, closedByMonth[index]),
    })),
    overdue: {
      ...itemFigure("actions.overdue", overdue),
      items: overdue.map((i) => ({
        id: i.id,
        title: i.title,
        state: i.state,
        dueAt: i.dueAt!.toISOString(),
        owner: i.owner,
        incidentId: i.incidentId,
      })),
    },
    timeToClose: summaryFigure(
      "actions.timeToClose",
      closed.map((i) => ({ incidentId: i.incidentId, seconds: (closedAt(i)!.getTime() - i.createdAt.getTime()) / 1000 })),
    ),
  };
}
