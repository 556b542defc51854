import { describe, expect, it } from "vitest";
import { calendarDaysBetween, groupInto, monthBounds, monthBuckets, monthsBetween, startOfDayIn, weekBuckets, weekOf } from "./calendar.ts";

describe("calendar buckets in the organisation's zone", () => {
  it("names ISO weeks across a year boundary", () => {
    // Thursday 1 January 2026 is in week 1, which began on Monday 29 December 2025.
    expect(weekOf(new Date("2026-01-01T12:00:00Z"), "Etc/UTC")).toEqual({ week: "2026-W01", weekStart: "2025-12-29" });
    // Sunday 28 December 2025 closes 2025's week 52.
    expect(weekOf(new Date("2025-12-28T12:00:00Z"), "Etc/UTC")).toEqual({ week: "2025-W52", weekStart: "2025-12-22" });
  });

  it("puts an instant in the week and month its zone lives it in", () => {
    const early = new Date("2026-02-02T03:00:00Z"); // Sunday 1 February, 22:00 in New York
    expect(weekOf(early, "America/New_York").week).toBe("2026-W05");
    expect(weekOf(early, "Etc/UTC").week).toBe("2026-W06");
    const months = monthBuckets(new Date("2026-01-01T05:00:00Z"), new Date("2026-03-01T05:00:00Z"), "America/New_York");
    expect(months.keys[months.indexOf(Date.parse("2026-02-01T02:00:00Z"))]).toBe("2026-01");
  });

  it("lists every month and week overlapping a range, empty ones included", () => {
    expect(monthsBetween(new Date("2026-01-15T00:00:00Z"), new Date("2026-03-01T00:00:00Z"), "Etc/UTC")).toEqual(["2026-01", "2026-02"]);
    const weeks = weekBuckets(new Date("2026-01-01T00:00:00Z"), new Date("2026-01-19T00:00:00Z"), "Etc/UTC");
    expect(weeks.keys).toEqual(["2026-W01", "2026-W02", "2026-W03"]);
    expect(weeks.weekStarts).toEqual(["2025-12-29", "2026-01-05", "2026-01-12"]);
  });

  it("puts instants in their bucket, and leaves out those outside the range", () => {
    const months = monthBuckets(new Date("2026-01-15T00:00:00Z"), new Date("2026-03-01T00:00:00Z"), "Etc/UTC");
    const instants = ["2025-12-31T23:59:59Z", "2026-01-01T00:00:00Z", "2026-02-28T23:59:59Z", "2026-03-01T00:00:00Z"].map(
      (s) => new Date(s),
    );
    expect(instants.map((d) => months.indexOf(d.getTime()))).toEqual([-1, 0, 1, -1]);
    expect(groupInto(months, instants, (d) => d)).toEqual([[instants[1]], [instants[2]]]);
  });

  it("bounds a month by the zone's midnights, through a DST change", () => {
    const march = monthBounds("2026-03", "Europe/Berlin");
    expect(march.start.toISOString()).toBe("2026-02-28T23:00:00.000Z");
    expect(march.end.toISOString()).toBe("2026-03-31T22:00:00.000Z");
    expect(startOfDayIn("2026-07-01", "Europe/Berlin").toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(calendarDaysBetween(new Date("2026-03-28T12:00:00Z"), new Date("2026-03-30T12:00:00Z"), "Europe/Berlin")).toBe(2);
  });
});
