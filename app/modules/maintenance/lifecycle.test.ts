import { describe, expect, it } from "vitest";
import { canMoveMaintenance, dueMoves, holdsComponents } from "./lifecycle.ts";

const at = (hour: number) => new Date(Date.UTC(2026, 10, 28, hour));
const window = { scheduledFor: at(2), scheduledUntil: at(4) };

describe("maintenance lifecycle", () => {
  it("moves forward only: scheduled, in progress, verifying, completed", () => {
    expect(canMoveMaintenance("scheduled", "in_progress")).toBe(true);
    expect(canMoveMaintenance("in_progress", "verifying")).toBe(true);
    expect(canMoveMaintenance("verifying", "completed")).toBe(true);
    expect(canMoveMaintenance("completed", "in_progress")).toBe(false);
    expect(canMoveMaintenance("in_progress", "scheduled")).toBe(false);
    expect(canMoveMaintenance("scheduled", "verifying")).toBe(false);
  });

  it("starts at the scheduled time and completes at the end, by itself", () => {
    expect(dueMoves({ status: "scheduled", ...window }, at(1))).toEqual([]);
    expect(dueMoves({ status: "scheduled", ...window }, at(2))).toEqual(["in_progress"]);
    expect(dueMoves({ status: "in_progress", ...window }, at(3))).toEqual([]);
    expect(dueMoves({ status: "in_progress", ...window }, at(4))).toEqual(["completed"]);
    expect(dueMoves({ status: "verifying", ...window }, at(5))).toEqual(["completed"]);
    expect(dueMoves({ status: "completed", ...window }, at(5))).toEqual([]);
  });

  it("starts and completes a window that was missed entirely (the app was down)", () => {
    expect(dueMoves({ status: "scheduled", ...window }, at(6))).toEqual(["in_progress", "completed"]);
  });

  it("holds components under maintenance only while running", () => {
    expect(holdsComponents("scheduled")).toBe(false);
    expect(holdsComponents("in_progress")).toBe(true);
    expect(holdsComponents("verifying")).toBe(true);
    expect(holdsComponents("completed")).toBe(false);
  });
});
