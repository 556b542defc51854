// A fresh database for the app: a SQLite file in a new temp dir, or a Postgres database
// bench_status_<pid> created here on the admin connection and dropped at the end.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { DB, opts } from "./options.ts";

export type Database = {
  url: string;
  describe: string;
  dir: string;
  drop: () => Promise<void>;
};

export async function freshDatabase(): Promise<Database> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-status-"));
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  if (DB === "sqlite") {
    return {
      url: `file:${path.join(dir, "app.db")}`,
      describe: `SQLite file in ${dir}`,
      dir,
      drop: async () => removeDir(),
    };
  }
  const admin = new URL(opts["pg-url"]!);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(admin.hostname))
    throw new Error("--pg-url must point at 127.0.0.1");
  const name = `bench_status_${process.pid}`;
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
    dir,
    drop: async () => {
      removeDir();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
