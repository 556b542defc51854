import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-errors.ts";

// Shapes as Prisma 6's driver adapters throw them (seen in database-unavailable.postgres.test.ts
// and timeline-db-locked.test.ts), and as node-postgres and better-sqlite3 raise them beneath.
const adapterError = (cause: Record<string, unknown>) =>
  Object.assign(new Error(String(cause.message ?? "")), { name: "DriverAdapterError", cause });

describe("isDatabaseUnavailable", () => {
  it("recognises a Postgres database that refuses connections, is shut down, or is out of connections", () => {
    const refusing = adapterError({
      kind: "postgres",
      code: "55000",
      originalCode: "55000",
      message: 'database "app" is not currently accepting connections',
    });
    expect(isDatabaseUnavailable(refusing)).toBe(true);
    expect(
      isDatabaseUnavailable(
        adapterError({ kind: "postgres", code: "57P01", message: "terminating connection due to administrator command" }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(adapterError({ kind: "postgres", code: "53300", message: "sorry, too many clients already" }))).toBe(true);
    expect(isDatabaseUnavailable(adapterError({ kind: "postgres", code: "08006", message: "connection failure" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
  });

  it("recognises SQLite's write lock held past the busy timeout, however deep the cause", () => {
    const busy = Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
    expect(isDatabaseUnavailable(busy)).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: new Error("again", { cause: busy }) }))).toBe(true);
  });

  it("leaves real errors alone: a broken constraint, a missing table, another 55000, a bug", () => {
    expect(
      isDatabaseUnavailable(adapterError({ kind: "postgres", code: "23505", message: "duplicate key value violates unique constraint" })),
    ).toBe(false);
    expect(isDatabaseUnavailable(adapterError({ kind: "postgres", code: "42P01", message: 'relation "Incident" does not exist' }))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(adapterError({ kind: "postgres", code: "55000", message: "cannot execute in this state" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("database is locked?")).toBe(false);
  });
});
