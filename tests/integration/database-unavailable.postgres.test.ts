// What the app's database client throws when Postgres stops answering, for every way it is
// used: a model read, a raw query, a transaction, with the pool's connections killed under it
// and new ones refused. Each must be the one "unavailable" refusal, answered 503 with Retry-After, so that
// any route, whatever it was doing, tells its caller to try again instead of a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../setup/app-server.ts";
import { asPostgresAdmin, type TestDatabase } from "../setup/test-databases.ts";

import * as boundary from "../../app/utils/api-boundary.server.ts";
import * as errors from "../../app/utils/errors.ts";

type Client = typeof import("../../app/utils/db.server.ts");

async function thrown(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the database call to fail");
}

describe("the database client while Postgres is cut off", () => {
  let database: TestDatabase;
  let name: string;
  let client: Client;

  beforeAll(async () => {
    database = await freshDatabase("postgres");
    name = new URL(database.url).pathname.slice(1);
    process.env.DATABASE_URL = database.url;
    client = await import("../../app/utils/db.server.ts");
    // Warm the pool: the cut-off then kills connections the client believes are alive.
    await Promise.all([client.db.user.count(), client.db.incident.count(), client.db.$queryRawUnsafe("SELECT 1")]);
  });
  afterAll(async () => {
    await asPostgresAdmin(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`).catch(() => {});
    await client?.db.$disconnect();
    await database?.drop();
  });

  it("throws the 503 unavailable answer for reads, raw queries and transactions, then works again", async () => {
    await asPostgresAdmin(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await asPostgresAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
    const calls: Record<string, () => Promise<unknown>> = {
      "a model read": () => client.db.incident.findMany({ take: 1 }),
      "a raw query": () => client.db.$queryRawUnsafe("SELECT 1"),
      "a transaction": () => client.db.$transaction((tx) => tx.incident.count()),
      "a write in a transaction": () =>
        client.db.$transaction((tx) => tx.user.updateMany({ where: { id: "nobody" }, data: { name: "x" } })),
    };
    for (const [what, call] of Object.entries(calls)) {
      for (let attempt = 1; attempt <= 3; attempt++) {
        const error = await thrown(call);
        expect(error, `${what}, attempt ${attempt}: ${String(error)} ${JSON.stringify(error)}`).toBeInstanceOf(errors.DomainError);
        expect((error as InstanceType<typeof errors.DomainError>).code).toBe("unavailable");
        // what the API answers for it (decision 0051)
        const response = boundary.apiAnswer(error as InstanceType<typeof errors.DomainError>);
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toBeTruthy();
        expect(await response.json()).toMatchObject({ error: { code: "unavailable" } });
      }
    }
    await asPostgresAdmin(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    let answered = false;
    for (let attempt = 0; attempt < 50 && !answered; attempt++) {
      answered = await client.db.incident.count().then(
        () => true,
        () => false,
      );
      if (!answered) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(answered).toBe(true);
    expect(await client.db.$transaction((tx) => tx.user.count())).toBeGreaterThan(0);
  });
});
