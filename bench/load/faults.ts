// The database faults, each undone in `end()` (called from run.ts's finally as well):
// - db-lock: another process holds the SQLite file's write lock (BEGIN EXCLUSIVE; in WAL mode
//   readers go on, every writer waits its busy timeout and fails).
// - pg-stop: the app's database refuses connections and its open ones are terminated (as in
//   tests/integration/status-page-db-down.postgres.test.ts), which looks to the app like the
//   server being down, without stopping the Postgres that other work on this machine uses.
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { root } from "../status-page/options.ts";

export type Fault = { name: string; end: () => Promise<void> };

const LOCKER = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1], { timeout: 60000 });
db.exec("BEGIN EXCLUSIVE");
process.send("locked");
process.on("message", () => { db.exec("COMMIT"); db.close(); process.exit(0); });
`;

export async function lockSqlite(databaseUrl: string): Promise<Fault> {
  const file = databaseUrl.replace(/^file:/, "");
  const child: ChildProcess = spawn(process.execPath, ["-e", LOCKER, file], { cwd: root, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
  let ended = false;
  return {
    name: "db-lock",
    end: async () => {
      if (ended) return;
      ended = true;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      if (child.connected) child.send("release");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      kill(); // the lock goes with the process, whatever happened
      process.off("exit", kill);
    },
  };
}

async function asAdmin(adminUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function stopPostgres(adminUrl: string, databaseUrl: string): Promise<Fault> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!/^bench_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to cut off ${name}: not a benchmark's database`);
  await asAdmin(adminUrl, `ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
  let ended = false;
  const end = async () => {
    if (ended) return;
    ended = true;
    await asAdmin(adminUrl, `ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
  };
  try {
    await asAdmin(adminUrl, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
  } catch (error) {
    await end();
    throw error;
  }
  return { name: "pg-stop", end };
}
