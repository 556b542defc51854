// The one way to read a form (decision 0057): the form's bytes through readForm, its intent
// through one z.enum per route, its fields through parseForm; routes hold no other way.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError } from "./errors.ts";
import { parseForm, readForm, readIntent, unhandledIntent } from "./form.server.ts";
import { formRefusal } from "./page-boundary.server.ts";

const root = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sources(rel);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [rel] : [];
  });
}

/** "file:line: text" for each line of the route side (routes and app/http) matching `pattern`. */
function routeLines(pattern: RegExp): string[] {
  return [...sources("app/routes"), ...sources("app/http")].flatMap((file) =>
    readFileSync(path.join(root, file), "utf8")
      .split("\n")
      .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
}

const post = (fields: Record<string, string>) =>
  new Request("http://localhost/x", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });

const Intent = z.enum(["add", "remove"]);

describe("the one way to read a form", () => {
  it("reads the intent as one of the route's enum, the main form's when none is sent", async () => {
    expect(readIntent(await readForm(post({ intent: "remove" })), Intent)).toBe("remove");
    expect(readIntent(await readForm(post({})), Intent, "add")).toBe("add");
  });

  it("refuses an unknown or missing intent with a 400 naming the field intent", async () => {
    for (const fields of [{ intent: "nothing" }, {}, { intent: "" }] as Record<string, string>[]) {
      let thrown: unknown;
      try {
        readIntent(await readForm(post(fields)), Intent);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      const refusal = formRefusal(thrown);
      expect(refusal.init.status).toBe(400);
      expect(refusal.errors).toEqual({ _: "Unknown action.", intent: "must be one of add, remove" });
    }
  });

  it("refuses a sent intent that is not the route's even when a missing one has a default", async () => {
    expect(() => readIntent(new FormData(), Intent, "add")).not.toThrow();
    const form = new FormData();
    form.set("intent", "delete");
    expect(() => readIntent(form, Intent, "add")).toThrow(DomainError);
  });

  it("parses the fields into the one result: the data, or the errors by field", async () => {
    const Schema = z.object({ intent: Intent, id: z.string().min(1, "say which") });
    expect(await parseForm(post({ intent: "remove", id: "w1" }), Schema)).toEqual({ ok: true, data: { intent: "remove", id: "w1" } });
    const refused = await parseForm(post({ intent: "remove", id: "" }), Schema);
    expect(refused).toEqual({ ok: false, errors: expect.objectContaining({ id: "say which" }) });
  });

  it("has unhandledIntent refuse at run time what TypeScript refuses at build time", () => {
    expect(() => unhandledIntent("stray" as never)).toThrow(DomainError);
  });

  it("leaves no if-chain over an intent in the routes: each is a switch over one union", () => {
    expect(routeLines(/\bintent\s*[!=]==|[!=]==\s*[\w.]*\bintent\b/)).toEqual([]);
  });

  it("has the routes read a form only through the helpers, never the request's body themselves", () => {
    expect(routeLines(/\brequest\.(formData|json|text|arrayBuffer)\(\)/)).toEqual([]);
  });
});
