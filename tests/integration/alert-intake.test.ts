// Alert intake: Alertmanager's documented payload and the generic form open an incident per
// alert group, add what is new to it, never the same thing twice, live and audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import { tableSizes } from "../setup/database-probe.ts";
import { openEventStream } from "../setup/sse-client.ts";
import {
  ALERTMANAGER,
  DOCUMENTED,
  documented,
  expectAdded,
  expectCreated,
  GENERATOR_URL,
  GENERIC,
  groupOf,
} from "./alert-intake.payloads.ts";

describe.each(databases())("alert intake on %s", (database) => {
  let app: TestApp;
  let alertmanager: Api;
  let alertmanagerTokenId: string;
  let viewer: Api;
  let documentedIncident: string;

  const incident = async (id: string) => (await app.api.get(`/api/v1/incidents/${id}`)).body.incident;
  const timeline = async (id: string) =>
    (await app.api.get(`/api/v1/incidents/${id}/timeline`)).body.entries as { kind: string; body: string; occurredAt: string; doc: any }[];
  const storedSizes = async () => ({ ...(await tableSizes(app.db)), AlertGroup: await app.db.count("AlertGroup") });

  /** The admin's form on /admin/settings. */
  async function saveAlertRules(fields: Record<string, string>) {
    const body = new URLSearchParams({
      intent: "alert-intake",
      severityLabel: "severity",
      severityRules: "critical = SEV1\nhigh, error = SEV2\nwarning = SEV3\ninfo = SEV4\n* = SEV3",
      componentLabel: "component",
      ...fields,
    });
    const response = await fetch(`${app.baseUrl}/admin/settings`, {
      method: "POST",
      headers: { authorization: `Bearer ${app.adminToken}` },
      body,
      redirect: "manual",
    });
    return { status: response.status, text: await response.text() };
  }

  beforeAll(async () => {
    app = await startApp({ database });
    const made = await app.api.post("/api/v1/tokens", { name: "Alertmanager", role: "responder" });
    alertmanager = api(app.baseUrl, made.body.token);
    alertmanagerTokenId = made.body.id;
    viewer = api(app.baseUrl, (await app.api.post("/api/v1/tokens", { name: "dashboard", role: "viewer" })).body.token);
  });
  afterAll(() => app?.stop());

  it("opens exactly one incident for the documented payload sent twice, with its alert's entry, severity and component", async () => {
    // this installation names components by the job label
    expect((await saveAlertRules({ componentLabel: "job" })).status).toBe(200);
    expect((await app.api.post("/api/v1/components", { name: "HTTP_Checks" })).status).toBe(201);
    const before = await app.db.count("Incident");

    documentedIncident = expectCreated(await alertmanager.raw("POST", ALERTMANAGER, DOCUMENTED, { "content-type": "application/json" }), 1);
    expectAdded(await alertmanager.raw("POST", ALERTMANAGER, DOCUMENTED, { "content-type": "application/json" }), documentedIncident, 0);
    expect(await app.db.count("Incident")).toBe(before + 1);

    expect(await incident(documentedIncident)).toMatchObject({
      title: "BlackBox Probe Failure: https://server.example.org",
      severity: "SEV1",
      status: "investigating",
      startedAt: "2023-02-06T13:08:45.828Z",
      detectedAt: "2023-02-06T13:08:45.828Z",
      components: [{ name: "HTTP_Checks", impact: "major_outage" }],
      summary: expect.stringContaining("Instance https://server.example.org has been down for over 5m."),
    });
    const entries = await timeline(documentedIncident);
    expect(entries.map((e) => e.kind)).toEqual(["status-change", "observation"]);
    expect(entries[0].body).toMatch(/declared INC-\d+ as SEV1, investigating\. Affected: HTTP_Checks \(major outage\)\.$/);
    expect(entries[1].body.split("\n")).toEqual(
      [
        "Alert ProbeFailure firing since 2023-02-06 13:08:45 UTC: BlackBox Probe Failure: https://server.example.org",
        "description: Instance https://server.example.org has been down for over 5m. Job: http_checks",
        "labels: alertname=ProbeFailure, instance=https://server.example.org, job=http_checks, monitor=master, severity=critical",
        "severity: SEV1 (from severity=critical)",
        "components: HTTP_Checks",
        "Open the alert's source",
      ].map((line, i) => (i === 0 || i === 5 ? line : `- ${line}`)),
    );
    expect(entries[1].occurredAt).toBe("2023-02-06T13:08:45.828Z");
    expect(JSON.stringify(entries[1].doc)).toContain(JSON.stringify({ type: "link", attrs: { href: GENERATOR_URL } }));

    const audit = await app.db.rows<{ action: string }>(`SELECT "action" FROM "AuditEvent" WHERE "tokenId" = ?`, alertmanagerTokenId);
    expect(audit.map((row) => row.action).sort()).toEqual(["alert_group.created", "incident.declared", "timeline.created"]);
    expect((await saveAlertRules({})).status).toBe(200);
  });

  it("adds one entry for the resolved notification and leaves the incident open", async () => {
    const resolved = documented();
    resolved.status = "resolved";
    Object.assign(resolved.alerts[0], { status: "resolved", endsAt: "2023-02-06T13:20:00Z" });
    expectAdded(await alertmanager.post(ALERTMANAGER, resolved), documentedIncident, 1);
    expectAdded(await alertmanager.post(ALERTMANAGER, resolved), documentedIncident, 0);
    expect(await incident(documentedIncident)).toMatchObject({ status: "investigating", resolvedAt: null });
    const last = (await timeline(documentedIncident)).at(-1)!;
    expect(last).toMatchObject({ kind: "observation", occurredAt: "2023-02-06T13:20:00.000Z" });
    expect(last.body).toMatch(/^Alert ProbeFailure resolved at 2023-02-06 13:20:00 UTC \(firing since 2023-02-06 13:08:45 UTC\)/);
  });

  it("adds a new alert of the group to the open incident, live in its room, with the components it names", async () => {
    const { lastSeq } = await incident(documentedIncident);
    const room = await openEventStream(`${app.baseUrl}/api/v1/incidents/${documentedIncident}/events`, {
      token: app.adminToken,
      lastEventId: lastSeq,
    });
    try {
      const payload = documented();
      payload.alerts.push({
        ...payload.alerts[0],
        labels: {
          ...payload.alerts[0].labels,
          instance: "https://eu.server.example.org",
          severity: "warning",
          component: "chat, Nowhere, API",
        },
        fingerprint: "2b41cb82ddb3a32f",
        startsAt: "2023-02-06T13:15:00Z",
      });
      expectAdded(await alertmanager.post(ALERTMANAGER, payload), documentedIncident, 1);
      const created = await room.waitForEvent((e) => e.event === "timeline.created", 3_000);
      expect(JSON.parse(created.data).body).toContain("instance=https://eu.server.example.org");
      const updated = await room.waitForEvent((e) => e.event === "incident.updated", 3_000);
      expect(JSON.parse(updated.data).components.map((c: { name: string; impact: string }) => [c.name, c.impact])).toEqual([
        ["HTTP_Checks", "major_outage"],
        ["Chat", "degraded_performance"],
      ]);
    } finally {
      room.close();
    }
    const entry = (await timeline(documentedIncident)).at(-1)!;
    expect(entry.body).toContain("- added to the affected components: Chat (degraded performance)");
    expect(entry.body).toContain("- not in the component catalog, ignored: “Nowhere”");
    expect(entry.body).toContain("- component groups, ignored (name the components in them): API");
    expect((await incident(documentedIncident)).severity).toBe("SEV1");
  });

  it("opens a new incident when an alert of the group fires anew after people resolved the last one", async () => {
    expect((await app.api.patch(`/api/v1/incidents/${documentedIncident}`, { status: "resolved" })).status).toBe(200);
    // Alertmanager's repeat of what was recorded: the resolved incident stays as people left it
    expectAdded(await alertmanager.raw("POST", ALERTMANAGER, DOCUMENTED, { "content-type": "application/json" }), documentedIncident, 0);
    const again = documented();
    again.alerts[0].startsAt = "2023-02-07T08:00:00Z";
    const next = expectCreated(await alertmanager.post(ALERTMANAGER, again), 1);
    expect(next).not.toBe(documentedIncident);
    expectAdded(await alertmanager.post(ALERTMANAGER, again), next, 0);
    expect(await incident(next)).toMatchObject({ status: "investigating", severity: "SEV1", startedAt: "2023-02-07T08:00:00.000Z" });
    expect((await incident(documentedIncident)).status).toBe("resolved");
  });

  it("refuses a malformed payload with 400, the field and the reason, and stores nothing", async () => {
    const before = await storedSizes();
    const { alerts: _alerts, ...noAlerts } = groupOf("Malformed", []);
    const refusals: [unknown, string, string][] = [
      [noAlerts, "alerts", "is required"],
      [
        { ...groupOf("Malformed", [{}]), version: 4 },
        "version",
        'must be the string "4" (the webhook payload version this endpoint reads)',
      ],
      [
        groupOf("Malformed", [{ startsAt: "Feb 6, 2023 13:08" }]),
        "alerts.0.startsAt",
        "must be an RFC 3339 time such as 2024-05-01T12:00:00Z",
      ],
    ];
    for (const [payload, field, reason] of refusals) {
      const response = await alertmanager.post(ALERTMANAGER, payload);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: "bad_request", fields: { [field]: reason } });
      expect(response.body.error.message).toContain(`${field} ${reason}`);
    }
    expect((await alertmanager.raw("POST", ALERTMANAGER, "{not json", { "content-type": "application/json" })).status).toBe(400);
    expect((await alertmanager.post(GENERIC, { source: "pingdom", status: "firing", title: "No key" })).body.error.fields).toEqual({
      key: "is required",
    });
    expect(await storedSizes()).toEqual(before);
  });

  it("answers 401 without a token and 403 to a viewer's token, storing nothing", async () => {
    const before = await storedSizes();
    for (const path of [ALERTMANAGER, GENERIC]) {
      const body =
        path === ALERTMANAGER ? groupOf("NoAccess", [{}]) : { source: "pingdom", key: "no-access", status: "firing", title: "No access" };
      expect((await api(app.baseUrl, null).post(path, body)).body.error.code).toBe("unauthorized");
      const refused = await viewer.post(path, body);
      expect([refused.status, refused.body.error.code]).toEqual([403, "forbidden"]);
    }
    expect(await storedSizes()).toEqual(before);
  });

  it("opens one incident when identical notifications of a new group arrive at once", async () => {
    for (const round of [1, 2, 3]) {
      const name = `DiskFull${round}`;
      const payload = groupOf(name, [
        { fingerprint: `d15cf011${round}`, startsAt: "2026-01-01T00:00:00Z", labels: { alertname: name, severity: "error" } },
      ]);
      const answers = await Promise.all(Array.from({ length: 4 }, () => alertmanager.post(ALERTMANAGER, payload)));
      expect(answers.map((a) => a.status).sort(), JSON.stringify(answers.map((a) => a.body))).toEqual([200, 200, 200, 201]);
      expect(new Set(answers.map((a) => a.body.incident.id)).size).toBe(1);
      expect(answers.reduce((sum, a) => sum + a.body.entriesAdded, 0)).toBe(1);
      expect(await app.db.count("Incident", `"title" = ?`, `${name} is firing`)).toBe(1);
      expect((await timeline(answers[0].body.incident.id)).filter((e) => e.kind === "observation")).toHaveLength(1);
    }
  });

  it("takes the generic form the same way: open, repeat, resolve, fire again", async () => {
    const alert = {
      source: "pingdom",
      key: "checkout-http",
      status: "firing",
      title: "Checkout is down",
      severity: "SEV2",
      component: "chat",
      description: "HTTP 503 from 3 of 5 probes",
      url: "https://pingdom.example/checks/42",
    };
    const id = expectCreated(await alertmanager.post(GENERIC, alert), 1);
    expectAdded(await alertmanager.post(GENERIC, alert), id, 0);
    expect(await incident(id)).toMatchObject({
      title: "Checkout is down",
      severity: "SEV2",
      components: [{ name: "Chat", impact: "partial_outage" }],
    });
    expect((await timeline(id)).at(-1)!.body).toMatch(
      /^Alert Checkout is down firing since .* UTC \(from pingdom\)\n- description: HTTP 503 from 3 of 5 probes\n/,
    );

    expectAdded(await alertmanager.post(GENERIC, { ...alert, status: "resolved" }), id, 1);
    expectAdded(await alertmanager.post(GENERIC, { ...alert, status: "resolved" }), id, 0);
    expect((await incident(id)).status).toBe("investigating");
    expectAdded(await alertmanager.post(GENERIC, alert), id, 1);
    expect((await timeline(id)).filter((e) => e.kind === "observation").map((e) => e.body.split(" ").slice(0, 6).join(" "))).toEqual([
      "Alert Checkout is down firing since",
      "Alert Checkout is down resolved at",
      "Alert Checkout is down firing since",
    ]);
    // a resolution for an alert never heard firing has nothing to go to
    expectAdded(await alertmanager.post(GENERIC, { ...alert, key: "never-fired", status: "resolved" }), null, 0);
  });

  it("gives the next incident the severity an admin's new mapping says", async () => {
    const refused = await saveAlertRules({ severityLabel: "priority", severityRules: "p1 = SEV1\np2 = urgent" });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain("line 2: &quot;urgent&quot; is not one of SEV1, SEV2, SEV3, SEV4");
    const before = groupOf("QueueBacklog", [
      { fingerprint: "0b1ac0c0", labels: { alertname: "QueueBacklog", priority: "P2", severity: "critical" } },
    ]);
    expect((await incident(expectCreated(await alertmanager.post(ALERTMANAGER, before), 1))).severity).toBe("SEV1");

    expect((await saveAlertRules({ severityLabel: "priority", severityRules: "p1 = SEV1\np2 = SEV2\n* = SEV4" })).status).toBe(200);
    const after = groupOf("QueueBacklog2", [
      { fingerprint: "0b1ac0c1", labels: { alertname: "QueueBacklog2", priority: "P2", severity: "critical" } },
    ]);
    expect((await incident(expectCreated(await alertmanager.post(ALERTMANAGER, after), 1))).severity).toBe("SEV2");
    const unlabelled = groupOf("QueueBacklog3", [{ fingerprint: "0b1ac0c2" }]);
    expect((await incident(expectCreated(await alertmanager.post(ALERTMANAGER, unlabelled), 1))).severity).toBe("SEV4");
    expect(await app.db.count("AuditEvent", `"action" = ?`, "settings.alert_rules_updated")).toBeGreaterThanOrEqual(3);
    expect((await saveAlertRules({})).status).toBe(200);
  });
});
