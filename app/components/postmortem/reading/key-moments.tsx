// The key moments of the incident: milestones and each customer update, in the reader's time
// zone with UTC beside it (one column only when the reader's zone showed UTC's time).
import { Time } from "~/components/ui/time.tsx";
import type { KeyMoment } from "~/modules/postmortems/headline.ts";
import { showsLocalTime } from "~/modules/postmortems/reading.ts";
import { inZone } from "~/utils/time.ts";

const CELL = "px-3 py-2 align-top";

export function KeyMomentsTable({ moments, timeZone }: { moments: KeyMoment[]; timeZone: string }) {
  const local = showsLocalTime(
    moments.map((m) => m.at),
    timeZone,
  );
  return (
    <section aria-labelledby="moments-heading" className="mb-8">
      <h2 id="moments-heading" className="pm-h2 mb-3 text-xl font-semibold">
        Key moments
      </h2>
      {moments.length === 0 ? (
        <p className="text-slate-700">No milestone recorded.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white print:overflow-visible">
          <table className="pm-stack w-full text-left text-sm">
            <thead className="border-b border-slate-300 bg-slate-100 text-slate-700">
              <tr>
                {local ? (
                  <th scope="col" className={CELL}>
                    Your time <span className="font-normal">({timeZone})</span>
                  </th>
                ) : null}
                <th scope="col" className={CELL}>
                  UTC
                </th>
                <th scope="col" className={CELL}>
                  Moment
                </th>
                <th scope="col" className={CELL}>
                  What happened
                </th>
              </tr>
            </thead>
            <tbody>
              {moments.map((m, i) => (
                <tr key={i} className="border-b border-slate-200 last:border-0" data-testid="key-moment">
                  {local ? (
                    <td className={`${CELL} pm-inline whitespace-nowrap tabular-nums`}>
                      <Time at={m.at} />
                    </td>
                  ) : null}
                  <td className={`${CELL} pm-inline whitespace-nowrap tabular-nums ${local ? "text-slate-700" : ""}`}>
                    <time dateTime={m.at}>{inZone(m.at, "UTC", "d MMM HH:mm")}</time>
                    <span className="text-xs text-slate-600 sm:hidden"> UTC</span>
                  </td>
                  <th scope="row" className={`${CELL} pm-inline whitespace-nowrap font-medium`}>
                    {m.label}
                  </th>
                  <td className={`${CELL} min-w-[16rem]`}>{m.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
