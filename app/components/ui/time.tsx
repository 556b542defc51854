// The one way a signed-in page shows an instant: in the reader's zone with its abbreviation
// ("10:25 PST"), the UTC time on hover (decision 0040). The zone comes from the root loader
// through ReaderZone, so no route fetches it for itself.
import { createContext, useContext } from "react";
import { DEFAULT_TIME_ZONE } from "~/utils/time-zones.ts";
import { readerTime } from "~/utils/time.ts";

const ReaderZone = createContext<string>(DEFAULT_TIME_ZONE);

export const ReaderZoneProvider = ReaderZone.Provider;

/** The signed-in reader's time zone (UTC for anyone else). */
export function useReaderZone(): string {
  return useContext(ReaderZone);
}

type TimeProps = {
  at: string | Date;
  /** a date-fns pattern; the zone's abbreviation follows it unless `dateOnly` */
  format?: string;
  dateOnly?: boolean;
  className?: string;
};

export function Time({ at, format = "d MMM HH:mm", dateOnly = false, className }: TimeProps) {
  const zone = useReaderZone();
  const t = readerTime(at, zone, format, { zone: !dateOnly });
  return (
    <time dateTime={t.dateTime} title={t.title} className={className}>
      {t.text}
    </time>
  );
}
