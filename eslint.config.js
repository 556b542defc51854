// The house rules the linter holds (decision 0058): a modest TypeScript rule set, the rules of
// hooks, files under 300 lines, one holder of the process's singletons, and the layers as import
// rules. Each layer's rule lists what its folder may not import; a file under several layers gets
// all their lists, because a later `no-restricted-imports` replaces an earlier one, never merges.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

const TS = ["**/*.ts", "**/*.tsx", "**/*.mts"];
const TESTS = ["**/*.test.ts", "**/*.test.tsx"];
const SERVER_FILES = ["**/*.server.ts", "**/*.server.tsx"];

/** A specifier reaching `folders` of app/, by the `~/` alias or by climbing out with `../`. */
const into = (folders, climb = "(\\.\\./)+") => `^(~/|${climb})(${folders.join("|")})/`;

const layers = {
  utils: {
    regex: into(["modules", "components", "routes", "http"]),
    message: "app/utils is the floor: it imports nothing from modules, components, routes or app/http.",
  },
  // From app/modules/<domain>/, one `../` is a sibling module (there is a module named `components`).
  modules: {
    regex: into(["routes", "components", "http"], "(\\.\\./){2,}"),
    message: "Modules hold the rules: they never import routes, components or app/http.",
  },
  modulesBelowRoutes: {
    regex: into(["routes", "http"], "(\\.\\./){2,}"),
    message: "Modules never import routes or app/http.",
  },
  modulesFramework: {
    regex: "^(react|react-dom|@remix-run)(/|$)",
    message: "Modules hold the rules apart from the framework: no React or Remix here (throw a DomainError; the boundary answers).",
  },
  audit: {
    regex: "^(~/modules/|\\.\\./[^.])",
    message: "The audit log imports no other module: every module writes audit rows.",
  },
  server: {
    regex: "\\.server(\\.tsx?)?$",
    message: "A file without .server in its name may reach the browser: it never imports a *.server file, not even its types.",
  },
};

/** `no-restricted-imports` with the patterns of the named layers (type-only imports count too). */
const restrict = (...names) => ["error", { patterns: names.map((name) => ({ regex: layers[name].regex, message: layers[name].message })) }];

export default defineConfig(
  {
    ignores: [
      "app/generated/**",
      "build/**",
      ".build*/**",
      ".cache/**",
      "data/**",
      "backups/**",
      "test-results/**",
      "bench/results/**",
      "public/build/**",
      "**/__snapshots__/**",
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    languageOptions: { globals: { ...globals.node } },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["public/**/*.js"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["app/**/*.tsx", "app/**/*.ts"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: TS,
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
      "@typescript-eslint/no-unused-expressions": ["error", { allowShortCircuit: true, allowTernary: true }],
      // Sanitizers and parsers here strip control characters on purpose.
      "no-control-regex": "off",
    },
  },
  {
    // Tests and benchmarks read JSON whose shape they are checking.
    files: ["tests/**", "bench/**", ...TESTS],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["{app,server,scripts,tests,bench}/**/*.{ts,tsx}", "*.ts"],
    rules: { "max-lines": ["error", { max: 300 }] },
  },
  {
    // One module holds the process's singletons (decision 0053): nothing else reaches for globalThis.
    files: TS,
    ignores: ["app/utils/singleton.ts", ...TESTS],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "globalThis", message: "Keep process-wide state with remember() from ~/utils/singleton.ts." },
      ],
    },
  },
  // The layers. Later blocks replace earlier ones for the files they match, so each lists all it holds.
  { files: ["app/utils/**"], rules: { "no-restricted-imports": restrict("utils") } },
  { files: ["app/modules/**"], rules: { "no-restricted-imports": restrict("modules", "modulesFramework") } },
  { files: ["app/modules/audit/**"], rules: { "no-restricted-imports": restrict("modules", "modulesFramework", "audit") } },
  {
    files: ["app/components/**"],
    ignores: [...SERVER_FILES, ...TESTS],
    rules: { "no-restricted-imports": restrict("server") },
  },
  {
    files: ["app/utils/**"],
    ignores: [...SERVER_FILES, ...TESTS],
    rules: { "no-restricted-imports": restrict("utils", "server") },
  },
  {
    files: ["app/modules/**"],
    ignores: [...SERVER_FILES, ...TESTS],
    rules: { "no-restricted-imports": restrict("modules", "modulesFramework", "server") },
  },
  {
    files: ["app/modules/audit/**"],
    ignores: [...SERVER_FILES, ...TESTS],
    rules: { "no-restricted-imports": restrict("modules", "modulesFramework", "audit", "server") },
  },
);
