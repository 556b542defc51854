// Small pieces the action-items page and the post-mortem editor share.
import { useId } from "react";
import { ACTION_ITEM_STATE_LABELS, ACTION_ITEM_STATES, type ActionItemStateName } from "~/modules/postmortems/sections.ts";

const SELECT = "rounded border border-slate-400 bg-white px-2 py-1 text-sm";

/** The due date in words ("Overdue by 3 days"), the day itself beside it; overdue is said, not only coloured. */
export function ActionItemDue({ due, dueAt }: { due: { overdue: boolean; relative: string; absolute: string }; dueAt: string | null }) {
  if (!dueAt) return <span className="text-slate-600">No due date</span>;
  return (
    <span className="inline-flex flex-col">
      <span className={due.overdue ? "font-semibold text-red-800" : ""}>{due.relative}</span>
      <time dateTime={dueAt} className="text-xs text-slate-600">
        {due.absolute}
      </time>
    </span>
  );
}

export function ActionItemStateSelect({
  label,
  defaultValue,
  name = "state",
}: {
  label: string;
  defaultValue: ActionItemStateName;
  name?: string;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} className={SELECT}>
        {ACTION_ITEM_STATES.map((state) => (
          <option key={state} value={state}>
            {ACTION_ITEM_STATE_LABELS[state]}
          </option>
        ))}
      </select>
    </>
  );
}
