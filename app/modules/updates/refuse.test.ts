import { describe, expect, it } from "vitest";
import { returnRefusal } from "./rules.ts";
import { RefuseSchema } from "./schemas.ts";

const by = { authorId: "u1", contributorIds: ["u1", "u3"] };

describe("refusing an update awaiting approval", () => {
  it("lets someone who wrote none of it refuse an update awaiting approval", () => {
    expect(returnRefusal({ ...by, state: "awaiting_approval" }, "u2")).toBeNull();
  });

  it("refuses the author and any editor: they edit or discard it instead", () => {
    expect(returnRefusal({ ...by, state: "awaiting_approval" }, "u1")).toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/author of an update cannot refuse/),
    });
    expect(returnRefusal({ ...by, state: "awaiting_approval" }, "u3")?.code).toBe("forbidden");
  });

  it("refuses a draft, an approved or a published update as the wrong state, even to its author", () => {
    for (const state of ["draft", "approved", "published"] as const) {
      expect(returnRefusal({ ...by, state }, "u2")?.code).toBe("conflict");
      expect(returnRefusal({ ...by, state }, "u1")?.code).toBe("conflict");
    }
    expect(returnRefusal({ ...by, state: "published" }, "u2")?.message).toMatch(/this one is published/);
  });

  it("wants a reason of 1 to 500 characters", () => {
    expect(RefuseSchema.safeParse({ reason: "  Wrong region named  " }).data).toEqual({ reason: "Wrong region named" });
    expect(RefuseSchema.safeParse({ reason: "   " }).success).toBe(false);
    expect(RefuseSchema.safeParse({}).success).toBe(false);
    expect(RefuseSchema.safeParse({ reason: "x".repeat(501) }).success).toBe(false);
    expect(RefuseSchema.safeParse({ reason: "x".repeat(500) }).success).toBe(true);
  });
});
