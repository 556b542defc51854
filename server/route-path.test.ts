import { describe, expect, it } from "vitest";
import { isApiPath, routePath } from "./route-path.ts";

describe("routePath", () => {
  it("reads a path as Remix matches it: decoded, any case, without .data or trailing slashes", () => {
    expect(routePath("/admin/users")).toBe("/admin/users");
    expect(routePath("/ADMIN/Users/")).toBe("/admin/users");
    expect(routePath("/admin/users.data")).toBe("/admin/users");
    expect(routePath("/%61dmin/users.data")).toBe("/admin/users");
    expect(routePath("//admin//users")).toBe("/admin/users");
    expect(routePath("/_root.data")).toBe("/");
    expect(routePath("/")).toBe("/");
    expect(routePath("/login?_data=routes%2Flogin")).toBe("/login");
  });

  it("keeps a path that is not valid percent-encoding as it was sent", () => {
    expect(routePath("/api/v1/incidents/%")).toBe("/api/v1/incidents/%");
    expect(isApiPath(routePath("/API/v1/incidents"))).toBe(true);
    expect(isApiPath(routePath("/apiary"))).toBe(false);
  });
});
