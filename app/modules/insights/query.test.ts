import { describe, expect, it } from "vitest";
import { InsightsQuerySchema, resolveRange } from "./query.ts";

const now = new Date("2026-03-31T12:00:00Z");
const parse = (params: Record<string, string>) => InsightsQuerySchema.safeParse(params);
const fieldsOf = (params: Record<string, string>) => {
  const result = parse(params);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the insights query", () => {
  it("reads days, times, severity, component and SLA; empty form fields mean 'not set'", () => {
    const result = parse({ from: "2026-01-01", to: "2026-02-01T10:00:00Z", severity: "SEV2", component: "abc", sla: "99.95" });
    expect(result.success && result.data).toEqual({
      from: { day: "2026-01-01" },
      to: { instant: new Date("2026-02-01T10:00:00Z") },
      severity: "SEV2",
      component: "abc",
      sla: 99.95,
    });
    expect(parse({ from: "", to: "", severity: "", component: "", sla: "" }).data).toEqual({
      from: undefined,
      to: undefined,
      severity: undefined,
      component: undefined,
      sla: undefined,
    });
  });

  it("names the field that is wrong", () => {
    expect(Object.keys(fieldsOf({ from: "yesterday" }))).toEqual(["from"]);
    expect(Object.keys(fieldsOf({ to: "2026-02-30" }))).toEqual(["to"]);
    expect(Object.keys(fieldsOf({ severity: "SEV9" }))).toEqual(["severity"]);
    expect(Object.keys(fieldsOf({ sla: "100" }))).toEqual(["sla"]);
    expect(Object.keys(fieldsOf({ sla: "lots" }))).toEqual(["sla"]);
  });

  it("defaults to the last 90 calendar days, today included", () => {
    const result = resolveRange({}, "Etc/UTC", now);
    expect(result.ok && result.range.from.toISOString()).toBe("2026-01-01T00:00:00.000Z"); // 31 + 28 + 31 = 90 days to 31 March
    expect(result.ok && result.range.to).toEqual(now);
    expect(result.ok && result.range.previousFrom.getTime()).toBe(
      new Date("2026-01-01T00:00:00Z").getTime() - (now.getTime() - new Date("2026-01-01T00:00:00Z").getTime()),
    );
  });

  it("reads days in the organisation's zone, `to` included", () => {
    const result = resolveRange({ from: { day: "2026-01-01" }, to: { day: "2026-01-31" } }, "Europe/Berlin", now);
    expect(result.ok && [result.range.from.toISOString(), result.range.to.toISOString(), result.range.asOf.toISOString()]).toEqual([
      "2025-12-31T23:00:00.000Z",
      "2026-01-31T23:00:00.000Z",
      "2026-01-31T23:00:00.000Z",
    ]);
  });

  it("refuses a range that ends before it starts, starts in the future, or spans more than three years", () => {
    expect(resolveRange({ from: { day: "2026-02-01" }, to: { day: "2026-01-01" } }, "Etc/UTC", now)).toEqual({
      ok: false,
      fields: { from: "must be before to" },
    });
    expect(resolveRange({ from: { day: "2026-05-01" } }, "Etc/UTC", now)).toEqual({
      ok: false,
      fields: { from: "must not be in the future" },
    });
    expect(resolveRange({ from: { day: "2020-01-01" } }, "Etc/UTC", now)).toMatchObject({ ok: false, fields: { to: expect.any(String) } });
  });
});
