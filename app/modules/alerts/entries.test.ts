import { describe, expect, it } from "vitest";
import { textToDoc } from "~/modules/timeline/document.ts";
import { alertEntryText, alertOccurredAt, alertStateKey, unrecordedAlerts, type AlertEntryContext } from "./entries.ts";
import type { ReceivedAlert } from "./notification.ts";
import { DEFAULT_ALERT_RULES } from "./rules.ts";

const NOW = new Date("2026-11-25T12:00:00Z");

const probeFailure = (change: Partial<ReceivedAlert> = {}): ReceivedAlert => ({
  fingerprint: "1a30ba71cca2921f",
  status: "firing",
  name: "ProbeFailure",
  labels: { alertname: "ProbeFailure", job: "http_checks", severity: "critical" },
  annotations: { summary: "BlackBox Probe Failure", description: "Down for over 5m.\nJob: http_checks" },
  startsAt: new Date("2023-02-06T13:08:45.828Z"),
  endsAt: null,
  url: "http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0&g0.tab=1",
  ...change,
});

const context = (change: Partial<AlertEntryContext> = {}): AlertEntryContext => ({
  notification: { sender: "Alertmanager", source: "alertmanager" },
  rules: DEFAULT_ALERT_RULES,
  now: NOW,
  components: [],
  added: [],
  unknownComponents: [],
  groupComponents: [],
  ...change,
});

describe("recognising an alert state already recorded", () => {
  it("keys a state by fingerprint, status and start", () => {
    const firing = alertStateKey(probeFailure(), new Set());
    expect(firing).toBe("alert:1a30ba71cca2921f:firing:2023-02-06T13:08:45.828Z");
    expect(alertStateKey(probeFailure({ status: "resolved" }), new Set())).not.toBe(firing);
    expect(alertStateKey(probeFailure({ startsAt: new Date("2023-02-07T00:00:00Z") }), new Set())).not.toBe(firing);
  });

  it("adds nothing for a repeat, and each alert once per notification", () => {
    const recorded = new Set([alertStateKey(probeFailure(), new Set())]);
    const other = probeFailure({ fingerprint: "ffff0000ffff0000" });
    expect(unrecordedAlerts([probeFailure(), other, other], recorded).map((a) => a.alert.fingerprint)).toEqual(["ffff0000ffff0000"]);
  });

  it("counts the states of an alert without a start: firing, firing, resolved, resolved, firing records three", () => {
    const generic = (status: "firing" | "resolved") => probeFailure({ fingerprint: "checkout-http", startsAt: null, status });
    const recorded = new Set<string>();
    const written = ["firing", "firing", "resolved", "resolved", "firing", "resolved"].map((status) => {
      const fresh = unrecordedAlerts([generic(status as "firing")], recorded);
      fresh.forEach(({ key }) => recorded.add(key));
      return fresh.length;
    });
    expect(written).toEqual([1, 0, 1, 0, 1, 1]);
  });

  it("records a resolution first heard of without its firing, once", () => {
    const resolved = probeFailure({ fingerprint: "k", startsAt: null, status: "resolved" });
    const recorded = new Set(unrecordedAlerts([resolved], new Set()).map((a) => a.key));
    expect(unrecordedAlerts([resolved], recorded)).toEqual([]);
    expect(unrecordedAlerts([probeFailure({ fingerprint: "k", startsAt: null })], recorded)).toHaveLength(1);
  });
});

describe("an alert's timeline entry", () => {
  it("says what fired since when, with its annotations, labels, severity and a link to its source", () => {
    const text = alertEntryText(probeFailure(), context({ components: ["Chat"], unknownComponents: ["Nowhere"] }));
    expect(text.split("\n")).toEqual([
      "Alert **ProbeFailure** firing since 2023-02-06 13:08:45 UTC: BlackBox Probe Failure",
      "- description: Down for over 5m. Job: http_checks",
      "- labels: alertname=ProbeFailure, job=http_checks, severity=critical",
      "- severity: SEV1 (from severity=critical)",
      "- components: Chat",
      "- not in the component catalog, ignored: “Nowhere”",
      "[Open the alert's source](http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0&g0.tab=1)",
    ]);
    const link = textToDoc(text).content.at(-1)!.content![0];
    expect(link.marks).toEqual([
      { type: "link", attrs: { href: "http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0&g0.tab=1" } },
    ]);
  });

  it("says when a resolved alert ended", () => {
    const resolved = probeFailure({ status: "resolved", endsAt: new Date("2023-02-06T13:20:00Z") });
    expect(alertEntryText(resolved, context()).split("\n")[0]).toBe(
      "Alert **ProbeFailure** resolved at 2023-02-06 13:20:00 UTC (firing since 2023-02-06 13:08:45 UTC): BlackBox Probe Failure",
    );
    expect(alertOccurredAt(resolved, NOW)).toEqual(new Date("2023-02-06T13:20:00Z"));
  });

  it("never dates an alert after now, whatever the sender's clock says", () => {
    expect(alertOccurredAt(probeFailure({ startsAt: new Date("2030-01-01T00:00:00Z") }), NOW)).toEqual(NOW);
    expect(alertOccurredAt(probeFailure({ status: "resolved", endsAt: null }), NOW)).toEqual(NOW);
  });

  it("names components it added to an open incident, groups it ignored, and the generic sender", () => {
    const alert = probeFailure({ labels: {}, annotations: {}, url: null, severity: "SEV2", startsAt: null });
    const text = alertEntryText(
      alert,
      context({
        notification: { sender: "generic", source: "generic:pingdom" },
        added: [{ name: "Chat", impact: "partial_outage" }],
        groupComponents: ["API"],
      }),
    );
    expect(text.split("\n")).toEqual([
      "Alert **ProbeFailure** firing since 2026-11-25 12:00:00 UTC (from pingdom)",
      "- severity: SEV2",
      "- added to the affected components: Chat (partial outage)",
      "- component groups, ignored (name the components in them): API",
    ]);
  });
});
