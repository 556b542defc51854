// Post-mortems for the review and action-item tests: a resolved incident of their own, its
// generated post-mortem written by a chosen person, and, where a test needs one that passes
// lint, sections written the way the editor stores them (the editor is a live Yjs document,
// which no JSON endpoint writes; the sections are stored in the database the same way).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { expect } from "vitest";
import { PrismaClient as SqliteClient } from "~/generated/prisma-sqlite/client.ts";
import { PrismaClient as PostgresClient } from "~/generated/prisma-pg/client.ts";
import { markdownToDoc } from "~/modules/postmortems/document.ts";
import type { Api, TestApp } from "../setup/app-server.ts";

export const DEMO_PASSWORD = "demo-password-2026";

/**
 * The API as this demo person, through their signed-in session (only admins make tokens;
 * the API takes the session cookie like a page does).
 */
export async function signedInApi(app: TestApp, email: string): Promise<Api> {
  const cookie = await cookieOf(app, email);
  const send = async (method: string, path: string, body?: BodyInit | null, headers: Record<string, string> = {}) => {
    const response = await fetch(app.baseUrl + path, {
      method,
      headers: {
        accept: "application/json",
        cookie,
        origin: app.baseUrl,
        ...(body ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body ?? undefined,
    });
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
    delete: (path) => send("DELETE", path),
    raw: (method, path, body, headers) => send(method, path, body, headers),
  };
}

/** The session cookie of a demo person, for posting forms as they would. */
export async function cookieOf(app: TestApp, email: string): Promise<string> {
  const login = await fetch(`${app.baseUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
    redirect: "manual",
  });
  expect(login.status).toBe(302);
  return login.headers.get("set-cookie")!.split(";")[0];
}

/** The page URL in the organisation's settings: where exported links point (never the Host a request named). */
export async function configuredPageUrl(app: TestApp): Promise<string> {
  const [org] = await app.db.rows<{ publicUrl: string }>(`SELECT "publicUrl" FROM "Organization"`);
  return org!.publicUrl.replace(/\/+$/, "");
}

/** Declares and resolves an incident, then has `author` generate its post-mortem. */
export async function generatedPostmortem(app: TestApp, author: Api, title = `Review check ${Math.random().toString(36).slice(2, 8)}`) {
  const declared = await app.api.post("/api/v1/incidents", { title, severity: "SEV3", summary: "Routing failed after a config push." });
  expect(declared.status, JSON.stringify(declared.body)).toBe(201);
  const resolved = await app.api.patch(`/api/v1/incidents/${declared.body.incident.id}`, { status: "resolved" });
  expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
  const generated = await author.post(`/api/v1/incidents/${declared.body.incident.id}/postmortem`);
  expect(generated.status, JSON.stringify(generated.body)).toBe(201);
  return generated.body.postmortem as { id: string; state: string; author: { id: string; name: string } };
}

type Writer = { $disconnect(): Promise<void>; postmortemSection: { update(args: unknown): Promise<unknown> } };

/** Writes sections straight into the app's database, as the editor stores them. */
export function sectionWriter(databaseUrl: string) {
  const client: Writer = databaseUrl.startsWith("file:")
    ? (new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl, timeout: 5000 }) }) as unknown as Writer)
    : (new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 2 }) }) as unknown as Writer);
  return {
    async write(postmortemId: string, key: string, markdown: string) {
      await client.postmortemSection.update({ where: { postmortemId_key: { postmortemId, key } }, data: { doc: markdownToDoc(markdown) } });
    },
    /** Summary, impact and root cause written by a person: what lint asks for. */
    async complete(postmortemId: string) {
      await this.write(postmortemId, "summary", "A config push overloaded routing; chat failed for 12 minutes until it was rolled back.");
      await this.write(postmortemId, "impact", "About 38% of chat requests failed for 12 minutes.");
      await this.write(postmortemId, "root_cause", "The router accepted a config with no upper bound on fan-out.");
    },
    close: () => client.$disconnect(),
  };
}
