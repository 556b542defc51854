// The numbers leadership asks for first, each worked out from the incident's data when the
// page is read (headline.ts): how long, how bad for customers, how fast we responded, what
// was affected, and whether customers were told what we promised.
import type { ReactNode } from "react";
import { IMPACT_LABELS } from "~/modules/incidents/lifecycle.ts";
import { durationText, type HeadlineNumbers } from "~/modules/postmortems/headline.ts";
import { IMPACT_ORDER } from "~/modules/postmortems/metrics.ts";
import { promisesText } from "~/modules/postmortems/reading.ts";
import { formatDuration } from "~/utils/time.ts";

function Figure({ label, value, children, testId }: { label: string; value: ReactNode; children?: ReactNode; testId?: string }) {
  return (
    <div className="pm-keep pm-figure rounded-lg border border-slate-300 bg-white p-3" data-testid={testId}>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-2xl font-semibold tabular-nums text-slate-950">{value}</dd>
      {children ? <dd className="mt-1 text-sm text-slate-700">{children}</dd> : null}
    </div>
  );
}

export function HeadlineNumbersPanel({ numbers: n }: { numbers: HeadlineNumbers }) {
  const levels = IMPACT_ORDER.filter((level) => n.customerFacing.byLevel[level] > 0);
  return (
    <section aria-labelledby="numbers-heading" className="mb-8">
      <h2 id="numbers-heading" className="pm-h2 mb-3 text-xl font-semibold">
        Headline numbers
      </h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4 print:grid-cols-4 print:gap-2">
        <Figure label="Duration" value={durationText(n.duration, "still open")} testId="duration">
          start to resolution
        </Figure>
        <Figure label="Customer-facing time" value={formatDuration(n.customerFacing.total)} testId="customer-facing">
          {levels.length ? (
            <ul>
              {levels.map((level) => (
                <li key={level}>
                  <span className="tabular-nums">{formatDuration(n.customerFacing.byLevel[level])}</span>{" "}
                  {IMPACT_LABELS[level].toLowerCase()}
                </li>
              ))}
            </ul>
          ) : (
            "no component impact recorded"
          )}
        </Figure>
        <Figure label="Customer updates" value={n.updates.published} testId="customer-updates">
          {promisesText(n.updates)}
        </Figure>
        <Figure label="Components affected" value={n.components.length} testId="components-affected">
          {n.regions.length ? `in ${n.regions.length} ${n.regions.length === 1 ? "region" : "regions"}` : "no region recorded"}
        </Figure>
        <Figure label="Time to detect" value={durationText(n.timeTo.detect)} testId="time-to-detect">
          start to detection
        </Figure>
        <Figure label="Time to acknowledge" value={durationText(n.timeTo.acknowledge)} testId="time-to-acknowledge">
          detection to acknowledgement
        </Figure>
        <Figure label="Time to mitigate" value={durationText(n.timeTo.mitigate)} testId="time-to-mitigate">
          start to mitigation
        </Figure>
        <Figure label="Time to resolve" value={durationText(n.timeTo.resolve)} testId="time-to-resolve">
          start to resolution
        </Figure>
      </dl>
      <dl className="pm-keep mt-3 grid gap-3 rounded-lg border border-slate-300 bg-white p-3 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-600">Components</dt>
        <dd>
          {n.components.length
            ? n.components.map((c, i) => (
                <span key={c.name}>
                  {i ? ", " : ""}
                  <span className="font-medium">{c.name}</span>{" "}
                  <span className="text-slate-600">({IMPACT_LABELS[c.worst].toLowerCase()} at worst)</span>
                </span>
              ))
            : "none recorded"}
        </dd>
        <dt className="font-medium text-slate-600">Regions</dt>
        <dd>{n.regions.length ? n.regions.join(", ") : "none recorded"}</dd>
      </dl>
    </section>
  );
}
