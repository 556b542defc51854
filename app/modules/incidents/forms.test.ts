import { describe, expect, it } from "vitest";
import { declareFromForm, patchFromRoomForm } from "./forms.ts";
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

describe("the declare form", () => {
  it("becomes the API's declare input, with 'I lead' kept apart for the caller", () => {
    const f = form([
      ["title", "Elevated errors"],
      ["severity", "SEV2"],
      ["impact:c1", "partial_outage"],
      ["impact:c2", ""],
      ["regions", "r1"],
      ["lead", "me"],
      ["startedAt", "2026-11-25T09:30"],
      ["detectedAt", ""],
    ]);
    expect(declareFromForm(f)).toEqual({
      title: "Elevated errors",
      severity: "SEV2",
      summary: "",
      components: [{ id: "c1", impact: "partial_outage" }],
      regions: ["r1"],
      leadIsMe: true,
      startedAt: "2026-11-25T09:30:00.000Z",
      detectedAt: undefined,
    });
  });
});
