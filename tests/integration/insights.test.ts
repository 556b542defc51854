// The insights through the JSON API, the CSV and the pages, on each database: incidents built
// through the API with chosen milestones in a stretch of the past the demo does not reach, and
// every figure checked against values worked out here from those times.
// (The arithmetic and the incidents' plans: insights.figures.ts.)
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, format, startOfDay, startOfMonth } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { buildIncident, DAY, MINUTE, summary, type Incident, type Plan } from "./insights.figures.ts";

describe.each(databases())("insights on %s", (database) => {
  let app: TestApp;
  let timeZone: string;
  let messages: string;
  // A stretch the demo (its incidents are all in the last 90 days) does not reach.
  const now = Date.now();
  const to = new Date(Math.floor((now - 100 * DAY) / MINUTE) * MINUTE);
  const from = new Date(to.getTime() - 100 * DAY);
  const range = `from=${from.toISOString()}&to=${to.toISOString()}`;
  const plans: Record<string, Plan> = {
    outage: { severity: "SEV1", start: new Date(to.getTime() - 3 * DAY - 7 * 60 * MINUTE), detect: 4, ack: 10, mitigate: 60, resolve: 120 },
    slow: { severity: "SEV2", start: new Date(from.getTime() + 10 * DAY), detect: 1, ack: 3, mitigate: 30, resolve: 45 },
    open: { severity: "SEV2", start: new Date(from.getTime() + 40 * DAY), detect: 10, ack: 25, mitigate: null, resolve: null },
    quiet: { severity: "SEV3", start: new Date(from.getTime() + 70 * DAY), detect: 0, ack: 2, mitigate: 20, resolve: 90 },
    before: { severity: "SEV1", start: new Date(from.getTime() - 30 * DAY), detect: 15, ack: 20, mitigate: 100, resolve: 200 },
  };
  const made: Record<string, Incident> = {};
  let firstUpdateSeconds = 0;

  const build = (plan: Plan) => buildIncident(app, plan);

  function outageMonth() {
    const monthStart = startOfMonth(new TZDate(plans.outage.start.getTime(), timeZone));
    const monthEnd = Math.min(addMonths(monthStart, 1).getTime(), to.getTime());
    const outageEnd = plans.outage.start.getTime() + plans.outage.resolve! * MINUTE;
    return {
      month: `${monthStart.getFullYear()}-${String(monthStart.getMonth() + 1).padStart(2, "0")}`,
      inMonth: (Math.min(outageEnd, monthEnd) - plans.outage.start.getTime()) / MINUTE,
      observedMonth: (monthEnd - monthStart.getTime()) / MINUTE,
      complete: addMonths(monthStart, 1).getTime() <= to.getTime(),
    };
  }

  async function insights(query: string) {
    const response = await app.api.get(`/api/v1/insights?${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }

  beforeAll(async () => {
    app = await startApp({ database });
    [{ timeZone }] = await app.db.rows<{ timeZone: string }>(`SELECT "timeZone" FROM "Organization"`);
    const { components } = (await app.api.get("/api/v1/components")).body;
    messages = components.find((c: { name: string; group: boolean }) => c.name === "Messages" && !c.group).id;
    plans.outage.components = [{ id: messages, impact: "major_outage" }];
    for (const [name, plan] of Object.entries(plans)) made[name] = await build(plan);

    // Two public updates on the SEV2: the first promises the next in 30 minutes, which comes at once.
    for (const body of [{ status: "identified", nextUpdateInMinutes: 30 }, { status: "resolved" }]) {
      const update = await app.api.post(`/api/v1/incidents/${made.slow.id}/updates`, { publish: true, ...body });
      expect(update.status, JSON.stringify(update.body)).toBe(201);
    }
    const { updates } = (await app.api.get(`/api/v1/incidents/${made.slow.id}/updates`)).body;
    const first = Math.min(...updates.map((u: { publishedAt: string }) => Date.parse(u.publishedAt)));
    firstUpdateSeconds = (first - plans.slow.start.getTime()) / 1000;

    // The outage's post-mortem: one action item overdue, one done.
    const postmortem = await app.api.post(`/api/v1/incidents/${made.outage.id}/postmortem`);
    expect(postmortem.status, JSON.stringify(postmortem.body)).toBe(201);
    const add = async (body: Record<string, unknown>) =>
      (await app.api.post(`/api/v1/postmortems/${postmortem.body.postmortem.id}/action-items`, body)).body.actionItem;
    await add({ title: "Canary the router config", kind: "prevent", dueAt: new Date(now - 2 * DAY).toISOString().slice(0, 10) });
    const done = await add({ title: "Page the API owner", kind: "process" });
    expect((await app.api.patch(`/api/v1/action-items/${done.id}`, { state: "done" })).status).toBe(200);
  });
  afterAll(() => app?.stop());

  it("gives time to detect, acknowledge, mitigate and resolve overall and by severity, with the incidents behind each", async () => {
    const body = await insights(range);
    const ranged = ["outage", "slow", "open", "quiet"].map((n) => plans[n]);
    const minutes = {
      detect: ranged.map((p) => p.detect),
      acknowledge: ranged.filter((p) => p.ack !== null).map((p) => p.ack! - p.detect),
      mitigate: ranged.filter((p) => p.mitigate !== null).map((p) => p.mitigate!),
      resolve: ranged.filter((p) => p.resolve !== null).map((p) => p.resolve!),
    };
    for (const measure of ["detect", "acknowledge", "mitigate", "resolve"] as const) {
      expect(body.timeTo[measure], measure).toMatchObject(summary(minutes[measure]));
    }
    expect(body.timeTo.resolve.incidentIds.sort()).toEqual([made.outage.id, made.slow.id, made.quiet.id].sort());
    expect(body.timeTo.bySeverity.SEV2.detect).toMatchObject({
      ...summary([1, 10]),
      incidentIds: expect.arrayContaining([made.slow.id, made.open.id]),
    });
    expect(body.timeTo.bySeverity.SEV1.resolve).toMatchObject({ ...summary([120]), incidentIds: [made.outage.id] });
    expect(body.timeTo.bySeverity.SEV4.resolve).toMatchObject({ count: 0, median: null, mean: null, p90: null });
    expect(body.timeTo.previous.resolve).toMatchObject({ ...summary([200]), incidentIds: [made.before.id] });
    // Every id a figure names comes with its reference.
    expect(body.incidents[made.outage.id]).toMatchObject({ ref: made.outage.ref, severity: "SEV1" });
    expect(body.counts).toMatchObject({
      count: 4,
      bySeverity: { SEV1: { count: 1 }, SEV2: { count: 2 }, SEV3: { count: 1 }, SEV4: { count: 0 } },
      previous: { count: 1 },
    });
    expect(body.incidentsPerWeek.reduce((sum: number, w: { total: number }) => sum + w.total, 0)).toBe(4);
  });

  it("gives uptime from the impact windows, weighted as the status page does, and the months that missed the SLA", async () => {
    const body = await insights(`${range}&sla=99.95`);
    const [org] = await app.db.rows<{ uptimePartialWeight: number }>(`SELECT "uptimePartialWeight" FROM "Organization"`);
    expect(body.uptime.weights.partialOutage).toBeCloseTo(Number(org.uptimePartialWeight));
    const component = body.uptime.components.find((c: { id: string }) => c.id === messages);
    // The outage's window runs from its start to its resolution, as the incident does (it used to
    // stay open past the range's end: resolving closed it at the moment of the request, not at Resolved).
    const major = plans.outage.resolve!;
    const lastDay = startOfDay(new TZDate(to.getTime() - 1, timeZone));
    const observed30 = (to.getTime() - addDays(lastDay, -29).getTime()) / MINUTE;
    expect(component.last30).toMatchObject({
      days: 30,
      minutes: { major_outage: major, partial_outage: 0, degraded_performance: 0 },
      incidentIds: [made.outage.id],
    });
    expect(component.last30.observedMinutes).toBeCloseTo(observed30, 3);
    expect(component.last30.percent).toBeCloseTo(100 * (1 - major / observed30), 4);

    expect(body.sla).toMatchObject({ target: 99.95, source: "query", perComponentTargets: false });
    const { month, inMonth, observedMonth, complete } = outageMonth();
    const missed = body.sla.missed.find((m: { componentId: string; month: string }) => m.componentId === messages && m.month === month);
    expect(missed).toMatchObject({ met: false, complete, incidentIds: [made.outage.id] });
    expect(missed.excessMinutes).toBeCloseTo(inMonth - observedMonth * 0.0005, 2);
    // Nothing else in the catalog was hit in this stretch.
    expect(
      body.sla.missed.every(
        (m: { componentId: string }) =>
          m.componentId === messages || body.uptime.components.find((c: { id: string }) => c.id === m.componentId)?.isGroup,
      ),
    ).toBe(true);
  });

  it("holds each component to the SLA target an admin set for it in the catalog; sla= is a what-if for all", async () => {
    const refused = await app.api.patch(`/api/v1/components/${messages}`, { slaTarget: 100 });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields.slaTarget).toMatch(/below 100/);
    const set = await app.api.patch(`/api/v1/components/${messages}`, { slaTarget: 99 });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.component.slaTarget).toBe(99);
    try {
      const body = await insights(range);
      const component = body.uptime.components.find((c: { id: string }) => c.id === messages);
      expect(component.slaTarget).toBe(99);
      expect(body.sla).toMatchObject({ target: 99.9, source: "default", perComponentTargets: true });
      expect(
        body.uptime.components.filter((c: { id: string }) => c.id !== messages).every((c: { slaTarget: number }) => c.slaTarget === 99.9),
      ).toBe(true);
      // The month the outage fell in, against 99%: allowed 1% of the minutes observed.
      const { month, inMonth, observedMonth } = outageMonth();
      const figures = component.months.find((m: { month: string }) => m.month === month);
      expect(figures.allowedMinutes).toBeCloseTo(observedMonth * 0.01, 2);
      expect(figures.met).toBe(inMonth <= observedMonth * 0.01);
      expect(figures.excessMinutes).toBeCloseTo(Math.max(0, inMonth - observedMonth * 0.01), 2);
      const missed = body.sla.missed.find((m: { componentId: string; month: string }) => m.componentId === messages && m.month === month);
      if (!figures.met) expect(missed.target).toBe(99);

      // One target for all, as asked: Messages' own is set aside.
      const whatIf = await insights(`${range}&sla=99.95`);
      expect(whatIf.uptime.components.find((c: { id: string }) => c.id === messages).slaTarget).toBe(99.95);
      expect(whatIf.sla.perComponentTargets).toBe(false);
    } finally {
      expect((await app.api.patch(`/api/v1/components/${messages}`, { slaTarget: null })).body.component.slaTarget).toBeNull();
    }
  });

  it("gives the comms and action-item figures", async () => {
    const body = await insights(range);
    expect(body.comms.firstUpdate).toMatchObject({ count: 1, median: firstUpdateSeconds, incidentIds: [made.slow.id] });
    expect(body.comms.promises).toMatchObject({ promised: 1, kept: 1, missed: 0, pending: 0, keptShare: 1, incidentIds: [made.slow.id] });
    // Open past due is counted now, whatever the range.
    expect(body.actionItems.overdue).toMatchObject({
      count: 1,
      incidentIds: [made.outage.id],
      items: [{ title: "Canary the router config", state: "open" }],
    });

    const recent = await insights("");
    const thisMonth = recent.actionItems.byMonth[recent.actionItems.byMonth.length - 1];
    // Beside the two here, the demo outage's post-mortem has action items of its own, opened and one closed weeks ago.
    const demo = (await app.api.get("/api/v1/incidents/INC-3/postmortem")).body.postmortem;
    const monthOf = (iso: string) => format(new TZDate(Date.parse(iso), timeZone), "yyyy-MM");
    const demoOpened = demo.actionItems.filter((a: { createdAt: string }) => monthOf(a.createdAt) === thisMonth.month).length;
    type Closed = { closedAt: string | null };
    const demoClosed = demo.actionItems.filter((a: Closed) => a.closedAt && monthOf(a.closedAt) === thisMonth.month).length;
    const demoIds = (n: number) => (n ? [demo.incident.id] : []);
    expect(thisMonth.opened).toMatchObject({ count: 2 + demoOpened });
    expect(thisMonth.opened.incidentIds.sort()).toEqual([made.outage.id, ...demoIds(demoOpened)].sort());
    expect(thisMonth.closed).toMatchObject({ count: 1 + demoClosed });
    expect(thisMonth.closed.incidentIds.sort()).toEqual([made.outage.id, ...demoIds(demoClosed)].sort());
    const from = Date.parse(recent.range.from);
    const closedInRange = demo.actionItems.filter((a: Closed) => a.closedAt && Date.parse(a.closedAt) >= from).length;
    expect(closedInRange).toBeGreaterThan(0);
    expect(recent.actionItems.timeToClose.count).toBe(1 + closedInRange);
    // The demo's five incidents are the last 90 days.
    expect(recent.counts.count).toBe(5);
  });

  it("filters by severity and by component", async () => {
    const sev2 = await insights(`${range}&severity=SEV2`);
    expect(sev2.counts.incidentIds.sort()).toEqual([made.slow.id, made.open.id].sort());
    expect(sev2.actionItems.overdue.count).toBe(0);
    const onMessages = await insights(`${range}&component=${messages}`);
    expect(onMessages.counts.incidentIds).toEqual([made.outage.id]);
    expect(onMessages.uptime.components.map((c: { id: string }) => c.id)).toEqual([messages]);
  });

  it("refuses a bad query with a 400 naming the field", async () => {
    for (const [query, field] of [
      ["from=yesterday", "from"],
      [`from=${to.toISOString()}&to=${from.toISOString()}`, "from"],
      ["severity=SEV9", "severity"],
      ["sla=100", "sla"],
      ["component=nosuchthing", "component"],
    ]) {
      const response = await app.api.get(`/api/v1/insights?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error).toMatchObject({ code: "bad_request", fields: { [field]: expect.any(String) } });
    }
  });

  it("downloads one CSV row per incident with its times, and the uptime per component", async () => {
    const response = await app.api.get(`/insights.csv?${range}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="insights-incidents-/);
    const [header, ...lines] = (response.body as string).trimEnd().split("\r\n");
    const columns = header.split(",");
    const rows = lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [columns[i], cell])));
    expect(rows.map((r) => r.ref).sort()).toEqual(["outage", "slow", "open", "quiet"].map((n) => made[n].ref).sort());
    const outage = rows.find((r) => r.ref === made.outage.ref)!;
    expect(outage).toMatchObject({
      severity: "SEV1",
      status: "resolved",
      started_at: plans.outage.start.toISOString(),
      time_to_detect_s: "240",
      time_to_acknowledge_s: "360",
      time_to_mitigate_s: "3600",
      time_to_resolve_s: "7200",
      components: "Messages",
    });
    expect(rows.find((r) => r.ref === made.open.ref)).toMatchObject({ resolved_at: "", time_to_resolve_s: "" });

    const uptime = await app.api.get(`/insights.csv?${range}&table=uptime`);
    const uptimeLines = (uptime.body as string).trimEnd().split("\r\n");
    expect(uptimeLines[0]).toMatch(/^component,component_id,group,period,days,complete,uptime_percent,/);
    expect(uptimeLines.filter((l) => l.includes(`,${messages},`) && l.includes(",last_30_days,"))).toHaveLength(1);
    expect((await app.api.get(`/insights.csv?table=pie`)).status).toBe(400);
  });

  it("serves the page and the list of incidents behind a figure", async () => {
    const page = await app.api.get(`/insights?${range}`, { accept: "text/html" });
    expect(page.status).toBe(200);
    expect(page.body).toContain("Download CSV: incidents");
    expect(page.body).toContain(`figure=timeTo.resolve.SEV1`);
    const list = await app.api.get(`/insights/incidents?${range}&figure=timeTo.resolve`, { accept: "text/html" });
    expect(list.status).toBe(200);
    for (const name of ["outage", "slow", "quiet"]) expect(list.body).toContain(made[name].ref);
    expect(list.body).not.toContain(`>${made.open.ref}<`);
    expect((await app.api.get(`/insights/incidents?${range}&figure=nothing.here`, { accept: "text/html" })).status).toBe(404);
    // The page names a filter it cannot use and shows the figures without it.
    const bad = await app.api.get(`/insights?from=yesterday&severity=SEV1`, { accept: "text/html" });
    expect(bad.status).toBe(200);
    expect(bad.body).toContain("must be a day (2026-11-01) or an ISO-8601 time");
    expect(bad.body).toContain("SEV1 only");
  });
});
