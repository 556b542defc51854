// The action items: what will be done, by whom, by when. An unfinished item past its date
// says "overdue by …" in words (and in colour as a second cue).
import { Time } from "~/components/ui/time.tsx";
import type { PostmortemView } from "~/modules/postmortems/view.ts";
import {
  ACTION_ITEM_KIND_LABELS,
  ACTION_ITEM_PRIORITY_LABELS,
  actionItemStateLabel,
  isWebLink,
  overdueText,
  trackerLabel,
} from "~/modules/postmortems/reading.ts";
import type { ActionItemKindName, ActionItemPriorityName } from "~/modules/postmortems/sections.ts";

type ActionItem = NonNullable<PostmortemView>["actionItems"][number];
const CELL = "px-3 py-2 align-top";

export function ActionItemsTable({ items, now }: { items: ActionItem[]; timeZone: string; now: string }) {
  const at = new Date(now);
  return (
    <section aria-labelledby="actions-heading" className="mb-8">
      <h2 id="actions-heading" className="pm-h2 mb-3 text-xl font-semibold">
        Action items
      </h2>
      {items.length === 0 ? (
        <p className="text-slate-700">No action items yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white print:overflow-visible">
          <table className="pm-stack w-full text-left text-sm">
            <thead className="border-b border-slate-300 bg-slate-100 text-slate-700">
              <tr>
                {["Action", "Owner", "Due", "Priority", "Kind", "State", "Tracker"].map((h) => (
                  <th key={h} scope="col" className={`${CELL} ${h === "Action" ? "w-2/5" : ""}`}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const overdue = overdueText(item, at);
                return (
                  <tr key={item.id} className="border-b border-slate-200 last:border-0" data-testid="action-item">
                    <th scope="row" className={`${CELL} min-w-[14rem] font-medium`}>
                      {item.title}
                    </th>
                    <td className={CELL} data-label="Owner">
                      {item.owner?.name ?? <span className="text-slate-600">no owner</span>}
                    </td>
                    <td className={`${CELL} whitespace-nowrap`} data-label="Due">
                      {item.dueAt ? (
                        <Time at={item.dueAt} format="d MMM yyyy" dateOnly />
                      ) : (
                        <span className="text-slate-600">no due date</span>
                      )}
                      {overdue ? (
                        <span className="block font-semibold text-red-800 max-sm:ml-2 max-sm:inline">{overdue.replace(/^o/, "O")}</span>
                      ) : null}
                    </td>
                    <td className={CELL} data-label="Priority">
                      {ACTION_ITEM_PRIORITY_LABELS[item.priority as ActionItemPriorityName] ?? item.priority}
                    </td>
                    <td className={CELL} data-label="Kind">
                      {ACTION_ITEM_KIND_LABELS[item.kind as ActionItemKindName] ?? item.kind}
                    </td>
                    <td className={`${CELL} whitespace-nowrap`} data-label="State">
                      {actionItemStateLabel(item.state)}
                    </td>
                    <td className={`${CELL} whitespace-nowrap`} data-label="Tracker">
                      {isWebLink(item.trackerUrl) ? (
                        <a href={item.trackerUrl} rel="noopener noreferrer nofollow" target="_blank">
                          {trackerLabel(item.trackerUrl)}
                        </a>
                      ) : (
                        <span className="text-slate-600">—</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
