import { describe, expect, it } from "vitest";
import { actionItemInsights } from "./action-items.ts";
import { ACTION_ITEMS, DAY, FROM, NOW, TO } from "./sample-data.ts";

describe("action items", () => {
  const result = actionItemInsights(ACTION_ITEMS, { from: FROM, to: TO }, "Etc/UTC", NOW);

  it("counts items opened and closed per month of the range", () => {
    expect(result.byMonth).toEqual([
      {
        month: "2026-01",
        opened: { key: "actions.opened.2026-01", count: 2, incidentIds: ["a"] },
        closed: { key: "actions.closed.2026-01", count: 1, incidentIds: ["a"] },
      },
      // ai3 was closed as won't do: closed all the same.
      {
        month: "2026-02",
        opened: { key: "actions.opened.2026-02", count: 2, incidentIds: ["b"] },
        closed: { key: "actions.closed.2026-02", count: 1, incidentIds: ["b"] },
      },
    ]);
  });

  it("lists what is open past its due date now, most overdue first, whenever it was opened", () => {
    expect(result.overdue).toMatchObject({ key: "actions.overdue", count: 2, incidentIds: ["e", "a"] });
    expect(result.overdue.items.map((i) => [i.id, i.dueAt])).toEqual([
      ["ai5", "2025-12-20T23:59:59.000Z"],
      ["ai2", "2026-02-01T23:59:59.000Z"],
    ]);
  });

  it("gives the median time to close of the items closed in the range", () => {
    // ai1: 10 days; ai3: 2 days.
    expect(result.timeToClose).toEqual({
      key: "actions.timeToClose",
      count: 2,
      median: (10 * DAY + 2 * DAY) / 2 / 1000,
      mean: (10 * DAY + 2 * DAY) / 2 / 1000,
      p90: (10 * DAY) / 1000,
      incidentIds: ["a", "b"],
    });
  });
});
