// How the bars and the percentages are worked out, in plain words, with this page's own weights
// and each component's figure over the same 90 days, with every day that had something on it
// (what the bars' hover titles say, here as text and links: the bars on /status link here).
import type { PublicPage } from "~/modules/status-page/model.ts";
import { formatUptime, uptimeDays, uptimePercent, type UptimeDay } from "~/modules/status-page/uptime.ts";
import { dayLabel, formatMinutes, troubleOf } from "~/modules/status-page/uptime-strip.ts";
import { StatusLabel, statusBarClass } from "~/components/status-page/status-look.tsx";

function NotableDays({ page, days }: { page: PublicPage; days: UptimeDay[] }) {
  const notable = days.filter((d) => troubleOf(d).length > 0 || d.incidents.length > 0).reverse();
  if (notable.length === 0) return <span className="text-slate-500">None</span>;
  return (
    <ul className="space-y-1">
      {notable.map((day) => (
        <li key={day.date}>
          <span className="font-medium">{dayLabel(day.date)}</span>:{" "}
          {troubleOf(day)
            .map((t) => `${t.label} ${formatMinutes(t.minutes)}`)
            .join(", ") || "No downtime recorded"}
          {day.incidents.map((incident) => (
            <span key={incident.id}>
              {" · "}
              <a href={`${page.page.url}/incidents/${incident.id}`} className="underline">
                {incident.name}
              </a>
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

function share(weight: number): string {
  return `${Math.round(weight * 100)}%`;
}

export function UptimeMethod({ page, days = 90 }: { page: PublicPage; days?: number }) {
  const { partialOutage, degradedPerformance } = page.weights;
  const shown = page.components.filter((c) => !c.isGroup);
  const byId = new Map(page.components.map((c) => [c.id, c]));
  return (
    <article className="space-y-6">
      <p className="text-sm print:hidden">
        <a href={page.page.url}>← Current status</a>
      </p>
      <h1 className="text-2xl font-bold tracking-tight">How uptime is computed</h1>
      <div className="space-y-4 leading-relaxed text-slate-800 print:text-black">
        <p>
          Each component shows one bar for each of the last {days} days, counted in the page's time zone ({page.page.timeZone}). A bar takes
          the colour of the worst state the component was in at any moment that day, however briefly. A grey bar means we have no data for
          that day, for example because the component did not exist yet.
        </p>
        <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm [print-color-adjust:exact]">
          {(["operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"] as const).map((status) => (
            <li key={status} className="flex items-center gap-2">
              <span aria-hidden="true" className={`inline-block h-4 w-2 rounded-sm ${statusBarClass(status)}`} />
              <StatusLabel status={status} />
            </li>
          ))}
          <li className="flex items-center gap-2 text-sm font-medium text-slate-600">
            <span aria-hidden="true" className={`inline-block h-4 w-2 rounded-sm ${statusBarClass(null)}`} />
            No data
          </li>
        </ul>
        <p>The percentage beside the bars counts minutes, not days:</p>
        <p className="overflow-x-auto rounded-md border border-slate-200 bg-white px-4 py-3 text-center font-mono text-sm print:border-black">
          uptime = 1 − (major outage + partial outage × {partialOutage} + degraded performance × {degradedPerformance}) ÷ observed minutes
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>A minute of major outage counts as a full minute of downtime.</li>
          <li>
            A minute of partial outage counts as {share(partialOutage)} of a minute of downtime (weight {partialOutage}).
          </li>
          <li>
            {degradedPerformance === 0
              ? "A minute of degraded performance does not count as downtime (weight 0)."
              : `A minute of degraded performance counts as ${share(degradedPerformance)} of a minute of downtime (weight ${degradedPerformance}).`}
          </li>
          <li>Scheduled maintenance is never counted as downtime.</li>
          <li>Observed minutes are every minute of the shown days on which the component existed, up to now.</li>
          <li>For a group, each minute counts as the worst state of any of its members at that minute.</li>
        </ul>
      </div>
      <section aria-labelledby="uptime-table-heading">
        <h2 id="uptime-table-heading" className="text-lg font-semibold">
          Uptime over the last {days} days
        </h2>
        <table className="mt-2 w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm shadow-sm print:shadow-none">
          <thead className="bg-slate-50 text-left text-slate-600 print:text-black">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                Component
              </th>
              <th scope="col" className="px-4 py-2 text-right font-medium">
                Uptime
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Days with downtime, maintenance or an incident
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((component) => {
              const group = component.groupId ? byId.get(component.groupId) : undefined;
              const history = uptimeDays(page, component.id, days);
              return (
                <tr key={component.id} id={`c-${component.id}`} className="align-top target:bg-amber-50">
                  <td className="px-4 py-2">{group ? `${group.name} – ${component.name}` : component.name}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatUptime(uptimePercent(history, page.weights))}</td>
                  <td className="px-4 py-2">
                    <NotableDays page={page} days={history} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </article>
  );
}
