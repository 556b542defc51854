import { describe, expect, it } from "vitest";
import { median, nearestRank, summarize } from "./stats.ts";

describe("summaries of durations", () => {
  it("gives count, median, mean and p90 of an even count", () => {
    const values = [300, 60, 1200, 120];
    expect(summarize(values)).toEqual({ count: 4, median: (120 + 300) / 2, mean: (300 + 60 + 1200 + 120) / 4, p90: 1200 });
  });

  it("takes the middle value of an odd count, and p90 by nearest rank", () => {
    const values = Array.from({ length: 11 }, (_, i) => (i + 1) * 10); // 10..110
    // rank ceil(0.9 × 11) = 10: the tenth smallest
    expect(summarize(values)).toEqual({ count: 11, median: 60, mean: 60, p90: 100 });
    expect(nearestRank([5], 0.9)).toBe(5);
  });

  it("says nothing rather than zero when there is nothing", () => {
    expect(summarize([])).toEqual({ count: 0, median: null, mean: null, p90: null });
    expect(median([])).toBeNull();
  });

  it("rounds the mean to the millisecond", () => {
    expect(summarize([1, 1, 2]).mean).toBe(1.333);
  });
});
