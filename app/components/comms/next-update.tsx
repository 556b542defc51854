// The promised next public update: a countdown while there is time, "overdue" once missed.
import { useEffect, useState } from "react";
import { useReaderZone } from "~/components/ui/time.tsx";
import { formatDuration, inUtc, readerTime } from "~/utils/time.ts";

function useNow(everyMs = 1000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

export function NextUpdateDue({ dueAt, compact = false }: { dueAt: string | null; timeZone?: string; compact?: boolean }) {
  const now = useNow();
  const timeZone = useReaderZone();
  if (!dueAt) return null;
  const left = new Date(dueAt).getTime() - now;
  const overdue = left < 0;
  const at = `${readerTime(dueAt, timeZone, "HH:mm").text} (${inUtc(dueAt, "HH:mm")})`;
  return (
    <p
      role="status"
      data-testid="next-update"
      className={`inline-flex items-center gap-2 rounded-md px-2 py-1 text-sm font-medium ${overdue ? "bg-red-700 text-white" : "bg-slate-100 text-slate-800"}`}
      suppressHydrationWarning
    >
      {overdue ? (
        <span suppressHydrationWarning>
          Public update overdue by {formatDuration(-left)}
          {compact ? "" : `, promised for ${at}`}
        </span>
      ) : (
        <span suppressHydrationWarning>
          Next public update due in {formatDuration(left)}
          {compact ? "" : `, at ${at}`}
        </span>
      )}
    </p>
  );
}
