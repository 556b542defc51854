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
    const patch = patchFromRoomForm(
      "components",
      form([
        ["impact:c1", "major_outage"],
        ["impact:c2", ""],
        ["regions", "r1"],
      ]),
    );
    expect(patch).toEqual({ components: [{ id: "c1", impact: "major_outage" }], regions: ["r1"] });
    expect(IncidentPatchSchema.safeParse(patch).success).toBe(true);
  });

  it("read datetime-local milestones as UTC and clear empty optional ones", () => {
    const patch = patchFromRoomForm(
      "milestones",
      form([
        ["startedAt", "2026-11-25T09:30"],
        ["detectedAt", ""],
        ["mitigatedAt", ""],
      ]),
    );
    expect(patch).toMatchObject({ startedAt: "2026-11-25T09:30:00.000Z", mitigatedAt: null });
    expect(patch).not.toHaveProperty("detectedAt");
    const parsed = IncidentPatchSchema.parse(patch);
    expect(parsed.startedAt?.toISOString()).toBe("2026-11-25T09:30:00.000Z");
  });

  it("read milestones in the writer's zone: 10:00 entered in Los Angeles is 18:00Z in winter", () => {
    const patch = patchFromRoomForm(
      "milestones",
      form([
        ["startedAt", "2026-01-15T10:00"],
        ["resolvedAt", "2026-07-15T10:00"],
      ]),
      "America/Los_Angeles",
    );
    expect(patch).toMatchObject({ startedAt: "2026-01-15T18:00:00.000Z", resolvedAt: "2026-07-15T17:00:00.000Z" });
  });

  it("send only the milestones the writer changed, so the seconds of the others are not rounded away", () => {
    const patch = patchFromRoomForm(
      "milestones",
      form([
        ["startedAt", "2026-11-25T09:15"],
        ["startedAtShown", "2026-11-25T09:30"],
        ["detectedAt", "2026-11-25T09:31"],
        ["detectedAtShown", "2026-11-25T09:31"],
        ["acknowledgedAt", ""],
        ["acknowledgedAtShown", ""],
        ["mitigatedAt", ""],
        ["mitigatedAtShown", ""],
        ["resolvedAt", "2026-11-25T10:00"],
        ["resolvedAtShown", "2026-11-25T10:00"],
        ["moveImpactWindows", "on"],
      ]),
    );
    expect(patch).toEqual({ startedAt: "2026-11-25T09:15:00.000Z", moveImpactWindows: true });
  });

  it("keep the impact windows where they are when 'Move the impact windows with it' is unticked", () => {
    const untouched = ["detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt"].flatMap((m): [string, string][] => [
      [m, ""],
      [`${m}Shown`, ""],
    ]);
    const changed: [string, string][] = [
      ["startedAt", "2026-11-25T09:15"],
      ["startedAtShown", "2026-11-25T09:30"],
    ];
    const patch = patchFromRoomForm("milestones", form([...changed, ...untouched]));
    expect(patch).toEqual({ startedAt: "2026-11-25T09:15:00.000Z", moveImpactWindows: false });
    expect(IncidentPatchSchema.parse(patch).moveImpactWindows).toBe(false);
  });

  it("unassign a role when 'Unassigned' is chosen", () => {
    expect(
      patchFromRoomForm(
        "details",
        form([
          ["severity", "SEV1"],
          ["commanderId", ""],
        ]),
      ),
    ).toMatchObject({ severity: "SEV1", commanderId: null });
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

  it("reads the declare form's Started and Detected in the zone they were shown in, either side of the spring change", () => {
    const f = form([
      ["title", "Elevated errors"],
      ["severity", "SEV2"],
      ["startedAt", "2026-03-08T01:30"],
      ["detectedAt", "2026-03-08T03:30"],
    ]);
    // 01:30 PST and 03:30 PDT on 8 March 2026: one hour apart, not two
    expect(declareFromForm(f, "America/Los_Angeles")).toMatchObject({
      startedAt: "2026-03-08T09:30:00.000Z",
      detectedAt: "2026-03-08T10:30:00.000Z",
    });
    expect(declareFromForm(form([["startedAt", "2026-01-15T10:00"]]), "America/Los_Angeles").startedAt).toBe("2026-01-15T18:00:00.000Z");
  });
});
