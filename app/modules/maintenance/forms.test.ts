import { describe, expect, it } from "vitest";
import { NewMaintenanceSchema } from "./schemas.ts";
import { maintenanceSections, moveLabel, newMaintenanceInput, newMaintenanceValues, suggestedWindow } from "./forms.ts";

function form(fields: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
}

describe("the maintenance page's forms", () => {
  it("reads the datetime-local fields as UTC when the form names UTC, and every checked component", () => {
    const values = newMaintenanceValues(
      form([
        ["title", "Database upgrade"],
        ["scheduledFor", "2030-01-05T10:00"],
        ["scheduledUntil", "2030-01-05T12:30"],
        ["components", "c1"],
        ["components", "c2"],
        ["body", "  "],
        ["notify", "on"],
      ]),
    );
    const parsed = NewMaintenanceSchema.parse(newMaintenanceInput(values));
    expect(parsed.scheduledFor.toISOString()).toBe("2030-01-05T10:00:00.000Z");
    expect(parsed.scheduledUntil.toISOString()).toBe("2030-01-05T12:30:00.000Z");
    expect(parsed.components).toEqual(["c1", "c2"]);
    expect(parsed.body).toBeUndefined();
    expect(parsed.notify).toBe(true);
  });

  it("reads the fields in the zone the form showed: 10:00 in Los Angeles is 18:00Z, across the autumn change too", () => {
    const values = newMaintenanceValues(
      form([
        ["title", "Database upgrade"],
        ["scheduledFor", "2030-01-05T10:00"],
        ["scheduledUntil", "2030-01-05T12:30"],
        ["components", "c1"],
      ]),
    );
    const parsed = NewMaintenanceSchema.parse(newMaintenanceInput(values, "America/Los_Angeles"));
    expect(parsed.scheduledFor.toISOString()).toBe("2030-01-05T18:00:00.000Z");
    expect(parsed.scheduledUntil.toISOString()).toBe("2030-01-05T20:30:00.000Z");
    // 22:00 PDT on 2 November to 06:00 PST on 3 November 2030: nine hours, not eight
    const overnight = newMaintenanceValues(
      form([
        ["title", "Overnight"],
        ["scheduledFor", "2030-11-02T22:00"],
        ["scheduledUntil", "2030-11-03T06:00"],
        ["components", "c1"],
      ]),
    );
    const across = NewMaintenanceSchema.parse(newMaintenanceInput(overnight, "America/Los_Angeles"));
    expect(across.scheduledFor.toISOString()).toBe("2030-11-03T05:00:00.000Z");
    expect(across.scheduledUntil.toISOString()).toBe("2030-11-03T14:00:00.000Z");
  });

  it("an empty time is missing, not the start of 1970; an unchecked notify box is false", () => {
    const values = newMaintenanceValues(
      form([
        ["title", "Database upgrade"],
        ["scheduledFor", ""],
        ["scheduledUntil", "2030-01-05T12:30"],
        ["components", "c1"],
      ]),
    );
    expect(values.notify).toBe(false);
    const parsed = NewMaintenanceSchema.safeParse(newMaintenanceInput(values));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain("scheduledFor");
  });

  it("names the moves in a person's words", () => {
    expect(moveLabel("scheduled", "in_progress")).toBe("Start now");
    expect(moveLabel("verifying", "in_progress")).toBe("Back to in progress");
    expect(moveLabel("in_progress", "verifying")).toBe("Verifying");
    expect(moveLabel("in_progress", "completed")).toBe("Complete now");
  });

  it("lists running windows, then upcoming soonest first, then the most recently completed", () => {
    const w = (
      id: string,
      status: "scheduled" | "in_progress" | "verifying" | "completed",
      scheduledFor: string,
      completedAt: string | null = null,
    ) => ({ id, status, scheduledFor, completedAt });
    const sections = maintenanceSections([
      w("late", "scheduled", "2030-01-09T00:00Z"),
      w("soon", "scheduled", "2030-01-02T00:00Z"),
      w("old", "completed", "2029-01-01T00:00Z", "2029-01-01T02:00Z"),
      w("recent", "completed", "2029-06-01T00:00Z", "2029-06-01T02:00Z"),
      w("checking", "verifying", "2030-01-01T00:00Z"),
    ]);
    expect(sections.inProgress.map((m) => m.id)).toEqual(["checking"]);
    expect(sections.upcoming.map((m) => m.id)).toEqual(["soon", "late"]);
    expect(sections.completed.map((m) => m.id)).toEqual(["recent", "old"]);
  });

  it("suggests the next full hour for two hours, as the reader's wall clock reads it", () => {
    expect(suggestedWindow(new Date("2030-01-05T10:17:42Z"))).toEqual({
      scheduledFor: "2030-01-05T11:00",
      scheduledUntil: "2030-01-05T13:00",
    });
    expect(suggestedWindow(new Date("2030-01-05T10:17:42Z"), "America/Los_Angeles")).toEqual({
      scheduledFor: "2030-01-05T03:00",
      scheduledUntil: "2030-01-05T05:00",
    });
    // half-hour zones get a full hour of their own clock, not UTC's
    expect(suggestedWindow(new Date("2030-01-05T10:17:42Z"), "Asia/Kolkata")).toEqual({
      scheduledFor: "2030-01-05T16:00",
      scheduledUntil: "2030-01-05T18:00",
    });
  });
});
