// Puts N confirmed subscribers straight into the app's database (a benchmark may: the API
// would take minutes for 100,000, and the API path is covered by the tests).
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";

const id = (n: number) => n.toString(36).padStart(12, "0");

function rows(count: number) {
  const at = new Date(Date.now() - 86_400_000);
  return Array.from({ length: count }, (_, i) => ({
    id: id(i + 1),
    email: `reader${i + 1}@fanout.example`,
    token: randomBytes(18).toString("base64url"),
    at,
  }));
}

export async function seedSubscribers(databaseUrl: string, count: number): Promise<number> {
  const started = performance.now();
  const all = rows(count);
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.slice("file:".length));
    const insert = db.prepare(
      `INSERT INTO "Subscriber" ("id", "email", "token", "source", "askedAt", "confirmedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, 'import', ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      for (const r of all) {
        const at = r.at.toISOString().replace("Z", "+00:00");
        insert.run(r.id, r.email, r.token, at, at, at, at);
      }
    })();
    db.close();
  } else {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    for (let i = 0; i < all.length; i += 5_000) {
      const chunk = all.slice(i, i + 5_000);
      await client.query(
        `INSERT INTO "Subscriber" ("id", "email", "token", "source", "askedAt", "confirmedAt", "createdAt", "updatedAt")
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, email, token)
         CROSS JOIN (SELECT 'import' AS source, $4::timestamp AS a, $4::timestamp AS b, $4::timestamp AS c, $4::timestamp AS d) x`,
        [chunk.map((r) => r.id), chunk.map((r) => r.email), chunk.map((r) => r.token), all[0].at],
      );
    }
    await client.end();
  }
  return performance.now() - started;
}
