// The house rule of decision 0051, held by a test: modules refuse with DomainError and build no
// error answers, and every route's loader and action goes through one of the two boundaries.
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
 * Modules that still answer with a Response, and why: the event streams, and Slack's answer to a
 * command (downloads moved to app/http). (The public subscription pages' HTML
 * moved to app/public-site.)
 * None of them answers an error with it.
 */
const ANSWERS_NOT_ERRORS = new Set([
  "modules/timeline/stream.server.ts",
  "modules/notifications/stream.server.ts",
  "modules/slack/requests.server.ts",
]);

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

  it("no other module builds a Response at all", () => {
    const building = sources(join(ROOT, "modules"))
      .map((file) => file.slice(ROOT.length + 1))
      .filter((name) => /new Response\(|Response\.json\(/.test(readFileSync(join(ROOT, name), "utf8")));
    expect(building.filter((name) => !ANSWERS_NOT_ERRORS.has(name))).toEqual([]);
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
