// The role matrix's table itself (role-matrix.expectations.ts): one entry per route module in app/routes and no
// entry without one, a column for every role the app has, and each route asked at the URL its file name stands
// for. role-matrix.test.ts asks the routes as the table says.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROLES as APP_ROLES } from "~/modules/auth/roles.ts";
import { REPO_ROOT } from "../setup/app-process.ts";
import { ROLES, ROUTES } from "./role-matrix.expectations.ts";

const ROUTES_DIR = path.join(REPO_ROOT, "app/routes");

/** The URL a flat-routes file name stands for, as a pattern an entry's url (with {fixtures}) must match. */
function urlPattern(file: string): RegExp {
  let segments: string[] = [];
  let segment = "";
  let escaped = false;
  for (const char of file.replace(/\.tsx?$/, "")) {
    if (char === "[" || char === "]") escaped = char === "[";
    else if (char === "." && !escaped) [segments, segment] = [[...segments, segment], ""];
    else segment += char;
  }
  const parts = [...segments, segment].filter((s) => !s.startsWith("_")).map((s) => s.replace(/_$/, ""));
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // a parameter is a {fixture} or a value written out (a template's key); a splat ($) any rest of the path
  return new RegExp(`^/${parts.map((s) => (s === "$" ? ".+" : literal(s).replace(/\\\$[A-Za-z]+/g, "[^/]+"))).join("/")}$`);
}

describe("the role matrix's table", () => {
  const files = readdirSync(ROUTES_DIR).filter((f) => /\.tsx?$/.test(f));

  it("has one entry per route module, and no entry without a module", () => {
    const entries = ROUTES.map((r) => r.file);
    expect({ withoutEntry: files.filter((f) => !entries.includes(f)), withoutFile: entries.filter((e) => !files.includes(e)) }).toEqual({
      withoutEntry: [],
      withoutFile: [],
    });
    expect(
      entries.filter((e, i) => entries.indexOf(e) !== i),
      "entries named twice",
    ).toEqual([]);
  });

  it("asks as every role the app has (a new role needs its column here)", () => {
    expect([...ROLES].sort()).toEqual([...APP_ROLES].sort());
  });

  it("asks each route at the URL its file name stands for", () => {
    const wrong = ROUTES.filter((r) => !urlPattern(r.file).test(r.url.split("?")[0])).map(
      (r) => `${r.file}: ${r.url} (expected ${urlPattern(r.file)})`,
    );
    expect(wrong).toEqual([]);
  });
});
