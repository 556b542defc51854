// The numbers a leadership meeting starts with: each with its trend against the period before
// (in words) and a link to the incidents behind it.
import type { ReactNode } from "react";
import { SEVERITIES } from "~/modules/incidents/lifecycle.ts";
import { MEASURES } from "~/modules/insights/model.ts";
import type { InsightsPageData } from "~/modules/insights/page-data.ts";
import { countTrend, duration, durationTrend, share, shareTrend } from "./format.ts";
import { FigureLink } from "./figure-link.tsx";

const MEASURE_TITLES = {
  detect: "Median time to detect",
  acknowledge: "Median time to acknowledge",
  mitigate: "Median time to mitigate",
  resolve: "Median time to resolve",
};

function Card({ title, value, trend, children }: { title: string; value: ReactNode; trend: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-300 bg-white p-3" data-testid="headline">
      <dt className="text-sm text-slate-700">{title}</dt>
      <dd className="mt-1">
        <span className="text-2xl">{value}</span>
        <span className="mt-1 block text-sm text-slate-800">{trend}</span>
        {children ? <span className="mt-1 block text-xs text-slate-700">{children}</span> : null}
      </dd>
    </div>
  );
}

export function Headline({ data }: { data: InsightsPageData }) {
  const { counts, timeTo, comms, actionItems } = data;
  const kept = comms.promises;
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Headline numbers">
      <Card
        title="Incidents"
        value={<FigureLink figure={counts}>{counts.count}</FigureLink>}
        trend={countTrend(counts.count, counts.previous.count)}
      >
        {SEVERITIES.map((s, i) => (
          <span key={s}>
            {i > 0 ? " · " : ""}
            {s} <FigureLink figure={counts.bySeverity[s]}>{counts.bySeverity[s].count}</FigureLink>
          </span>
        ))}
      </Card>
      {MEASURES.map((m) => (
        <Card
          key={m}
          title={MEASURE_TITLES[m]}
          value={<FigureLink figure={timeTo[m]}>{duration(timeTo[m].median)}</FigureLink>}
          trend={durationTrend(timeTo[m].median, timeTo.previous[m].median)}
        >
          p90 {duration(timeTo[m].p90)} · mean {duration(timeTo[m].mean)} · {timeTo[m].count} incidents
        </Card>
      ))}
      <Card
        title="Median time to first public update"
        value={<FigureLink figure={comms.firstUpdate}>{duration(comms.firstUpdate.median)}</FigureLink>}
        trend={durationTrend(comms.firstUpdate.median, comms.previousFirstUpdate.median)}
      >
        {comms.firstUpdate.count} incidents with a published update
      </Card>
      <Card
        title="Promised updates kept"
        value={<FigureLink figure={kept}>{share(kept.keptShare)}</FigureLink>}
        trend={shareTrend(kept.keptShare, data.comms.previousPromises.keptShare)}
      >
        {kept.kept} kept, {kept.missed} missed{kept.pending ? `, ${kept.pending} still ahead` : ""}
      </Card>
      <Card
        title="Action items open past due"
        value={<FigureLink figure={actionItems.overdue}>{actionItems.overdue.count}</FigureLink>}
        trend="Now, whenever they were opened"
      >
        Median time to close: {duration(actionItems.timeToClose.median)} ({actionItems.timeToClose.count} closed in the range)
      </Card>
    </dl>
  );
}
