// A fresh database for the app: a SQLite file in a new temp dir, or a Postgres database
// bench_status_<pid> created here on the admin connection and dropped at the end.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createBenchPostgres } from "../shared/postgres-database.ts";
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
  const database = await createBenchPostgres(opts["pg-url"]!, "bench_status");
  return {
    ...database,
    dir,
    drop: async () => {
      removeDir();
      await database.drop();
    },
  };
}
