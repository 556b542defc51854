// The floors of the code that ESLint cannot state. The import floors (utils import nothing above
// them; the audit log imports no module; modules never import routes, components or app/http; one
// holder of globalThis) are lint rules now, in eslint.config.js, tested by app/lint-rules.test.ts.
import { readdirSync, statSync } from "node:fs";
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

describe("the floors of the code", () => {
  it("prisma/ holds no app code: the demo data is a module", () => {
    expect(sources("prisma").filter((file) => !/migration-files\.ts$/.test(file))).toEqual([]);
  });
});
