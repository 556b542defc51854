// The floors of the code, checked on its imports until the linter holds them (issue 15):
// utils import nothing above them; the audit log, which every module writes, imports no module;
// modules never import routes; prisma/ holds the schema and migrations, the demo lives in a module.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sources(rel);
    return /\.(ts|tsx)$/.test(name) ? [rel] : [];
  });
}

/** "file: import" for each import of `file` whose specifier matches `forbidden`. */
function importsMatching(files: string[], forbidden: RegExp): string[] {
  return files.flatMap((file) =>
    [...readFileSync(path.join(root, file), "utf8").matchAll(/^(?:import|export)\b[^;]*?from\s+"([^"]+)"/gms)]
      .map((m) => m[1])
      .filter((specifier) => forbidden.test(specifier))
      .map((specifier) => `${file}: ${specifier}`),
  );
}

describe("the floors of the code", () => {
  it("utils import nothing above them", () => {
    expect(importsMatching(sources("app/utils"), /^~\/(modules|components|routes|http)\//)).toEqual([]);
  });

  it("the audit log imports no other module (every module writes audit rows)", () => {
    expect(importsMatching(sources("app/modules/audit"), /^~\/(modules|components|routes|http)\/|^\.\.\/[^.]/)).toEqual([]);
  });

  it("modules never import routes or route-side helpers", () => {
    expect(importsMatching(sources("app/modules"), /^~\/(routes|http)\//)).toEqual([]);
  });

  it("one module holds the process's singletons: nothing else reaches for globalThis", () => {
    const holders = ["app", "server", "bench", "scripts"]
      .flatMap(sources)
      .filter((file) => !file.startsWith("app/generated/") && !file.endsWith(".test.ts") && file !== "app/utils/singleton.ts")
      .filter((file) => readFileSync(path.join(root, file), "utf8").includes("globalThis"));
    expect(holders).toEqual([]);
  });

  it("prisma/ holds no app code: the demo data is a module", () => {
    expect(sources("prisma").filter((file) => !/migration-files\.ts$/.test(file))).toEqual([]);
  });
});
