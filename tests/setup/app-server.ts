// What an integration test starts: a real app process on a fresh database of its own.
//
//   describe.each(databases())("incidents on %s", (database) => {
//     let app: TestApp;
//     beforeAll(async () => (app = await startApp({ database })));
//     afterAll(() => app.stop());
//     it("...", async () => expect((await app.api.get("/api/v1/incidents")).status).toBe(200));
//   });
import { inject } from "vitest";
import { ADMIN_TOKEN, spawnApp, type AppProcess } from "./app-process.ts";
import { openProbe, type DatabaseProbe } from "./database-probe.ts";
import { createPostgresDatabase, createSqliteDatabase, postgresAdminUrl, type DatabaseKind, type TestDatabase } from "./test-databases.ts";

export { ADMIN_TOKEN };
export type { DatabaseKind };

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplate: string | null;
    postgresTemplate: string | null;
  }
}

/** SQLite always; Postgres too when TEST_DATABASE_URL names a database to administer. */
export function databases(): DatabaseKind[] {
  return postgresAdminUrl() ? ["sqlite", "postgres"] : ["sqlite"];
}

export type StartOptions = {
  database: DatabaseKind;
  env?: Record<string, string>;
  /** Another instance on an existing database (left in place by stop()). */
  databaseUrl?: string;
};

export type TestApp = {
  database: DatabaseKind;
  baseUrl: string;
  databaseUrl: string;
  adminToken: string;
  /** The API as the bootstrap admin. */
  api: Api;
  /** The server's process id (a test may signal it) and its exit. */
  pid: number;
  exited: AppProcess["exited"];
  /** Direct reads of the app's database. */
  db: DatabaseProbe;
  logs(): string;
  stop(): Promise<void>;
};

function template(key: "sqliteTemplate" | "postgresTemplate"): string | null {
  try {
    return inject(key) ?? null;
  } catch {
    return null; // outside a vitest run with our global setup: the app seeds itself
  }
}

/** A migrated, seeded database of its own (from the run's template when there is one). */
export async function freshDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "sqlite") return createSqliteDatabase(template("sqliteTemplate"));
  const adminUrl = postgresAdminUrl();
  if (!adminUrl) throw new Error("set TEST_DATABASE_URL to run against Postgres");
  return createPostgresDatabase(adminUrl, template("postgresTemplate"));
}

export async function startApp(options: StartOptions): Promise<TestApp> {
  const owned = options.databaseUrl ? null : await freshDatabase(options.database);
  const databaseUrl = options.databaseUrl ?? owned!.url;
  let server;
  try {
    server = await spawnApp({ DATABASE_URL: databaseUrl, SEED_DEMO_DATA: "auto", BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN, ...options.env });
  } catch (error) {
    await owned?.drop();
    throw error;
  }
  const db = openProbe(databaseUrl);
  return {
    database: options.database,
    baseUrl: server.baseUrl,
    databaseUrl,
    adminToken: ADMIN_TOKEN,
    pid: server.pid,
    exited: server.exited,
    api: api(server.baseUrl, ADMIN_TOKEN),
    db,
    logs: server.logs,
    async stop() {
      await db.close().catch(() => {});
      await server.stop();
      await owned?.drop();
    },
  };
}

// Tests read whatever JSON the API returns; the shapes are asserted, not declared.
export type ApiResponse = { status: number; body: any; headers: Headers };

export type Api = {
  get(path: string, headers?: Record<string, string>): Promise<ApiResponse>;
  post(path: string, body?: unknown): Promise<ApiResponse>;
  patch(path: string, body?: unknown): Promise<ApiResponse>;
  delete(path: string): Promise<ApiResponse>;
  /** Sends `body` exactly as given (malformed JSON, streams, huge payloads). */
  raw(method: string, path: string, body: BodyInit | null, headers?: Record<string, string>): Promise<ApiResponse>;
};

/** A small JSON client for the API; `token` null sends no Authorization header. */
export function api(baseUrl: string, token: string | null): Api {
  const send = async (method: string, path: string, body: BodyInit | null | undefined, headers: Record<string, string> = {}) => {
    const init: RequestInit & { duplex?: "half" } = {
      method,
      headers: {
        accept: "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined && body !== null ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body,
    };
    if (body instanceof ReadableStream) init.duplex = "half";
    const response = await fetch(baseUrl + path, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: the test sees the text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  const json = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));
  return {
    get: (path, headers) => send("GET", path, undefined, headers),
    post: (path, body) => send("POST", path, json(body)),
    patch: (path, body) => send("PATCH", path, json(body)),
    delete: (path) => send("DELETE", path, undefined),
    raw: (method, path, body, headers) => send(method, path, body, headers),
  };
}
