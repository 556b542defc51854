// Unit tests (pure, next to the code) and integration tests (real app processes on real
// databases). Standalone on purpose: the app's vite.config.ts carries the Remix plugin.
// End-to-end tests have their own config (vitest.e2e.config.ts).
import tsconfigPaths from "vite-tsconfig-paths";
import { configDefaults, defineConfig } from "vitest/config";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.ts", "prisma/**/*.test.ts", "server/**/*.test.ts"],
          environment: "node",
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // *.postgres.test.ts need a Postgres server to exist at all (several instances on one database).
          exclude: [...configDefaults.exclude, ...(onPostgres ? [] : ["tests/integration/**/*.postgres.test.ts"])],
          environment: "node",
          globalSetup: ["tests/setup/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Every file runs its own servers; one file at a time keeps two cores free for them,
          // so the latency checks measure the app, not the machine being overloaded.
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
