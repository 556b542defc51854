import { describe, expect, it } from "vitest";
import { actingRole, can, PERMISSIONS, ROLES, type Permission } from "./roles.ts";

const permissions = Object.keys(PERMISSIONS) as Permission[];

describe("actingRole", () => {
  it("never may more than the token's role nor more than its owner's, for every pair", () => {
    for (const token of ROLES) {
      for (const owner of ROLES) {
        const acting = actingRole(token, owner);
        const beyond = permissions.filter((p) => can(acting, p) && !(can(token, p) && can(owner, p)));
        expect(beyond, `${token} token of a ${owner}: acts as ${acting}`).toEqual([]);
      }
    }
  });

  it("is the role itself when both are the same, and the other role when one is admin", () => {
    for (const role of ROLES) {
      expect(actingRole(role, role)).toBe(role);
      expect(actingRole("admin", role)).toBe(role);
      expect(actingRole(role, "admin")).toBe(role);
    }
  });

  it("is the greatest role below both: a comms user's responder token, and a responder's comms token, act as viewers", () => {
    expect(actingRole("responder", "comms")).toBe("viewer");
    expect(actingRole("comms", "responder")).toBe("viewer");
    expect(actingRole("responder", "viewer")).toBe("viewer");
    expect(actingRole("viewer", "responder")).toBe("viewer");
  });

  it("has a role below every pair: the viewer's permissions are every role's", () => {
    for (const role of ROLES)
      expect(
        permissions.filter((p) => can("viewer", p) && !can(role, p)),
        role,
      ).toEqual([]);
  });
});
