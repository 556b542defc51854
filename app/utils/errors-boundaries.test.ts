// The house rule of decision 0051, held by a test: modules refuse with DomainError and build no
// answers at all (no Response, no headers), and every route's loader and action goes through one of the two boundaries.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * What builds an HTTP answer: a Response (with a body, JSON or a redirect) or its headers. The
 * event streams, downloads and Slack's answers are built on the route side (routes, app/http).
 */
const BUILDS_HTTP = /new Response\(|Response\.(json|redirect|error)\(|new Headers\(/;

/** The route side's helpers that turn a refusal or a place into an answer (utils/http.server.ts and the two boundaries). */
const ANSWER_BUILDS = ["redirectResponse", "apiError", "apiAnswer", "pageAnswer", "formFailed"];
const ANSWER_BUILDERS = new RegExp(`\\b(${ANSWER_BUILDS.join("|")})\\(`, "g");

describe("errors carry no HTTP", () => {
  it("no module throws a Response or builds the API's error answer", () => {
    const offenders = sources(join(ROOT, "modules")).flatMap((file) => {
      const text = readFileSync(file, "utf8");
      const name = file.slice(ROOT.length + 1);
      const found = [/throw new Response\(/, /\bapiError\(/, /Response\.json\(\s*\{\s*errors?\b/].filter((pattern) => pattern.test(text));
      return found.map((pattern) => `${name}: ${pattern.source}`);
    });
    expect(offenders).toEqual([]);
  });

  it("no module builds a Response or its headers at all", () => {
    const building = sources(join(ROOT, "modules"))
      .map((file) => file.slice(ROOT.length + 1))
      .filter((name) => BUILDS_HTTP.test(readFileSync(join(ROOT, name), "utf8")));
    expect(building).toEqual([]);
  });

  it("no module calls the helpers that build answers (a redirect, the API's error, a form's or a page's answer)", () => {
    const calling = sources(join(ROOT, "modules")).flatMap((file) => {
      const found = readFileSync(file, "utf8").match(ANSWER_BUILDERS) ?? [];
      return found.map((call) => `${file.slice(ROOT.length + 1)}: ${call}`);
    });
    expect(calling).toEqual([]);
  });

  it("knows a Response when it sees one", () => {
    for (const text of [
      "return new Response(body, { headers });",
      "Response.json({ text })",
      "Response.redirect(url)",
      "new Headers({})",
    ]) {
      expect(BUILDS_HTTP.test(text), text).toBe(true);
    }
    expect(BUILDS_HTTP.test("let response: Response; response = await fetch(url);")).toBe(false);
  });

  it("every route's loader and action goes through a boundary (apiLoader/apiAction or pageLoader/pageAction)", () => {
    const files = [join(ROOT, "root.tsx"), ...sources(join(ROOT, "routes"))];
    const unwrapped = files.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      const name = file.slice(ROOT.length + 1);
      const bare = [
        ...text.matchAll(
          /^export (?:async )?function (loader|action)\b|^export const (loader|action) = (?!(?:api|page)(?:Loader|Action)\()/gm,
        ),
      ];
      return bare.map((m) => `${name}: ${m[1] ?? m[2]}`);
    });
    expect(unwrapped).toEqual([]);
  });
});
