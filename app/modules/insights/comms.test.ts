import { describe, expect, it } from "vitest";
import { commsInsights, firstUpdateSeconds, promiseFigure } from "./comms.ts";
import { A, at, B, C, D, E, FROM, NOW, TO } from "./sample-data.ts";

const m = (minutes: number) => minutes * 60;

describe("comms", () => {
  const result = commsInsights([A, B, C, D], [E], { from: FROM, to: TO }, "Etc/UTC", NOW);

  it("measures the time from the start to the first published update", () => {
    expect(firstUpdateSeconds(A)).toBe(m(12));
    expect(firstUpdateSeconds(C)).toBeNull();
    // A 12, B 25, D 60 minutes; C published nothing and does not count.
    expect(result.firstUpdate).toEqual({
      key: "comms.firstUpdate",
      count: 3,
      median: m(25),
      mean: (m(12) + m(25) + m(60)) / 3,
      p90: m(60),
      incidentIds: ["a", "b", "d"],
    });
    expect(result.firstUpdateByMonth.map((row) => [row.month, row.count, row.median])).toEqual([
      ["2026-01", 2, (m(12) + m(25)) / 2],
      ["2026-02", 1, m(60)],
    ]);
    expect(result.previousFirstUpdate).toMatchObject({ count: 1, median: m(30), incidentIds: ["e"] });
  });

  it("gives the share of promised updates that came in time", () => {
    // A promised three times: at 40 (due 42) kept, at 100 (due 70) missed, at 150 (due 160) kept.
    // B promised once: due at 55, the next came at 240, missed. D promised nothing.
    expect(result.promises).toEqual({
      key: "comms.promises",
      promised: 4,
      kept: 2,
      missed: 2,
      pending: 0,
      keptShare: 2 / 4,
      incidentIds: ["a", "b"],
    });
    expect(result.previousPromises).toMatchObject({ promised: 0, keptShare: null, incidentIds: [] });
  });

  it("leaves a promise still ahead out of the share", () => {
    const open = {
      ...C,
      updates: [{ id: "c-u1", status: "investigating", publishedAt: at("2026-03-31T11:50:00Z"), nextUpdateAt: at("2026-03-31T12:20:00Z") }],
    };
    expect(promiseFigure([A, open], NOW, "k")).toMatchObject({ promised: 4, kept: 2, missed: 1, pending: 1, keptShare: 2 / 3 });
  });
});
