import { describe, expect, it } from "vitest";
import { newestUpdateFirst } from "./order.ts";

const at = new Date(Date.UTC(2026, 10, 28, 6));

describe("updates newest first", () => {
  it("puts the later step first when two updates share a time", () => {
    const updates = [
      { status: "scheduled" as const, displayAt: at },
      { status: "in_progress" as const, displayAt: at },
      { status: "completed" as const, displayAt: new Date(at.getTime() - 1) },
    ];
    expect([...updates].sort(newestUpdateFirst).map((u) => u.status)).toEqual(["in_progress", "scheduled", "completed"]);
  });
});
