// An incident's or maintenance's updates, newest first: the status word, what was said, and when.
// Where a list only sums incidents up (the last 14 days on /status), a root-cause report is one
// line and a link to the incident's page, which shows it whole.
import type { PublicUpdate } from "~/modules/status-page/model.ts";
import { EventTime } from "~/components/status-page/event-time.tsx";
import { EVENT_STATUS_LABELS } from "~/modules/status-page/model.ts";
import { UpdateBody } from "~/components/status-page/update-body.tsx";
import { isRichUpdate, updateExcerpt } from "~/modules/status-page/update-text.ts";

/** `reportHref`: show a root-cause report as its first line and this link, not whole. */
export function UpdateEntry({ update, timeZone, reportHref }: { update: PublicUpdate; timeZone: string; reportHref?: string }) {
  return (
    <li className="grid gap-1 py-3 sm:grid-cols-[7.5rem_1fr] sm:gap-4">
      <p className="font-semibold text-slate-900 print:text-black">{EVENT_STATUS_LABELS[update.status]}</p>
      <div className="min-w-0">
        {reportHref && isRichUpdate(update.status) ? (
          <p className="text-slate-800 print:text-black">
            {updateExcerpt(update.status, update.body)}{" "}
            <a href={reportHref} className="underline">
              Read the root-cause report
            </a>
          </p>
        ) : (
          <UpdateBody body={update.body} status={update.status} className="text-slate-800 print:text-black" />
        )}
        <p className="mt-1 text-xs text-slate-500 print:text-black">
          Posted <EventTime at={update.displayAt} timeZone={timeZone} />
        </p>
      </div>
    </li>
  );
}

/** `updates` come newest first (the model's order); they are shown as given. */
export function UpdateList({
  updates,
  timeZone,
  reportHref,
  className = "",
}: {
  updates: PublicUpdate[];
  timeZone: string;
  reportHref?: string;
  className?: string;
}) {
  return (
    <ol className={`divide-y divide-slate-100 ${className}`}>
      {updates.map((update) => (
        <UpdateEntry key={update.id} update={update} timeZone={timeZone} reportHref={reportHref} />
      ))}
    </ol>
  );
}
