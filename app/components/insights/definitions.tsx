// The definitions behind the figures, on the page itself (docs/insights.md has the long form).
export function Definitions() {
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm text-slate-800 md:grid-cols-2 [&_dt]:font-semibold">
      <div>
        <dt>Which incidents</dt>
        <dd>
          Those that started in the range (in the organisation's time zone), with the chosen severity and affecting the chosen component.
        </dd>
      </div>
      <div>
        <dt>Time to detect, acknowledge, mitigate, resolve</dt>
        <dd>
          Detected − started, acknowledged − detected, mitigated − started, resolved − started; an incident counts for a measure once it
          reached that milestone.
        </dd>
      </div>
      <div>
        <dt>Median, p90, mean</dt>
        <dd>
          The median is the middle value (the mean of the two middle ones for an even count); p90 is the time 90% of incidents were at or
          under (nearest rank).
        </dd>
      </div>
      <div>
        <dt>Trend</dt>
        <dd>Each headline number against the same length of time just before the range, with the same filters.</dd>
      </div>
      <div>
        <dt>Uptime</dt>
        <dd>
          From the incidents' impact windows, per calendar day, weighted as on the public status page (Admin → Settings); a group is as bad
          as its worst member. With a severity filter only that severity's incidents count.
        </dd>
      </div>
      <div>
        <dt>SLA</dt>
        <dd>
          Each calendar month's uptime against the target; missed by = weighted downtime minus what the target allows over the minutes
          observed.
        </dd>
      </div>
      <div>
        <dt>Action items</dt>
        <dd>
          Opened by creation date, closed (done or won't do) by closing date; open past due is counted now; time to close runs from creation
          to closing.
        </dd>
      </div>
      <div>
        <dt>Post-mortems owed</dt>
        <dd>
          Resolved incidents without a published post-mortem, of the severities Admin → Settings gives a deadline (days after the
          resolution); counted now, whenever they started; overdue once the deadline has passed.
        </dd>
      </div>
      <div>
        <dt>Communication</dt>
        <dd>
          First public update: its publishing time − started. A promise is kept when the next update came by the time promised; promises
          still ahead are left out.
        </dd>
      </div>
    </dl>
  );
}
