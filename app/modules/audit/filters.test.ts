import { describe, expect, it } from "vitest";
import { AuditFiltersSchema, instantRange } from "./filters.ts";

const parse = (params: Record<string, string>) => AuditFiltersSchema.safeParse(params);

describe("audit log filters", () => {
  it("reads a day range in the reader's zone, the last day included", () => {
    const filters = parse({ from: "2026-07-01", to: "2026-07-01" });
    expect(filters.success).toBe(true);
    const range = instantRange(filters.data!, "Europe/London");
    expect(range).toEqual({ from: new Date("2026-06-30T23:00:00Z"), before: new Date("2026-07-01T23:00:00Z") });
    expect(instantRange(filters.data!, "UTC")).toEqual({
      from: new Date("2026-07-01T00:00:00Z"),
      before: new Date("2026-07-02T00:00:00Z"),
    });
  });

  it("takes a local time to the minute and an instant as it is", () => {
    const filters = parse({ from: "2026-01-10T09:30", to: "2026-01-10T18:00:00+02:00" });
    expect(instantRange(filters.data!, "America/New_York")).toEqual({
      from: new Date("2026-01-10T14:30:00Z"),
      before: new Date("2026-01-10T16:00:00Z"),
    });
  });

  it("says which parameter is wrong and why", () => {
    const bad = parse({ actor: "bob", from: "yesterday", to: "2026-02-30", limit: "500", entityType: "Drop Table", action: "DROP" });
    expect(bad.success).toBe(false);
    const fields = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toEqual({
      actor: "must be user:<id>, token:<id> or system",
      from: expect.stringContaining("must be a date (YYYY-MM-DD)"),
      to: expect.stringContaining("must be a date (YYYY-MM-DD)"),
      limit: "must be at most 200",
      entityType: "must be an entity type such as Incident",
      action: "must be an action such as incident.updated",
    });
    const backwards = parse({ from: "2026-03-02", to: "2026-03-01" });
    expect(instantRange(backwards.data!, "UTC")).toEqual({ error: { to: "must not be before from" } });
  });

  it("treats empty fields of a submitted form as no filter", () => {
    const filters = parse({ actor: "", action: "", entityType: "", entityId: "", from: "", to: "" });
    expect(filters.data).toEqual({});
    expect(parse({ actor: "token:abc123" }).data).toEqual({ actor: { kind: "token", id: "abc123" } });
  });
});
