// GET / PUT /api/v1/alert-rules: the alert intake rules for automation, admins only, checked as
// the settings form checks them, audited, and used by the next alert that opens an incident.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type Api, type TestApp } from "../setup/app-server.ts";

const RULES = "/api/v1/alert-rules";
const ALERTMANAGER = "/api/v1/alerts/alertmanager";
const DEFAULT_RULES = {
  severityLabel: "severity",
  severityRules: "critical = SEV1\nhigh, error = SEV2\nwarning = SEV3\ninfo = SEV4\n* = SEV3",
  componentLabel: "component",
};
const PRIORITY_RULES = {
  severityLabel: "priority",
  severityRules: "# paging priorities\nP1 = SEV1\np2, p3 = SEV2\n* = SEV4",
  componentLabel: "service",
};

/** An Alertmanager (version 4) notification of one firing alert with these labels. */
function notification(name: string, labels: Record<string, string>) {
  const alert = {
    status: "firing",
    labels: { alertname: name, ...labels },
    annotations: { summary: `${name} is firing` },
    startsAt: "2026-03-01T10:00:00Z",
    endsAt: "0001-01-01T00:00:00Z",
    generatorURL: "http://prometheus.example.org/graph",
    fingerprint: `f${name.length}${name.toLowerCase()}`,
  };
  return {
    version: "4",
    groupKey: `{}:{alertname="${name}"}`,
    truncatedAlerts: 0,
    status: "firing",
    receiver: "incident-desk",
    groupLabels: { alertname: name },
    commonLabels: alert.labels,
    commonAnnotations: alert.annotations,
    externalURL: "http://alertmanager.example.org",
    alerts: [alert],
  };
}

describe.each(databases())("alert rules API on %s", (database) => {
  let app: TestApp;
  let responder: Api;
  let viewer: Api;
  let alertmanager: Api;
  const put = (client: Api, body: unknown) => client.raw("PUT", RULES, JSON.stringify(body));
  const stored = async () => (await app.api.get(RULES)).body.alertRules;
  const auditRows = async () => {
    const rows = await app.db.rows<{ before: unknown; after: unknown }>(
      `SELECT "before", "after" FROM "AuditEvent" WHERE "action" = ? ORDER BY "at"`,
      "settings.alert_rules_updated",
    );
    const json = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value);
    return rows.map((row) => ({ before: json(row.before), after: json(row.after) }));
  };

  beforeAll(async () => {
    app = await startApp({ database });
    const token = async (role: string) => (await app.api.post("/api/v1/tokens", { name: `${role} automation`, role })).body.token as string;
    responder = api(app.baseUrl, await token("responder"));
    viewer = api(app.baseUrl, await token("viewer"));
    alertmanager = api(app.baseUrl, await token("responder"));
  });
  afterAll(() => app?.stop());

  it("reads the rules in force: the default mapping until an admin saves one", async () => {
    const response = await app.api.get(RULES);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ alertRules: DEFAULT_RULES });
  });

  it("replaces the rules, keeps the mapping as written, shows it on the settings page and audits the change", async () => {
    const response = await put(app.api, PRIORITY_RULES);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({ alertRules: PRIORITY_RULES });
    expect(await stored()).toEqual(PRIORITY_RULES);

    const page = await fetch(`${app.baseUrl}/admin/settings`, { headers: { authorization: `Bearer ${app.adminToken}` } });
    const html = await page.text();
    expect(html).toContain("# paging priorities\nP1 = SEV1\np2, p3 = SEV2\n* = SEV4");
    expect(html).toMatch(/name="componentLabel"[^>]*value="service"|value="service"[^>]*name="componentLabel"/);

    expect(await auditRows()).toEqual([{ before: { ...DEFAULT_RULES, severityRules: null }, after: PRIORITY_RULES }]);
  });

  it("opens the next incident with the severity and components the new rules give", async () => {
    expect((await app.api.post("/api/v1/components", { name: "Billing" })).status).toBe(201);
    const opened = await alertmanager.post(
      ALERTMANAGER,
      notification("InvoiceQueueStuck", { priority: "p2", severity: "critical", service: "billing" }),
    );
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const incident = (await app.api.get(`/api/v1/incidents/${opened.body.incident.id}`)).body.incident;
    expect(incident).toMatchObject({ severity: "SEV2", components: [{ name: "Billing", impact: "partial_outage" }] });

    const other = await alertmanager.post(ALERTMANAGER, notification("DiskAlmostFull", { severity: "critical" }));
    expect((await app.api.get(`/api/v1/incidents/${other.body.incident.id}`)).body.incident).toMatchObject({
      severity: "SEV4",
      components: [],
    });
  });

  it("refuses bad input with 422 naming the field and the reason, and keeps the rules", async () => {
    const refusals: [unknown, Record<string, string>][] = [
      [
        { ...PRIORITY_RULES, severityRules: "p1 = SEV1\np2 = urgent" },
        { severityRules: 'line 2: "urgent" is not one of SEV1, SEV2, SEV3, SEV4' },
      ],
      [{ ...PRIORITY_RULES, severityRules: "p1 = SEV1\nP1 = SEV2" }, { severityRules: 'line 2: "p1" is given twice' }],
      [
        { ...PRIORITY_RULES, componentLabel: "2nd-service" },
        { componentLabel: "must be a label name: letters, digits and _, not starting with a digit" },
      ],
      [{ ...PRIORITY_RULES, severityLabel: "" }, { severityLabel: "must not be empty" }],
      [{ severityRules: "* = SEV3", componentLabel: "service" }, { severityLabel: expect.any(String) }],
      [{ ...PRIORITY_RULES, severityRule: "* = SEV1" }, { _: expect.stringContaining("severityRule") }],
    ];
    for (const [body, fields] of refusals) {
      const response = await put(app.api, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body.error).toMatchObject({ code: "invalid", fields });
    }
    expect((await app.api.raw("PUT", RULES, "{not json", { "content-type": "application/json" })).status).toBe(400);
    expect(await stored()).toEqual(PRIORITY_RULES);
    expect(await auditRows()).toHaveLength(1);
  });

  it("lets only admins read or change the rules: 401 without a token, 403 to a responder or viewer", async () => {
    expect((await api(app.baseUrl, null).get(RULES)).status).toBe(401);
    expect((await put(api(app.baseUrl, null), DEFAULT_RULES)).status).toBe(401);
    for (const client of [responder, viewer]) {
      const read = await client.get(RULES);
      expect([read.status, read.body.error.code]).toEqual([403, "forbidden"]);
      const write = await put(client, DEFAULT_RULES);
      expect([write.status, write.body.error.code]).toEqual([403, "forbidden"]);
    }
    const posted = await app.api.raw("POST", RULES, JSON.stringify(DEFAULT_RULES), { "content-type": "application/json" });
    expect([posted.status, posted.headers.get("allow")]).toEqual([405, "GET, HEAD, PUT"]);
    expect(await stored()).toEqual(PRIORITY_RULES);
    expect(await auditRows()).toHaveLength(1);
  });
});
