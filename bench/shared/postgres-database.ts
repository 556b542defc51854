// A Postgres database of a benchmark's own, created on the admin connection (loopback only)
// and dropped at the end; shared by bench/timeline, bench/status-page and bench/fanout.
import pg from "pg";

export type BenchPostgres = { url: string; describe: string; drop: () => Promise<void> };

export async function createBenchPostgres(adminUrl: string, prefix: string): Promise<BenchPostgres> {
  const admin = new URL(adminUrl);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(admin.hostname)) throw new Error("--pg-url must point at 127.0.0.1");
  const name = `${prefix}_${process.pid}`;
  const adminQuery = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    describe: `Postgres database ${name} on ${admin.host}`,
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
