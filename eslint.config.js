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

// Files over 300 lines when the rule came in (issue 15); another pass splits them. TEMPORARY:
// the coordinator removes this list once they are split. Nothing may be added to it.
const OVER_300_LINES = [
  "app/modules/demo/story.ts",
  "app/modules/postmortems/markdown-safety.test.ts",
  "app/modules/status-page/html.server.test.ts",
  "app/modules/status-page/v2.test.ts",
  "tests/e2e/xss-payloads.test.ts",
  "tests/integration/offboarding.test.ts",
  "tests/integration/one-set-of-numbers.test.ts",
  "tests/integration/public-until-published.test.ts",
  "tests/integration/request-origin.test.ts",
  "tests/integration/small-leaks.test.ts",
  "tests/integration/status-api-contract.test.ts",
];

// Files outside *.server that still import a *.server file; the `door` work moves those types.
// TEMPORARY like the list above.
const IMPORTS_SERVER_TODAY = [
  "app/components/action-items/action-items-editor.tsx",
  "app/components/admin/audit-event-row.tsx",
  "app/components/admin/notice-editor.tsx",
  "app/components/admin/settings-form.tsx",
  "app/components/admin/subscriber-forms.tsx",
  "app/components/catalog/catalog-entry.tsx",
  "app/components/comms/component-moves.tsx",
  "app/components/comms/delivery-counts.tsx",
  "app/components/comms/refuse-update.tsx",
  "app/components/comms/update-card.tsx",
  "app/components/comms/update-composer.tsx",
  "app/components/maintenance/maintenance-card.tsx",
  "app/components/postmortem/reading/action-items-table.tsx",
  "app/components/postmortem/reading/reading-header.tsx",
  "app/components/room/first-update-due.tsx",
  "app/components/room/header.tsx",
  "app/components/room/impact-editor.tsx",
  "app/components/room/impact-history.tsx",
  "app/components/room/incident-controls.tsx",
  "app/components/room/incident-events.ts",
  "app/components/room/layout-data.ts",
  "app/components/room/slack-behind.tsx",
  "app/components/room/use-incident-stream.ts",
  "app/components/status-page/subscription-pages.tsx",
  "app/modules/components/catalog-forms.ts",
  "app/modules/notices/preview-cases.ts",
  "app/modules/status-page/feeds.ts",
  "app/modules/updates/variables.ts",
];

// Modules that still reach the framework or components (the status page pre-rendered to HTML in
// the status-page module; a sign-in redirect and a form answer built in modules). TEMPORARY like
// the lists above: they keep the other floors while these move out.
const MODULES_ON_THE_FRAMEWORK_TODAY = [
  "app/modules/auth/actor.server.ts",
  "app/modules/incidents/room-action.server.ts",
  "app/modules/status-page/html.server.tsx",
  "app/modules/status-page/html.server.test.ts",
  "app/modules/status-page/store.server.ts",
  "app/modules/status-page/subscription-html.server.tsx",
  "app/modules/status-page/update-html.server.tsx",
];

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
    ignores: OVER_300_LINES,
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
    ignores: [...SERVER_FILES, ...TESTS, ...IMPORTS_SERVER_TODAY],
    rules: { "no-restricted-imports": restrict("server") },
  },
  {
    files: ["app/utils/**"],
    ignores: [...SERVER_FILES, ...TESTS, ...IMPORTS_SERVER_TODAY],
    rules: { "no-restricted-imports": restrict("utils", "server") },
  },
  {
    files: ["app/modules/**"],
    ignores: [...SERVER_FILES, ...TESTS, ...IMPORTS_SERVER_TODAY],
    rules: { "no-restricted-imports": restrict("modules", "modulesFramework", "server") },
  },
  {
    files: ["app/modules/audit/**"],
    ignores: [...SERVER_FILES, ...TESTS, ...IMPORTS_SERVER_TODAY],
    rules: { "no-restricted-imports": restrict("modules", "modulesFramework", "audit", "server") },
  },
  { files: MODULES_ON_THE_FRAMEWORK_TODAY, rules: { "no-restricted-imports": restrict("modulesBelowRoutes") } },
);
