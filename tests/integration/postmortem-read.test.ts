// Reading post-mortems as leadership does: the page and its Markdown export carry the numbers
// worked out from the incident (checked here against figures this test computes on its own
// from the API's milestones, impact windows and updates), every section, the action items;
// the list filters by severity, component and quarter; a viewer reads but cannot edit, and
// nobody reads without signing in. The demo outage (INC-3) comes with its published post-mortem;
// the others' are generated here, and INC-2's is the draft read as one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECTIONS } from "~/modules/postmortems/sections.ts";
import { formatDuration } from "~/utils/time.ts";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { configuredPageUrl } from "./postmortem-fixtures.ts";

const DEMO_PASSWORD = "demo-password-2026";
type Window = { id: string; name: string; impact: string; startedAt: string; endedAt: string | null };
type Incident = {
  id: string;
  ref: string;
  severity: string;
  startedAt: string;
  detectedAt: string;
  acknowledgedAt: string;
  mitigatedAt: string;
  resolvedAt: string;
  impactHistory: Window[];
};

const ms = (from: string, to: string) => Date.parse(to) - Date.parse(from);
const quarterOf = (iso: string) => `${new Date(iso).getUTCFullYear()}-Q${Math.floor(new Date(iso).getUTCMonth() / 3) + 1}`;

/** Customer-facing time by level, second by second: at each second the worst impact counts once. */
function impactSeconds(incident: Incident) {
  const rank = ["degraded_performance", "partial_outage", "major_outage"];
  const totals = { degraded_performance: 0, partial_outage: 0, major_outage: 0 };
  const start = Date.parse(incident.startedAt);
  const end = Date.parse(incident.resolvedAt);
  for (let t = start; t < end; t += 1000) {
    let worst = -1;
    for (const w of incident.impactHistory) {
      if (Date.parse(w.startedAt) <= t && t < Date.parse(w.endedAt ?? incident.resolvedAt)) worst = Math.max(worst, rank.indexOf(w.impact));
    }
    if (worst >= 0) totals[rank[worst] as keyof typeof totals] += 1000;
  }
  return { total: totals.degraded_performance + totals.partial_outage + totals.major_outage, ...totals };
}

describe.each(databases())("reading post-mortems on %s", (database) => {
  let app: TestApp;
  let incidents: Incident[];
  let ids: Record<string, string>;
  const admin = (path: string) => fetch(app.baseUrl + path, { headers: { authorization: `Bearer ${app.adminToken}` } });

  async function cookieOf(email: string) {
    const login = await fetch(`${app.baseUrl}/login`, {
      method: "POST",
      body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
      redirect: "manual",
    });
    expect(login.status).toBe(302);
    return login.headers.get("set-cookie")!.split(";")[0];
  }

  /** The incident references the list page shows for these query parameters, in order. */
  async function listed(query: string): Promise<string[]> {
    const response = await admin(`/postmortems${query}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    return html
      .split('data-testid="postmortem-row"')
      .slice(1)
      .map((row) => /(INC-\d+)/.exec(row)![1]);
  }

  beforeAll(async () => {
    app = await startApp({ database });
    const { incidents: all } = (await app.api.get("/api/v1/incidents?status=resolved&limit=50")).body;
    incidents = await Promise.all(all.map(async (i: { id: string }) => (await app.api.get(`/api/v1/incidents/${i.id}`)).body.incident));
    ids = {};
    for (const incident of incidents) {
      const existing = await app.api.get(`/api/v1/incidents/${incident.id}/postmortem`);
      const generated = existing.status === 200 ? existing : await app.api.post(`/api/v1/incidents/${incident.id}/postmortem`);
      expect([200, 201], JSON.stringify(generated.body)).toContain(generated.status);
      ids[incident.ref] = generated.body.postmortem.id;
    }
    expect(Object.keys(ids).sort()).toEqual(["INC-1", "INC-2", "INC-3", "INC-4"]);
    const overdue = await app.api.post(`/api/v1/postmortems/${ids["INC-2"]}/action-items`, {
      title: "Canary router config changes | per region",
      kind: "prevent",
      priority: "high",
      ownerEmail: "responder@northwind.example",
      dueAt: "2026-01-15",
      trackerUrl: "https://tracker.example/browse/OPS-812",
    });
    expect(overdue.status, JSON.stringify(overdue.body)).toBe(201);
    const later = await app.api.post(`/api/v1/postmortems/${ids["INC-2"]}/action-items`, {
      title: "Drain drill every quarter",
      kind: "process",
    });
    expect(later.status, JSON.stringify(later.body)).toBe(201);
  });
  afterAll(() => app?.stop());

  it("exports INC-3's post-mortem as Markdown with every section and the incident's numbers", async () => {
    const response = await admin(`/postmortems/${ids["INC-3"]}.md`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('inline; filename="INC-3-postmortem.md"');
    const md = await response.text();
    const inc = incidents.find((i) => i.ref === "INC-3")!;
    expect(md).toMatch(/^# INC-3: Chat and API unavailable worldwide\n/);
    expect(md).toContain(`[INC-3](${await configuredPageUrl(app)}/incidents/INC-3)`);
    expect(md).toContain("- **Severity:** SEV1");
    expect(md).toContain("- **State:** Published");
    for (const section of SECTIONS) expect(md).toContain(`\n## ${section.title}\n`);

    expect(md).toContain(`- **Duration:** ${formatDuration(ms(inc.startedAt, inc.resolvedAt))}`);
    expect(md).toContain(`- **Time to detect:** ${formatDuration(ms(inc.startedAt, inc.detectedAt))}`);
    expect(md).toContain(`- **Time to acknowledge:** ${formatDuration(ms(inc.detectedAt, inc.acknowledgedAt))}`);
    expect(md).toContain(`- **Time to mitigate:** ${formatDuration(ms(inc.startedAt, inc.mitigatedAt))}`);
    expect(md).toContain(`- **Time to resolve:** ${formatDuration(ms(inc.startedAt, inc.resolvedAt))}`);
    const impact = impactSeconds(inc);
    expect(md).toContain(
      `- **Customer-facing time:** ${formatDuration(impact.total)} (${formatDuration(impact.major_outage)} major outage, ${formatDuration(impact.partial_outage)} partial outage, ${formatDuration(impact.degraded_performance)} degraded performance)`,
    );
    const components = new Set(inc.impactHistory.map((w) => w.name));
    expect(md).toContain(`- **Components affected (${components.size}):** `);
    for (const name of components) expect(md).toMatch(new RegExp(`Components affected .*${name} \\(`));

    const updates = (await app.api.get(`/api/v1/incidents/${inc.id}/updates`)).body.updates
      .filter((u: { state: string }) => u.state === "published")
      .sort((a: { publishedAt: string }, b: { publishedAt: string }) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt));
    const promising = updates
      .map((u: { status: string; nextUpdateAt: string | null }, i: number) => ({ u, next: updates[i + 1] }))
      .filter(({ u }: any) => u.nextUpdateAt && u.status !== "resolved");
    const kept = promising.filter(({ u, next }: any) => next && Date.parse(next.publishedAt) <= Date.parse(u.nextUpdateAt)).length;
    expect(updates.length).toBeGreaterThan(1);
    expect(md).toContain(`- **Customer updates:** ${updates.length} published; ${kept} of ${promising.length} promised updates kept`);

    // Key moments in UTC; the admin reads in Europe/London, which showed UTC's time that day.
    expect(md).toContain("| UTC | Moment | Detail |");
    expect(md.match(/\| Customer update \|/g)).toHaveLength(updates.length);
    // What its author wrote, and its action items, each with an owner and a due date.
    // The section in reading order: the hypotheses generated from the incident, then what was written (decision 0042).
    expect(md).toMatch(
      /## Root cause and trigger\n\n### Hypotheses recorded during the incident\n[\s\S]*\n\n\*\*Root cause\.\*\* Router configuration/,
    );
    expect(md.indexOf("### Hypotheses recorded during the incident")).toBeLessThan(md.indexOf("**Root cause.** Router configuration"));
    const { actionItems } = (await app.api.get(`/api/v1/postmortems/${ids["INC-3"]}`)).body.postmortem;
    expect(actionItems.length).toBeGreaterThan(0);
    const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    for (const item of actionItems) {
      const row = `\\| ${literal(item.title)} \\| [A-Z][a-z]+ \\| [A-Z][a-z]+ \\| ${literal(item.owner.name)} \\| \\d+ \\w+ \\d{4}`;
      expect(md).toMatch(new RegExp(row));
    }
  });

  it("exports a draft with what is not written yet said so, and its action items as they stand", async () => {
    const md = await (await admin(`/postmortems/${ids["INC-2"]}.md`)).text();
    expect(md).toContain("- **State:** Draft");
    // Written sections nobody has written yet say so in a draft.
    expect(md).toContain("## Root cause and trigger\n\n_Not written yet._");
    // Action items as a table; the one past its date is overdue in words.
    expect(md).toMatch(
      /\| Canary router config changes \\\| per region \| Prevent \| High \| [^|]+ \| 15 Jan 2026 \(overdue by \d+ days\) \| Open \| <https:\/\/tracker\.example\/browse\/OPS-812> \|/,
    );
    expect(md).toMatch(/\| Drain drill every quarter \| Process \| Medium \| no owner \| no due date \| Open \|/);
  });

  it("shows the same numbers on the leadership page, with the Edit and Markdown links for an admin", async () => {
    const inc = incidents.find((i) => i.ref === "INC-3")!;
    const response = await admin(`/postmortems/${ids["INC-3"]}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("INC-3: Chat and API unavailable worldwide");
    expect(html).toMatch(new RegExp(`data-testid="duration"[^]*?${formatDuration(ms(inc.startedAt, inc.resolvedAt))}`));
    expect(html).toMatch(new RegExp(`data-testid="time-to-detect"[^]*?${formatDuration(ms(inc.startedAt, inc.detectedAt))}`));
    expect(html).toContain(`href="/postmortems/${ids["INC-3"]}/edit"`);
    expect(html).toContain(`href="/postmortems/${ids["INC-3"]}.md"`);
    // A draft's page says what is not written yet, and which action item is overdue.
    const draft = await (await admin(`/postmortems/${ids["INC-2"]}`)).text();
    expect(draft).toContain("Not written yet.");
    expect(draft).toMatch(/Overdue by \d+ days/);
    // The incident's reference finds its post-mortem too.
    expect((await admin("/postmortems/INC-3")).status).toBe(200);
    expect((await admin("/postmortems/no-such-postmortem")).status).toBe(404);
  });

  it("lists every post-mortem, newest incident first, filtered by severity, component and quarter", async () => {
    const newestFirst = [...incidents].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt)).map((i) => i.ref);
    expect(await listed("")).toEqual(newestFirst);
    expect(await listed("?severity=SEV1")).toEqual(newestFirst.filter((ref) => incidents.find((i) => i.ref === ref)!.severity === "SEV1"));
    expect(await listed("?severity=SEV1")).toEqual(["INC-3"]);

    // A component of INC-3 that another incident also affected: both, and only those.
    const inc3 = incidents.find((i) => i.ref === "INC-3")!;
    const shared = inc3.impactHistory.find((w) => incidents.some((i) => i.ref !== "INC-3" && i.impactHistory.some((o) => o.id === w.id)))!;
    const withShared = newestFirst.filter((ref) => incidents.find((i) => i.ref === ref)!.impactHistory.some((w) => w.id === shared.id));
    expect(withShared.length).toBeGreaterThan(1);
    expect(withShared.length).toBeLessThan(incidents.length);
    expect(await listed(`?component=${shared.id}`)).toEqual(withShared);

    const quarter = quarterOf(inc3.startedAt);
    const inQuarter = newestFirst.filter((ref) => quarterOf(incidents.find((i) => i.ref === ref)!.startedAt) === quarter);
    expect(await listed(`?quarter=${quarter}`)).toEqual(inQuarter);
    expect(await listed("?quarter=2019-Q1")).toEqual([]);
    expect(await listed(`?quarter=${quarter}&severity=SEV4`)).toEqual(
      inQuarter.filter((ref) => incidents.find((i) => i.ref === ref)!.severity === "SEV4"),
    );
    expect(await listed("?state=published")).toEqual(["INC-3"]);
    expect(await listed("?state=draft")).toEqual(newestFirst.filter((ref) => ref !== "INC-3"));

    // A made-up filter is ignored, and said so, rather than failing the page.
    const bad = await admin("/postmortems?quarter=last-year");
    expect(bad.status).toBe(200);
    expect(await bad.text()).toContain("Some filters were not valid and were ignored.");
  });

  it("counts the open action items of each post-mortem in the list", async () => {
    const openCount = async (ref: string, severity: string) => {
      const html = await (await admin(`/postmortems?severity=${severity}`)).text();
      const row = html
        .split('data-testid="postmortem-row"')
        .slice(1)
        .find((r) => r.includes(`>${ref}<`))!
        .split("</tr>")[0];
      return Number(/>(\d+)<\/td>$/.exec(row)![1]);
    };
    expect(await openCount("INC-2", "SEV2")).toBe(2);
    const { actionItems } = (await app.api.get(`/api/v1/postmortems/${ids["INC-3"]}`)).body.postmortem;
    const open = actionItems.filter((a: { state: string }) => a.state === "open" || a.state === "in_progress").length;
    expect(open).toBeLessThan(actionItems.length);
    expect(await openCount("INC-3", "SEV1")).toBe(open);
  });

  it("lets a viewer read the page and the export, without an Edit link", async () => {
    const cookie = await cookieOf("viewer@northwind.example");
    const page = await fetch(`${app.baseUrl}/postmortems/${ids["INC-3"]}`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("INC-3: Chat and API unavailable worldwide");
    expect(html).not.toContain(`/postmortems/${ids["INC-3"]}/edit`);
    expect(html).not.toMatch(/>Edit</);
    expect(html).toContain(`href="/postmortems/${ids["INC-3"]}.md"`);
    expect((await fetch(`${app.baseUrl}/postmortems/${ids["INC-3"]}.md`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/postmortems`, { headers: { cookie } })).status).toBe(200);
  });

  it("sends someone who is not signed in to the login page", async () => {
    for (const path of [`/postmortems/${ids["INC-3"]}`, `/postmortems/${ids["INC-3"]}.md`, "/postmortems?severity=SEV1"]) {
      const response = await fetch(app.baseUrl + path, { redirect: "manual" });
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location"), path).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
  });
});
