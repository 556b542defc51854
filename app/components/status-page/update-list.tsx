// An incident's or maintenance's updates, newest first: the status word, what was said, and when.
import type { PublicUpdate } from "~/modules/status-page/model.ts";
import { EventTime } from "~/components/status-page/event-time.tsx";
import { EVENT_STATUS_LABELS } from "~/modules/status-page/model.ts";
import { UpdateBody } from "~/components/status-page/update-body.tsx";

export function UpdateEntry({ update, timeZone }: { update: PublicUpdate; timeZone: string }) {
  return (
    <li className="grid gap-1 py-3 sm:grid-cols-[7.5rem_1fr] sm:gap-4">
      <p className="font-semibold text-slate-900 print:text-black">{EVENT_STATUS_LABELS[update.status]}</p>
      <div className="min-w-0">
        <UpdateBody body={update.body} className="text-slate-800 print:text-black" />
        <p className="mt-1 text-xs text-slate-500 print:text-black">
          Posted <EventTime at={update.displayAt} timeZone={timeZone} />
        </p>
      </div>
    </li>
  );
}

/** `updates` come newest first (the model's order); they are shown as given. */
export function UpdateList({ updates, timeZone, className = "" }: { updates: PublicUpdate[]; timeZone: string; className?: string }) {
  return (
    <ol className={`divide-y divide-slate-100 ${className}`}>
      {updates.map((update) => (
        <UpdateEntry key={update.id} update={update} timeZone={timeZone} />
      ))}
    </ol>
  );
}
