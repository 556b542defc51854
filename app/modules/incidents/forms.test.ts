import { describe, expect, it } from "vitest";
import { patchFromRoomForm } from "./forms.ts";
import { IncidentPatchSchema } from "./schemas.ts";

function form(entries: [string, string][]) {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("the incident room's forms", () => {
  it("turn per-component impact selects into the API's components list, skipping 'not affected'", () => {
    const patch = patchFromRoomForm("components", form([["impact:c1", "major_outage"], ["impact:c2", ""], ["regions", "r1"]]));
    expect(patch).toEqual({ components: [{ id: "c1", impact: "major_outage" }], regions: ["r1"] });
    expect(IncidentPatchSchema.safeParse(patch).success).toBe(true);
  });

  it("read datetime-local milestones as UTC and clear empty optional ones", () => {
    const patch = patchFromRoomForm("milestones", form([["startedAt", "2026-11-25T09:30"], ["detectedAt", ""], ["mitigatedAt", ""]]));
    expect(patch).toMatchObject({ startedAt: "2026-11-25T09:30:00.000Z", mitigatedAt: null });
    expect(patch).not.toHaveProperty("detectedAt");
    const parsed = IncidentPatchSchema.parse(patch);
    expect(parsed.startedAt?.toISOString()).toBe("2026-11-25T09:30:00.000Z");
  });

  it("unassign a role when 'Unassigned' is chosen", () => {
    expect(patchFromRoomForm("details", form([["severity", "SEV1"], ["commanderId", ""]]))).toMatchObject({ severity: "SEV1", commanderId: null });
  });

  it("know nothing of unknown intents", () => {
    expect(patchFromRoomForm("drop-tables", form([]))).toBeNull();
  });
});
