import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fieldErrors } from "~/utils/http.server.ts";
import { AlertmanagerPayloadSchema, notificationFromAlertmanager } from "./alertmanager.ts";
import { GenericAlertSchema, notificationFromGenericAlert } from "./generic.ts";

/** The documented payload, byte for byte (tests/fixtures/README.md says where from). */
const DOCUMENTED = readFileSync(new URL("../../../tests/fixtures/alertmanager-v4-payload.json", import.meta.url), "utf8");
const documented = () => JSON.parse(DOCUMENTED) as Record<string, any>;

const problems = (value: unknown) => {
  const parsed = AlertmanagerPayloadSchema.safeParse(value);
  return parsed.success ? {} : fieldErrors(parsed.error);
};

describe("Alertmanager's webhook payload (version 4)", () => {
  it("reads the documented payload as one firing alert of its group", () => {
    const notification = notificationFromAlertmanager(AlertmanagerPayloadSchema.parse(documented()));
    expect(notification).toMatchObject({
      source: "alertmanager",
      groupKey: '{}/{severity="critical"}:{alertname="ProbeFailure"}',
      status: "firing",
      title: "BlackBox Probe Failure: https://server.example.org",
      truncatedAlerts: 0,
    });
    expect(notification.summary).toContain("Instance https://server.example.org has been down for over 5m.");
    expect(notification.alerts).toEqual([
      {
        fingerprint: "1a30ba71cca2921f",
        status: "firing",
        name: "ProbeFailure",
        labels: {
          alertname: "ProbeFailure",
          instance: "https://server.example.org",
          job: "http_checks",
          monitor: "master",
          severity: "critical",
        },
        annotations: {
          description: "Instance https://server.example.org has been down for over 5m. Job: http_checks",
          summary: "BlackBox Probe Failure: https://server.example.org",
        },
        startsAt: new Date("2023-02-06T13:08:45.828Z"),
        endsAt: null, // Alertmanager's zero time: still firing
        url: "http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0\\u0026g0.tab=1",
      },
    ]);
  });

  it("reads Go's times with nanoseconds and an offset, and a resolved alert's end", () => {
    const payload = documented();
    payload.status = "resolved";
    Object.assign(payload.alerts[0], {
      status: "resolved",
      startsAt: "2018-08-03T09:52:26.739266876+02:00",
      endsAt: "2018-08-03T10:02:26.1+02:00",
    });
    const [alert] = notificationFromAlertmanager(AlertmanagerPayloadSchema.parse(payload)).alerts;
    expect(alert.startsAt).toEqual(new Date("2018-08-03T07:52:26.739Z"));
    expect(alert.endsAt).toEqual(new Date("2018-08-03T08:02:26.100Z"));
  });

  it("takes the title from the common summary, else the alert name", () => {
    const payload = documented();
    delete payload.commonAnnotations.summary;
    expect(notificationFromAlertmanager(AlertmanagerPayloadSchema.parse(payload)).title).toBe("ProbeFailure");
    payload.commonAnnotations.summary = "x".repeat(300);
    expect(notificationFromAlertmanager(AlertmanagerPayloadSchema.parse(payload)).title).toHaveLength(200);
  });

  it("allows fields Alertmanager (or Grafana) adds, and keeps only links that are http(s)", () => {
    const payload: Record<string, any> = { ...documented(), orgId: 1, title: "[FIRING:1]" };
    payload.alerts[0] = {
      ...payload.alerts[0],
      silenceURL: "https://grafana.example/silence",
      values: { B: 44.2 },
      generatorURL: "javascript:alert(1)",
    };
    const [alert] = notificationFromAlertmanager(AlertmanagerPayloadSchema.parse(payload)).alerts;
    expect(alert.url).toBeNull();
  });

  it("names the field and the reason when the payload is not what Alertmanager sends", () => {
    const { alerts: _alerts, ...withoutAlerts } = documented();
    expect(problems(withoutAlerts)).toEqual({ alerts: "is required" });
    expect(problems({ ...documented(), version: 4 })).toEqual({
      version: 'must be the string "4" (the webhook payload version this endpoint reads)',
    });
    expect(problems({ ...documented(), version: "5" })).toHaveProperty("version");
    const badDate = documented();
    badDate.alerts[0].startsAt = "06/02/2023 13:08";
    expect(problems(badDate)).toEqual({ "alerts.0.startsAt": "must be an RFC 3339 time such as 2024-05-01T12:00:00Z" });
    expect(problems({ ...documented(), alerts: [] })).toEqual({ alerts: "must hold at least one alert" });
    expect(problems({ ...documented(), commonLabels: { severity: 1 } })).toEqual({ "commonLabels.severity": "must be a string" });
    expect(problems({ ...documented(), status: "pending" })).toEqual({ status: 'must be "firing" or "resolved"' });
  });
});

describe("the generic alert form", () => {
  it("reads as one alert of the group named by its source and key", () => {
    const alert = GenericAlertSchema.parse({
      source: "pingdom",
      key: "checkout-http",
      status: "firing",
      title: "Checkout is down",
      severity: "SEV2",
      component: "Chat, Billing & usage",
      url: "https://pingdom.example/checks/1",
    });
    expect(notificationFromGenericAlert(alert)).toMatchObject({
      source: "generic:pingdom",
      groupKey: "checkout-http",
      status: "firing",
      title: "Checkout is down",
      alerts: [
        {
          fingerprint: "checkout-http",
          name: "Checkout is down",
          severity: "SEV2",
          componentNames: ["Chat", "Billing & usage"],
          startsAt: null,
          url: "https://pingdom.example/checks/1",
        },
      ],
    });
  });

  it("names the field and the reason for a bad form", () => {
    const parsed = GenericAlertSchema.safeParse({ source: "pingdom", status: "down", title: "x", severity: "SEV5", url: "ftp://x" });
    expect(parsed.success).toBe(false);
    expect(fieldErrors(parsed.error!)).toEqual({
      key: "is required",
      status: 'must be "firing" or "resolved"',
      title: "must be at least 3 characters",
      severity: "must be one of SEV1, SEV2, SEV3, SEV4",
      url: "must start with http:// or https://",
    });
  });
});
