import { describe, expect, it } from "vitest";
import { countTrend, duration, durationTicks, durationTrend, monthLabel, rangeLabel, shareTrend, shortDuration } from "./format.ts";

describe("how the insights read", () => {
  it("says which way a time went against the period before, in words", () => {
    expect(durationTrend(45 * 60, 60 * 60)).toBe(`Down 25% from ${duration(3600)} the period before`);
    expect(durationTrend(90 * 60, 60 * 60)).toBe("Up 50% from 1h 00m the period before");
    expect(durationTrend(600, null)).toBe("Nothing to compare with in the period before");
    expect(durationTrend(null, 600)).toBe("None in this period; 10m 00s the period before");
    expect(durationTrend(600, 601)).toBe("About the same as the period before (10m 01s)");
  });

  it("says how counts and shares moved", () => {
    expect(countTrend(3, 5)).toBe("Down 2 from 5 the period before");
    expect(countTrend(4, 4)).toBe("Same as the period before (4)");
    expect(shareTrend(0.75, 0.5)).toBe("Up 25 points from 50% the period before");
    expect(shareTrend(null, 0.5)).toBe("No promised updates fell due in this period");
  });

  it("labels months and the range as the organisation's zone reads them", () => {
    expect(monthLabel("2026-02")).toBe("Feb 2026");
    // `to` is exclusive: the last day shown is the one before it.
    expect(
      rangeLabel({
        from: "2026-01-01T05:00:00.000Z",
        to: "2026-04-01T04:00:00.000Z",
        asOf: "2026-04-01T04:00:00.000Z",
        timeZone: "America/New_York",
      }),
    ).toBe("1 Jan 2026 – 31 Mar 2026");
  });

  it("puts round, uncrowded ticks on a square-root time axis", () => {
    // 15m sits too close to 5m on an 8-hour square-root axis, so it is left out.
    expect(durationTicks(5 * 3600)).toEqual([0, 5 * 60, 30 * 60, 3600, 2 * 3600, 4 * 3600, 8 * 3600]);
    expect(durationTicks(100)).toEqual([0, 60, 300]);
    expect(durationTicks(0)).toEqual([0, 60]);
    expect([0, 300, 7200, 86400].map(shortDuration)).toEqual(["0", "5m", "2h", "1d"]);
  });
});
