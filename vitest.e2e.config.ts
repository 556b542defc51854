// End-to-end tests: the built app in a real server process, driven through Chromium.
// Run with `npx vitest run --config vitest.e2e.config.ts` after a build
// (TEST_BUILD_DIR names the build directory; default "build").
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // No retries by default: a flaky end-to-end test is a bug to fix (E2E_RETRY=n to diagnose).
    retry: Number(process.env.E2E_RETRY ?? 0),
    reporters: ["default"],
  },
});
