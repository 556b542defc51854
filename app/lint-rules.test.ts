// The layers are held by eslint.config.js (decision 0058): these lint made-up files at real
// paths and expect the refusals, so a rule that quietly stops matching fails here.
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
let eslint: ESLint;

// Loading the config (typescript-eslint, the plugins) takes seconds on a busy machine: once, here.
beforeAll(async () => {
  eslint = new ESLint({ cwd: root, cache: false });
  await eslint.calculateConfigForFile(path.join(root, "app/utils/example.ts"));
  await eslint.lintText("export {};\n", { filePath: path.join(root, "app/utils/example.ts") });
}, 60_000);

/** "rule: specifier-or-message" for each problem the house rules find in `code` at `file`. */
async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message.match(/'([^']+)'/)?.[1] ?? m.message}`);
}

/** A file that imports `specifier` and uses what it imports. */
const importing = (specifier: string, typeOnly = false) =>
  typeOnly
    ? `import type { Thing } from "${specifier}";\nexport type Used = Thing;\n`
    : `import { thing } from "${specifier}";\nexport const used = thing;\n`;

describe("the layers, as the linter holds them", { timeout: 20_000 }, () => {
  it("utils import nothing above them", async () => {
    expect(await problems("app/utils/example.ts", importing("~/modules/incidents/schemas.ts"))).toEqual([
      "no-restricted-imports: ~/modules/incidents/schemas.ts",
    ]);
    expect(await problems("app/utils/example.ts", importing("../routes/incidents.tsx"))).toEqual([
      "no-restricted-imports: ../routes/incidents.tsx",
    ]);
    expect(await problems("app/utils/example.server.ts", importing("~/http/template-form.server.ts"))).toEqual([
      "no-restricted-imports: ~/http/template-form.server.ts",
    ]);
  });

  it("modules never import routes, components, app/http, React or Remix", async () => {
    for (const specifier of [
      "~/routes/incidents.tsx",
      "~/components/ui/button.tsx",
      "~/http/audit-download.server.ts",
      "../../routes/x.tsx",
      "react",
      "@remix-run/node",
    ]) {
      expect(await problems("app/modules/incidents/example.server.ts", importing(specifier))).toEqual([
        `no-restricted-imports: ${specifier}`,
      ]);
    }
  });

  it("the audit log imports no other module", async () => {
    expect(await problems("app/modules/audit/example.server.ts", importing("../incidents/view.server.ts"))).toEqual([
      "no-restricted-imports: ../incidents/view.server.ts",
    ]);
  });

  it("a file without .server in its name never imports a *.server file, not even its types", async () => {
    expect(await problems("app/components/room/example.tsx", importing("~/modules/incidents/view.server.ts", true))).toEqual([
      "no-restricted-imports: ~/modules/incidents/view.server.ts",
    ]);
    expect(await problems("app/modules/incidents/example.ts", importing("./queries.server.ts"))).toEqual([
      "no-restricted-imports: ./queries.server.ts",
    ]);
    expect(await problems("app/utils/example.ts", importing("./db.server"))).toEqual(["no-restricted-imports: ./db.server"]);
  });

  it("one module holds the process's singletons", async () => {
    const reaching = "export const store = (globalThis as Record<string, unknown>).store;\n";
    expect(await problems("app/modules/incidents/example.server.ts", reaching)).toEqual(["no-restricted-globals: globalThis"]);
    expect(await problems("app/utils/singleton.ts", reaching)).toEqual([]);
  });

  it("no file passes 300 lines", async () => {
    const long = Array.from({ length: 301 }, (_, i) => `export const line${i} = ${i};`).join("\n") + "\n";
    expect(await problems("app/modules/incidents/example.ts", long)).toEqual([
      "max-lines: File has too many lines (301). Maximum allowed is 300.",
    ]);
    expect(await problems("tests/integration/example.test.ts", long)).toHaveLength(1);
  });

  it("a file that keeps to its layer passes", async () => {
    const good = [
      'import { DomainError } from "~/utils/errors.ts";',
      'import { thing } from "./view.server.ts";',
      'import { other } from "../components/catalog.ts";',
      "export const used = [DomainError, thing, other];",
      "",
    ].join("\n");
    expect(await problems("app/modules/incidents/example.server.ts", good)).toEqual([]);
    expect(await problems("app/components/status-page/example.server.tsx", importing("~/modules/status-page/store.server.ts"))).toEqual([]);
    expect(await problems("app/routes/example.tsx", importing("~/components/ui/button.tsx"))).toEqual([]);
  });
});
