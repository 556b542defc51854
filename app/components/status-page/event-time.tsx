// Every instant on the public page is shown in the page's time zone and in UTC, inside a
// <time data-local> that status-live.js rewrites to the reader's own zone when scripts run.
import { formatPageTime } from "~/modules/status-page/page-time.ts";

export function EventTime({ at, timeZone, className }: { at: Date; timeZone: string; className?: string }) {
  return (
    <time dateTime={at.toISOString()} data-local="" className={className}>
      {formatPageTime(at, timeZone)}
    </time>
  );
}
