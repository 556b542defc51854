import { describe, expect, it } from "vitest";
import { actionInWords, changedFields, entityLink, entityTypeInWords, valueInWords } from "./describe.ts";

describe("an audit event in words", () => {
  it("reads actions as words, known ones and unknown ones", () => {
    expect(actionInWords("incident.updated")).toBe("Incident updated");
    expect(actionInWords("action_item.created")).toBe("Action item created");
    expect(actionInWords("incident.milestone_corrected")).toBe("Incident milestone corrected");
    expect(actionInWords("gizmo.turned_on")).toBe("Gizmo turned on");
    expect(entityTypeInWords("TimelineEntry")).toBe("Timeline entry");
    expect(entityTypeInWords("ApiToken")).toBe("API token");
  });

  it("lists only the fields that changed, nested ones by path", () => {
    const before = { severity: "SEV3", title: "Uploads fail", commander: { id: "u1", name: "Ada" }, lastSeq: 14, components: ["a"] };
    const after = {
      severity: "SEV1",
      title: "Uploads fail",
      commander: { id: "u2", name: "Ada" },
      lastSeq: 15,
      components: ["a"],
      resolvedAt: null,
    };
    expect(changedFields(before, after)).toEqual([
      { field: "severity", before: "SEV3", after: "SEV1" },
      { field: "commander.id", before: "u1", after: "u2" },
      { field: "lastSeq", before: 14, after: 15 },
      { field: "resolvedAt", before: undefined, after: null },
    ]);
  });

  it("shows a creation as the fields written, and a plain value as one change", () => {
    expect(changedFields(null, { kind: "note", body: "hi" })).toEqual([
      { field: "kind", before: undefined, after: "note" },
      { field: "body", before: undefined, after: "hi" },
    ]);
    expect(changedFields("old source", "new source")).toEqual([{ field: "(value)", before: "old source", after: "new source" }]);
    expect(changedFields(null, null)).toEqual([]);
  });

  it("cuts long values and marks a missing one", () => {
    expect(valueInWords(undefined)).toBe("—");
    expect(valueInWords({ a: 1 })).toBe('{"a":1}');
    expect(valueInWords("x".repeat(300), 10)).toBe(`${"x".repeat(9)}…`);
  });

  it("links an entity to the page that shows it, and a gone one nowhere", () => {
    expect(entityLink("Incident", "abc", { incidentRef: "INC-5" })).toBe("/incidents/INC-5");
    expect(entityLink("TimelineEntry", "e1", { incidentRef: "INC-5", entrySeq: 7 })).toBe("/incidents/INC-5?entry=7#entry-7");
    expect(entityLink("StatusUpdate", "u1", { incidentRef: "INC-5" })).toBe("/incidents/INC-5/comms");
    expect(entityLink("StatusUpdate", "u1", { gone: true })).toBeNull();
    expect(entityLink("Postmortem", "p1")).toBe("/postmortems/p1");
    expect(entityLink("ActionItem", "a1", { postmortemId: "p1" })).toBe("/postmortems/p1/action-items");
    expect(entityLink("User", "u1")).toBe("/admin/users");
    expect(entityLink("Template", "notice.incident.created")).toBe("/admin/notices");
    expect(entityLink("AlertGroup", "g1")).toBeNull();
  });
});
