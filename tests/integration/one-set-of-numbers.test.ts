// One set of numbers (issue 14, item 4): an incident's milestones and its impact windows are
// corrected in every order, and after each step every place that shows a duration says the same
// thing as the incident itself: the post-mortem's live numbers (the Markdown export) and its
// generated text, the public root-cause report's draft, the insights (JSON and CSV row), the
// incident API and the update templates' `elapsed`. The expected numbers are worked out (in
// one-set-of-numbers.cases.ts) from the incident's own timestamps, minute by minute, not by the app's code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { durationInWords, IMPACT_PHRASES } from "~/modules/notices/grammar.ts";
import { formatDuration } from "~/utils/time.ts";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import {
  BASE,
  DAY,
  expectedNumbers,
  LABEL,
  type Level,
  LEVELS,
  MINUTE,
  SCENARIOS,
  type State,
  type Step,
} from "./one-set-of-numbers.cases.ts";

describe.each(databases())("one set of numbers on %s", (database) => {
  let app: TestApp;
  const ids: Record<"A" | "B" | "C", string> = { A: "", B: "", C: "" };
  const names: Record<"A" | "B" | "C", string> = { A: "Embeddings", B: "Developer docs", C: "IDE extensions" };
  let replays = 0;

  beforeAll(async () => {
    app = await startApp({ database });
    const { components } = (await app.api.get("/api/v1/components")).body;
    for (const key of ["A", "B", "C"] as const)
      ids[key] = components.find((c: { name: string; group: boolean }) => c.name === names[key] && !c.group).id;
    // The update templates' duration, alone, so the check reads it whatever the shipped wording.
    expect(
      (
        await app.api.raw("PUT", "/api/v1/templates/update.resolved", JSON.stringify({ source: "Lasted {{ elapsed }}." }), {
          "content-type": "application/json",
        })
      ).status,
    ).toBe(200);
  });
  afterAll(() => app?.stop());

  /** A fresh SEV2 like BASE, declared at T (its own day, long before the demo's), resolved at T+30, with a public update. */
  async function declareBase() {
    replays += 1;
    const day = new Date(Date.now() - (150 + replays) * DAY);
    const T = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 10, 0);
    const at = (m: number) => new Date(T + m * MINUTE).toISOString();
    const declared = await app.api.post("/api/v1/incidents", {
      title: `Numbers check ${replays}`,
      severity: "SEV2",
      startedAt: at(0),
      detectedAt: at(3),
    });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    const id = declared.body.incident.id as string;
    const windows = BASE.windows.map((x) => ({
      componentId: ids[x.c],
      impact: x.level,
      startedAt: at(x.from),
      endedAt: x.to === BASE.resolved ? null : at(x.to),
    }));
    const put = await app.api.raw("PUT", `/api/v1/incidents/${id}/impact`, JSON.stringify({ windows }), {
      "content-type": "application/json",
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const published = await app.api.post(`/api/v1/incidents/${id}/updates`, {
      status: "investigating",
      body: "We are looking into it.",
      publish: true,
      notify: false,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const resolved = await app.api.patch(`/api/v1/incidents/${id}`, {
      status: "resolved",
      acknowledgedAt: at(5),
      mitigatedAt: at(20),
      resolvedAt: at(BASE.resolved),
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    return { id, ref: declared.body.incident.ref as string, T, at };
  }

  async function apply(incident: { id: string; at: (m: number) => string }, s: Step) {
    if (s.patch) {
      const patch = Object.fromEntries(Object.entries(s.patch).map(([k, v]) => [k, typeof v === "number" ? incident.at(v) : v]));
      const response = await app.api.patch(`/api/v1/incidents/${incident.id}`, patch);
      expect(response.status, `${s.label}: ${JSON.stringify(response.body)}`).toBe(200);
    }
    if (s.impact) {
      const windows = s.impact.map((x) => ({
        componentId: ids[x.c],
        impact: x.level,
        startedAt: incident.at(x.from),
        endedAt: incident.at(x.to),
      }));
      const response = await app.api.raw("PUT", `/api/v1/incidents/${incident.id}/impact`, JSON.stringify({ windows }), {
        "content-type": "application/json",
      });
      expect(response.status, `${s.label}: ${JSON.stringify(response.body)}`).toBe(200);
    }
  }

  /** Every artifact that shows a duration, read after the steps. */
  async function artifacts(incident: { id: string; ref: string }, T: number) {
    const view = (await app.api.get(`/api/v1/incidents/${incident.id}`)).body.incident;
    const generated = await app.api.post(`/api/v1/incidents/${incident.id}/postmortem`);
    expect(generated.status, JSON.stringify(generated.body)).toBe(201);
    const pmId = generated.body.postmortem.id as string;
    const rootCause = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "A cache node ran out of memory." }] }],
    };
    expect(
      (
        await app.api.raw("PUT", `/api/v1/postmortems/${pmId}/sections/root_cause`, JSON.stringify({ doc: rootCause }), {
          "content-type": "application/json",
        })
      ).status,
    ).toBe(200);
    const report = await app.api.post(`/api/v1/postmortems/${pmId}/public-report`);
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    const sections = (await app.api.get(`/api/v1/postmortems/${pmId}`)).body.postmortem.sections as { key: string; markdown: string }[];
    const exported = await app.api.get(`/postmortems/${pmId}.md`);
    expect(exported.status).toBe(200);
    const range = `from=${new Date(T - DAY / 2).toISOString()}&to=${new Date(T + DAY / 2).toISOString()}`;
    const insights = (await app.api.get(`/api/v1/insights?${range}`)).body;
    const csv = (await app.api.get(`/insights.csv?${range}`)).body as string;
    const template = await app.api.get(`/incidents/${incident.id}/comms/template?status=resolved`);
    expect(template.status, JSON.stringify(template.body)).toBe(200);
    const [header, ...lines] = csv
      .trim()
      .split("\r\n")
      .map((line) => line.split(","));
    const csvRow = lines.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]]))).find((r) => r.id === incident.id);
    return {
      view,
      impactSection: sections.find((s) => s.key === "impact")!.markdown,
      responseSection: sections.find((s) => s.key === "response")!.markdown,
      exported: exported.body as string,
      report: report.body.update.body as string,
      row: insights.incidentRows.find((r: { id: string }) => r.id === incident.id),
      csvRow,
      elapsed: template.body.body as string,
    };
  }

  function checkAgree(label: string, state: State, T: number, a: Awaited<ReturnType<typeof artifacts>>) {
    const at = (m: number) => new Date(T + m * MINUTE).toISOString();
    const n = expectedNumbers(state);
    const say = (what: string) => `${label}: ${what}`;

    // The incident API: the one set of timestamps.
    expect(a.view.startedAt, say("Started")).toBe(at(state.started));
    expect(a.view.resolvedAt, say("Resolved")).toBe(at(state.resolved));
    const windows = a.view.impactHistory
      .map((x: { id: string; impact: string; startedAt: string; endedAt: string }) => `${x.id} ${x.impact} ${x.startedAt}–${x.endedAt}`)
      .sort();
    expect(windows, say("impact windows")).toEqual(state.windows.map((x) => `${ids[x.c]} ${x.level} ${at(x.from)}–${at(x.to)}`).sort());

    // The post-mortem's live numbers (leadership page, Markdown export).
    const split = LEVELS.filter((l) => n.byLevel[l] > 0)
      .map((l) => `${formatDuration(n.byLevel[l])} ${LABEL[l]}`)
      .join(", ");
    expect(a.exported, say("export: duration")).toContain(`**Duration:** ${formatDuration(n.duration)}`);
    expect(a.exported, say("export: customer-facing")).toContain(`**Customer-facing time:** ${formatDuration(n.total)} (${split})`);
    expect(a.exported, say("export: time to resolve")).toContain(`**Time to resolve:** ${formatDuration(n.duration)}`);

    // The post-mortem's generated text.
    expect(a.impactSection, say("impact section: duration")).toContain(`**Duration:** ${formatDuration(n.duration)} from`);
    expect(a.impactSection, say("impact section: customer-facing")).toContain(
      `**Customer-facing time:** ${formatDuration(n.total)} (${split})`,
    );
    for (const x of state.windows) {
      const clock = (m: number) => new Date(T + m * MINUTE).toISOString().slice(11, 16);
      expect(a.impactSection, say(`impact section: ${x.c}'s window`)).toContain(
        `${LABEL[x.level]} ${clock(x.from)}–${clock(x.to)} UTC (${formatDuration((x.to - x.from) * MINUTE)})`,
      );
    }
    expect(a.responseSection, say("response section")).toContain(`**Time to resolve:** ${formatDuration(n.duration)}`);

    // The public root-cause report's draft: when customers were affected (the first window's start to the last
    // one's end), for how long, and each component's impacts in the order it had them, in words.
    const from = Math.min(...state.windows.map((x) => x.from));
    const to = Math.max(...state.windows.map((x) => x.to));
    const hhmm = (m: number) => new Date(T + m * MINUTE).toISOString().slice(11, 16);
    expect(a.report, say("report: period")).toMatch(
      new RegExp(`Between ${hhmm(from)} and ${hhmm(to)} UTC on \\d+ \\w+ \\(${durationInWords((to - from) * MINUTE)}\\), customers using `),
    );
    for (const c of ["A", "B", "C"] as const) {
      const spells: { level: Level; minutes: number }[] = [];
      for (const x of state.windows.filter((w) => w.c === c).sort((p, q) => p.from - q.from)) {
        const last = spells[spells.length - 1];
        if (last?.level === x.level) last.minutes += x.to - x.from;
        else spells.push({ level: x.level, minutes: x.to - x.from });
      }
      if (!spells.length) continue;
      const detail = spells.map((p) => `${IMPACT_PHRASES[p.level]} for ${durationInWords(p.minutes * MINUTE)}`).join(", then ");
      expect(a.report, say(`report: ${c}'s impacts`)).toContain(`${names[c]} had ${detail}.`);
    }

    // The insights, JSON and CSV.
    const seconds = (ms: number) => ms / 1000;
    expect(a.row, say("insights row")).toMatchObject({
      startedAt: at(state.started),
      resolvedAt: at(state.resolved),
      timeTo: { resolve: seconds(n.duration) },
      customerFacing: { total: seconds(n.total), ...Object.fromEntries(LEVELS.map((l) => [l, seconds(n.byLevel[l])])) },
    });
    expect(a.row.components.sort(), say("insights components")).toEqual([...new Set(state.windows.map((x) => names[x.c]))].sort());
    expect(a.csvRow, say("CSV row")).toMatchObject({
      started_at: at(state.started),
      resolved_at: at(state.resolved),
      time_to_resolve_s: String(seconds(n.duration)),
      customer_facing_s: String(seconds(n.total)),
      major_outage_s: String(seconds(n.byLevel.major_outage)),
      partial_outage_s: String(seconds(n.byLevel.partial_outage)),
      degraded_performance_s: String(seconds(n.byLevel.degraded_performance)),
    });

    // The update templates' elapsed.
    expect(a.elapsed, say("template elapsed")).toBe(`Lasted ${durationInWords(n.duration)}.`);

    // Customers never saw impact for longer than the incident lasted.
    expect(n.total).toBeLessThanOrEqual(n.duration);
  }

  it("moves the impact with a corrected Started: no more 15 minutes of outage inside 30 (the issue's example)", async () => {
    replays += 1;
    const day = new Date(Date.now() - (150 + replays) * DAY);
    const T = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 10, 30);
    const at = (m: number) => new Date(T + m * MINUTE).toISOString();
    // Declared at 10:30 with the API down; resolved at 10:45 (a backdated resolution); then Started corrected to 10:15.
    const declared = await app.api.post("/api/v1/incidents", {
      title: "Started corrected",
      severity: "SEV2",
      startedAt: at(0),
      components: [{ id: ids.A, impact: "major_outage" }],
    });
    const id = declared.body.incident.id as string;
    await app.api.post(`/api/v1/incidents/${id}/updates`, {
      status: "investigating",
      body: "We are looking into it.",
      publish: true,
      notify: false,
    });
    expect((await app.api.patch(`/api/v1/incidents/${id}`, { status: "resolved", resolvedAt: at(15) })).status).toBe(200);
    expect((await app.api.patch(`/api/v1/incidents/${id}`, { startedAt: at(-15) })).status).toBe(200);
    const state: State = { started: -15, resolved: 15, windows: [{ c: "A", level: "major_outage", from: -15, to: 15 }] };
    checkAgree("Started corrected after the declaration", state, T, await artifacts({ id, ref: declared.body.incident.ref }, T));
  });

  it("agrees everywhere on the incident as declared and resolved", async () => {
    const incident = await declareBase();
    checkAgree("as declared", BASE, incident.T, await artifacts(incident, incident.T));
  });

  for (const scenario of SCENARIOS) {
    it(`agrees everywhere after each step: ${scenario.name}`, async () => {
      for (let k = 1; k <= scenario.steps.length; k++) {
        // Each prefix of the steps on an incident of its own: a post-mortem is generated once, after the last correction.
        const incident = await declareBase();
        for (const [s] of scenario.steps.slice(0, k)) await apply(incident, s);
        const [last, state] = scenario.steps[k - 1];
        checkAgree(`${scenario.name}, step ${k} (${last.label})`, state, incident.T, await artifacts(incident, incident.T));
      }
    });
  }
});
