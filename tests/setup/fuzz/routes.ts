// The app's routes as the fuzz test sees them, read from app/routes (Remix flat routes), so a
// new route is fuzzed without anyone listing it: its URL pattern, whether it has a loader and
// an action, the methods its action answers, and whether it reads a JSON or a form body.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../app-process.ts";

export type Segment = { literal: string } | { param: string; suffix: string };

export type DiscoveredRoute = {
  file: string;
  segments: Segment[];
  /** "/api/v1/incidents/:id/timeline" */
  pattern: string;
  api: boolean;
  hasLoader: boolean;
  hasAction: boolean;
  /** Methods the action compares request.method with or allows; a form action that never looks answers POST. */
  methods: string[];
  /** What the action reads: a JSON body, a form, or nothing (then only ids that exist nowhere are sent). */
  body: "json" | "form" | "none";
  /** Form field names the route mentions (name="…", form.get("…")). */
  formFields: string[];
  source: string;
};

/** A route whose action lives in a module (`~/modules/…/*-action.server.ts`, decision 0044) is read with that module. */
function withActionModules(source: string): string {
  let all = source;
  for (const m of source.matchAll(/from "~\/(modules\/[\w/.-]+-action\.server\.ts)"/g))
    all += "\n" + readFileSync(path.join(REPO_ROOT, "app", m[1]), "utf8");
  return all;
}

/** Splits a flat-route file name on the dots outside [brackets]. */
function splitSegments(name: string): string[] {
  const parts: string[] = [];
  let current = "";
  let escaped = false;
  for (const ch of name) {
    if (ch === "[") escaped = true;
    else if (ch === "]") escaped = false;
    else if (ch === "." && !escaped) {
      parts.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

function toSegment(raw: string): Segment | null {
  if (raw === "_index" || raw.startsWith("_")) return null; // index route or pathless layout
  const name = raw.endsWith("_") ? raw.slice(0, -1) : raw; // "incidents.$id_.comms": not nested in the layout
  const param = /^\$([A-Za-z0-9]+)(.*)$/.exec(name);
  if (param) return { param: param[1], suffix: param[2].replace(/[[\]]/g, "") };
  return { literal: name.replace(/[[\]]/g, "") };
}

function methodsOf(source: string, hasAction: boolean): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/request\.method\s*[!=]==?\s*"([A-Z]+)"/g)) found.add(m[1]);
  // allowMethods(request, ["GET", "PUT"]): the methods an API route serves (app/utils/http.server.ts)
  for (const list of source.matchAll(/allowMethods\(request, \[([^\]]*)\]\)/g))
    for (const m of list[1].matchAll(/"([A-Z]+)"/g)) found.add(m[1]);
  if (!found.size && hasAction) found.add("POST");
  return [...found].filter((m) => m !== "GET" && m !== "HEAD");
}

export function discoverRoutes(dir = path.join(REPO_ROOT, "app/routes")): DiscoveredRoute[] {
  return readdirSync(dir)
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"))
    .sort()
    .map((file) => {
      const source = withActionModules(readFileSync(path.join(dir, file), "utf8"));
      const segments = splitSegments(file.replace(/\.tsx?$/, ""))
        .map(toSegment)
        .filter((s): s is Segment => s !== null);
      const pattern = "/" + segments.map((s) => ("literal" in s ? s.literal : `:${s.param}${s.suffix}`)).join("/");
      const hasLoader = /export (async )?function loader|export const loader/.test(source);
      const hasAction = /export (async )?function action|export const action/.test(source);
      const body = /parseJson\(|readAlertPayload\(|readLimited\(|readSignedSlackRequest\(/.test(source)
        ? "json"
        : /readForm\(|parseForm\(|formData\(\)/.test(source)
          ? "form"
          : "none";
      const formFields = new Set<string>();
      for (const m of source.matchAll(/name="([A-Za-z][\w-]*)"|form\.get(?:All)?\("([A-Za-z][\w-]*)"\)/g)) formFields.add(m[1] ?? m[2]);
      return {
        file,
        segments,
        pattern,
        api: pattern.startsWith("/api/"),
        hasLoader,
        hasAction,
        methods: methodsOf(source, hasAction),
        body,
        formFields: [...formFields].sort(),
        source,
      };
    });
}
