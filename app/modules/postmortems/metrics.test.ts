import { describe, expect, it } from "vitest";
import { incidentNumbers, type ImpactWindow, type Milestones } from "./metrics.ts";

const MIN = 60_000;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 10, 0) + minute * MIN);
const w = (component: string, impact: ImpactWindow["impact"], from: number, to: number | null): ImpactWindow => ({
  componentId: component,
  component,
  impact,
  startedAt: at(from),
  endedAt: to === null ? null : at(to),
});
const milestones = (m: Partial<Milestones> = {}): Milestones => ({
  startedAt: at(15),
  detectedAt: at(20),
  acknowledgedAt: at(25),
  mitigatedAt: at(50),
  resolvedAt: at(60),
  ...m,
});

describe("an incident's numbers, from its milestones and impact windows", () => {
  it("gives the duration, the four times to, and customer-facing time by the worst level at each moment", () => {
    const n = incidentNumbers(
      milestones(),
      [w("api", "degraded_performance", 15, 30), w("api", "major_outage", 30, 60), w("chat", "partial_outage", 20, 45)],
      at(90),
    );
    expect(n.duration).toBe(45 * MIN);
    expect(n.elapsed).toBe(45 * MIN);
    expect(n.timeTo).toEqual({ detect: 5 * MIN, acknowledge: 5 * MIN, mitigate: 35 * MIN, resolve: 45 * MIN });
    expect(n.customerFacing).toEqual({
      total: 45 * MIN,
      byLevel: { major_outage: 30 * MIN, partial_outage: 10 * MIN, degraded_performance: 5 * MIN },
    });
    expect(n.components.map((c) => [c.component, c.worst, c.byLevel])).toEqual([
      ["api", "major_outage", { major_outage: 30 * MIN, partial_outage: 0, degraded_performance: 15 * MIN }],
      ["chat", "partial_outage", { major_outage: 0, partial_outage: 25 * MIN, degraded_performance: 0 }],
    ]);
  });

  it("never counts impact outside the incident: windows reaching before Started or past Resolved count from Started to Resolved", () => {
    // What a correction of Started to a later time left before this rule: a window from the declaration.
    const n = incidentNumbers(milestones({ startedAt: at(30) }), [w("api", "major_outage", 15, 75)], at(90));
    expect(n.duration).toBe(30 * MIN);
    expect(n.customerFacing.total).toBe(30 * MIN);
    expect(n.customerFacing.total).toBeLessThanOrEqual(n.duration!);
    expect(n.components[0]).toMatchObject({ firstAt: at(30), lastAt: at(60), windows: [{ startedAt: at(30), endedAt: at(60) }] });
    expect(n.windows).toEqual([{ ...w("api", "major_outage", 30, 60) }]);
  });

  it("counts an open incident and its open windows up to the moment asked", () => {
    const n = incidentNumbers(milestones({ mitigatedAt: null, resolvedAt: null }), [w("api", "partial_outage", 15, null)], at(40));
    expect(n.duration).toBeNull();
    expect(n.elapsed).toBe(25 * MIN);
    expect(n.timeTo.resolve).toBeNull();
    expect(n.customerFacing).toEqual({ total: 25 * MIN, byLevel: { major_outage: 0, partial_outage: 25 * MIN, degraded_performance: 0 } });
  });

  it("leaves out a window wholly outside the incident", () => {
    const n = incidentNumbers(milestones(), [w("api", "major_outage", 0, 10), w("chat", "degraded_performance", 20, 30)], at(90));
    expect(n.components.map((c) => c.component)).toEqual(["chat"]);
    expect(n.customerFacing.total).toBe(10 * MIN);
  });
});
