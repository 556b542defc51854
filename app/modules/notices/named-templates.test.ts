import { describe, expect, it } from "vitest";
import {
  NamedTemplateCreateSchema,
  NamedTemplatePatchSchema,
  namedTemplateKey,
  parseTemplateKey,
  templateSlug,
} from "./named-templates.ts";

describe("named update templates", () => {
  it("make their key from the status and the name", () => {
    expect(templateSlug("Third-party outage")).toBe("third-party-outage");
    expect(templateSlug("  Degraded performance in one region!  ")).toBe("degraded-performance-in-one-region");
    expect(templateSlug("Panne du fournisseur (Élan)")).toBe("panne-du-fournisseur-elan");
    expect(templateSlug("障害 – 東京")).toBe("障害-東京");
    expect(templateSlug("!!!")).toBe("");
    expect(namedTemplateKey("investigating", "third-party-outage")).toBe("update.investigating.third-party-outage");
  });

  it("read a key back as a status's default or one of its named templates", () => {
    expect(parseTemplateKey("update.resolved")).toEqual({ status: "resolved", slug: null });
    expect(parseTemplateKey("update.identified.third-party-outage")).toEqual({ status: "identified", slug: "third-party-outage" });
    expect(parseTemplateKey("update.postmortem")).toBeNull();
    expect(parseTemplateKey("notice.incident.created")).toBeNull();
    expect(parseTemplateKey("k2fj3l4m5n6p")).toBeNull();
  });

  it("need a name with a letter or digit, a known status and a source", () => {
    expect(
      NamedTemplateCreateSchema.safeParse({ status: "investigating", name: "Third-party outage", source: "We are looking." }).success,
    ).toBe(true);
    const issues = (value: unknown) =>
      NamedTemplateCreateSchema.safeParse(value).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues({ status: "investigating", name: " -- ", source: "x" })).toEqual(["name: must contain a letter or a digit"]);
    expect(issues({ status: "postmortem", name: "x", source: "x" })).toEqual([
      "status: must be one of investigating, identified, monitoring, resolved",
    ]);
    expect(issues({ status: "resolved", name: "x".repeat(81), source: "x" })).toEqual(["name: must be at most 80 characters"]);
    expect(issues({ status: "resolved", name: "x", source: "x", extra: 1 })?.[0]).toMatch(/extra|Unrecognized/);
    expect(NamedTemplatePatchSchema.safeParse({}).success).toBe(false);
    expect(NamedTemplatePatchSchema.safeParse({ name: "Renamed" }).success).toBe(true);
  });
});
