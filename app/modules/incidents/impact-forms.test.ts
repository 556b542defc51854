import { describe, expect, it } from "vitest";
import { impactWindowsFromForm } from "./impact-forms.ts";
import { ImpactWindowsSchema } from "./schemas.ts";

function form(rows: Record<string, string>[]) {
  const f = new FormData();
  f.append("intent", "impact");
  for (const row of rows) for (const [k, v] of Object.entries(row)) f.append(k, v);
  return f;
}

const row = (over: Record<string, string> = {}) => ({
  componentId: "c1",
  impact: "major_outage",
  startedAt: "2026-11-25T09:30",
  startedAtShown: "2026-11-25T09:30",
  startedAtWas: "2026-11-25T09:30:27.481Z",
  endedAt: "2026-11-25T10:00",
  endedAtShown: "2026-11-25T10:00",
  endedAtWas: "2026-11-25T10:00:05.002Z",
  ...over,
});

describe("the room's impact table as the API's windows", () => {
  it("keeps the exact time of a field the writer did not touch, and reads a changed one as UTC when shown in UTC", () => {
    const windows = impactWindowsFromForm(
      form([row(), row({ componentId: "c2", impact: "partial_outage", startedAt: "2026-11-25T09:40" })]),
    );
    expect(windows).toEqual({
      windows: [
        { componentId: "c1", impact: "major_outage", startedAt: "2026-11-25T09:30:27.481Z", endedAt: "2026-11-25T10:00:05.002Z" },
        { componentId: "c2", impact: "partial_outage", startedAt: "2026-11-25T09:40:00.000Z", endedAt: "2026-11-25T10:00:05.002Z" },
      ],
    });
    expect(ImpactWindowsSchema.safeParse(windows).success).toBe(true);
  });

  it("reads a new row (nothing shown before) and an empty end as a window still open", () => {
    const added = {
      componentId: "c3",
      impact: "degraded_performance",
      startedAt: "2026-11-25T09:50",
      startedAtShown: "",
      startedAtWas: "",
      endedAt: "",
      endedAtShown: "",
      endedAtWas: "",
    };
    expect(impactWindowsFromForm(form([added]))).toEqual({
      windows: [{ componentId: "c3", impact: "degraded_performance", startedAt: "2026-11-25T09:50:00.000Z", endedAt: null }],
    });
  });

  it("reads changed times in the zone the table showed: 10:00 in Los Angeles is 18:00Z, and across the spring change", () => {
    const typed = (startedAt: string, endedAt: string) => ({
      ...row(),
      startedAt,
      startedAtShown: "",
      startedAtWas: "",
      endedAt,
      endedAtShown: "",
      endedAtWas: "",
    });
    expect(impactWindowsFromForm(form([typed("2026-01-15T10:00", "2026-01-15T11:15")]), "America/Los_Angeles").windows[0]).toMatchObject({
      startedAt: "2026-01-15T18:00:00.000Z",
      endedAt: "2026-01-15T19:15:00.000Z",
    });
    // 01:30 PST to 03:30 PDT on 8 March 2026 is one hour
    expect(impactWindowsFromForm(form([typed("2026-03-08T01:30", "2026-03-08T03:30")]), "America/Los_Angeles").windows[0]).toMatchObject({
      startedAt: "2026-03-08T09:30:00.000Z",
      endedAt: "2026-03-08T10:30:00.000Z",
    });
    // a field left as shown keeps its exact instant whatever the zone
    expect(impactWindowsFromForm(form([row()]), "America/Los_Angeles").windows[0].startedAt).toBe("2026-11-25T09:30:27.481Z");
  });

  it("gives no windows when every row was removed, and lets the schema name a row's bad field", () => {
    expect(impactWindowsFromForm(form([]))).toEqual({ windows: [] });
    const parsed = ImpactWindowsSchema.safeParse(impactWindowsFromForm(form([row(), row({ startedAt: "yesterday", impact: "sideways" })])));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["windows.1.startedAt", "windows.1.impact"]));
  });
});
