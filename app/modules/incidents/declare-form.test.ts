import { describe, expect, it } from "vitest";
import { declareFormErrors } from "./declare-form.ts";

describe("the declare form's errors", () => {
  it("name their field", () => {
    const errors = declareFormErrors(
      { title: "must not be empty", severity: "must be one of SEV1, SEV2, SEV3, SEV4", summary: "must be at most 5,000 characters" },
      [],
    );
    expect(errors.title).toBe("Title: must not be empty");
    expect(errors.severity).toBe("Severity: must be one of SEV1, SEV2, SEV3, SEV4");
    expect(errors.summary).toBe("Summary: must be at most 5,000 characters");
    expect(errors._).toMatch(/^3 fields need attention: Title: must not be empty; Severity: .*; Summary: .*\.$/);
  });

  it("name the component or region that is wrong", () => {
    const posted = [
      { id: "c1", name: "Messages" },
      { id: "nosuch", name: null },
    ];
    expect(declareFormErrors({ "components.0.impact": "must be one of x" }, posted).components).toBe(
      "Affected components: Messages: must be one of x",
    );
    expect(declareFormErrors({ "components.1.id": "no such component" }, posted).components).toBe(
      "Affected components: “nosuch”: no such component",
    );
    expect(declareFormErrors({ "regions.0": "no such region" }, []).regions).toBe("Regions: region 1: no such region");
    expect(declareFormErrors({ startedAt: "must not be in the future" }, []).startedAt).toBe("Started: must not be in the future");
  });

  it("keep a module's general message when no field is named", () => {
    expect(declareFormErrors({ _: "Some fields are not valid." }, [])).toEqual({ _: "Some fields are not valid." });
    expect(declareFormErrors({ _: "Some fields are not valid.", title: "x" }, [])._).toBe("One field needs attention: Title: x.");
  });
});
