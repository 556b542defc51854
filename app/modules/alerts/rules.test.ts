import { describe, expect, it } from "vitest";
import {
  AlertRulesFormSchema,
  alertRulesFrom,
  componentNamesFromLabels,
  DEFAULT_ALERT_RULES,
  impactForSeverity,
  matchComponents,
  mostSevere,
  parseSeverityRules,
  severityFromLabels,
} from "./rules.ts";

describe("the default severity rule (label severity)", () => {
  const severity = (value?: string) => severityFromLabels(value === undefined ? {} : { severity: value }, DEFAULT_ALERT_RULES);

  it("maps critical to SEV1, high and error to SEV2, warning to SEV3, info to SEV4", () => {
    expect([severity("critical"), severity("high"), severity("error"), severity("warning"), severity("info")]).toEqual([
      "SEV1",
      "SEV2",
      "SEV2",
      "SEV3",
      "SEV4",
    ]);
  });

  it("ignores case and surrounding spaces in the label's value", () => {
    expect(severity("Critical")).toBe("SEV1");
    expect(severity(" WARNING ")).toBe("SEV3");
  });

  it("gives SEV3 to any other value and to an alert without the label", () => {
    expect(severity("page-someone")).toBe("SEV3");
    expect(severity("")).toBe("SEV3");
    expect(severity()).toBe("SEV3");
  });
});

describe("an admin's severity mapping", () => {
  it("reads value lists, a catch-all and comments", () => {
    const parsed = parseSeverityRules("# our pager levels\nP1, page = sev1\np2 = SEV2   # daytime\n\n* = SEV4");
    expect(parsed).toEqual({ ok: true, rules: { values: { p1: "SEV1", page: "SEV1", p2: "SEV2" }, otherwise: "SEV4" } });
  });

  it("falls back to SEV3 without a * line", () => {
    expect(parseSeverityRules("p1 = SEV1")).toEqual({ ok: true, rules: { values: { p1: "SEV1" }, otherwise: "SEV3" } });
  });

  it("applies to the label it names", () => {
    const rules = alertRulesFrom({ severityLabel: "priority", severityRules: "p1 = SEV1\n* = SEV4", componentLabel: "service" });
    expect(severityFromLabels({ priority: "P1", severity: "info" }, rules)).toBe("SEV1");
    expect(severityFromLabels({ severity: "critical" }, rules)).toBe("SEV4");
  });

  it("says which line is wrong and why", () => {
    expect(parseSeverityRules("critical = SEV1\nhigh => SEV2")).toEqual({ ok: false, error: expect.stringContaining("line 2") });
    expect(parseSeverityRules("critical = SEV0")).toEqual({ ok: false, error: 'line 1: "SEV0" is not one of SEV1, SEV2, SEV3, SEV4' });
    expect(parseSeverityRules("critical = SEV1\nCRITICAL = SEV2")).toEqual({ ok: false, error: 'line 2: "critical" is given twice' });
    expect(parseSeverityRules("* = SEV3\n* = SEV4")).toEqual({ ok: false, error: 'line 2: "*" is given twice' });
    expect(parseSeverityRules("critical, = SEV1")).toEqual({ ok: false, error: "line 1: a label value is empty" });
  });

  it("is checked by the settings form's schema, with the label names", () => {
    const good = AlertRulesFormSchema.safeParse({ severityLabel: "priority", severityRules: "p1 = SEV1\r\n", componentLabel: "service" });
    expect(good.success && good.data).toEqual({ severityLabel: "priority", severityRules: "p1 = SEV1", componentLabel: "service" });
    const bad = AlertRulesFormSchema.safeParse({ severityLabel: "1st", severityRules: "p1 = urgent", componentLabel: "" });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["severityLabel", "severityRules", "componentLabel"]));
  });

  it("falls back to the default when the stored mapping no longer parses", () => {
    const rules = alertRulesFrom({ severityLabel: "severity", severityRules: "garbage", componentLabel: "component" });
    expect(rules.severityRules).toEqual(DEFAULT_ALERT_RULES.severityRules);
  });
});

describe("severity and impact", () => {
  it("takes the most severe of several alerts", () => {
    expect(mostSevere(["SEV3", "SEV1", "SEV2"])).toBe("SEV1");
    expect(mostSevere([])).toBeNull();
  });

  it("marks components major outage for SEV1, partial outage for SEV2, degraded performance otherwise", () => {
    expect(["SEV1", "SEV2", "SEV3", "SEV4"].map((s) => impactForSeverity(s as "SEV1"))).toEqual([
      "major_outage",
      "partial_outage",
      "degraded_performance",
      "degraded_performance",
    ]);
  });
});

describe("components named by an alert", () => {
  const catalog = [
    { id: "c1", name: "Chat", isGroup: false },
    { id: "c2", name: "Login & accounts", isGroup: false },
    { id: "g1", name: "API", isGroup: true },
  ];

  it("reads one or several names from the component label", () => {
    expect(componentNamesFromLabels({ component: "chat, Login & accounts ,chat" }, DEFAULT_ALERT_RULES)).toEqual([
      "chat",
      "Login & accounts",
    ]);
    expect(componentNamesFromLabels({ service: "chat" }, DEFAULT_ALERT_RULES)).toEqual([]);
  });

  it("matches catalog names without regard to case and reports unknown names and groups", () => {
    expect(matchComponents(["CHAT", "login & ACCOUNTS", "Nowhere", "api"], catalog)).toEqual({
      matched: [
        { id: "c1", name: "Chat" },
        { id: "c2", name: "Login & accounts" },
      ],
      unknown: ["Nowhere"],
      groups: ["API"],
    });
  });
});
