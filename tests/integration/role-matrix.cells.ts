// The cells of role-matrix.test.ts: who asks (a principal), what they ask (a cell: method, URL, body), the
// outcomes a rule of role-matrix.expectations.ts allows them and the outcome an answer is, and the pool the
// sweeps ask in.
import { METHODS, type Method, type Role, type Rule } from "./role-matrix.expectations.ts";

const CONCURRENCY = 6;

type Outcome = "allowed" | "forbidden (403)" | "unauthorized (401)" | "sign-in redirect" | "not served (404/405)" | "server error";
export type Principal = { name: string; role: Role | null; headers: Record<string, string> };
/** The first outcome is the rule's; the others are as good (see expectedOutcomes). */
export type Cell = { method: Method; url: string; variant: string; body?: string; principal: Principal; expected: Outcome[] };
export type Fixtures = Record<string, string | ((method: Method) => Promise<string>)>;

export function expectedOutcomes(rule: Rule | undefined, principal: Principal, url: string): Outcome[] {
  const page = !url.startsWith("/api/");
  // Remix answers a page's missing action after running the layout's loaders, which send a stranger to sign in
  if (rule === undefined) return page && !principal.role ? ["not served (404/405)", "sign-in redirect"] : ["not served (404/405)"];
  // signing out, for one, ends on the sign-in page
  if (rule === "public") return ["allowed", "sign-in redirect"];
  if (rule === "signature") return ["unauthorized (401)"];
  if (!principal.role) return [page ? "sign-in redirect" : "unauthorized (401)"];
  if (rule === "session") return [principal.headers.authorization ? "forbidden (403)" : "allowed"];
  return [rule.includes(principal.role) ? "allowed" : "forbidden (403)"];
}

export function outcomeOf(status: number, location: string | null): Outcome {
  if (status >= 500) return "server error";
  if (status === 401) return "unauthorized (401)";
  if (status === 403) return "forbidden (403)";
  if (status === 404 || status === 405) return "not served (404/405)";
  if (status >= 300 && status < 400 && location?.startsWith("/login")) return "sign-in redirect";
  return "allowed";
}

/** The methods each route is asked: all of them on the API; GET and POST on pages (an action takes any other method too). */
export function methodsFor(entry: { url: string }): readonly Method[] {
  return entry.url.startsWith("/api/") ? METHODS : ["GET", "POST"];
}

export async function inPool<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** The key of the first insights figure that names incidents, for /insights/incidents?figure=. */
export function firstFigureKey(value: unknown): string {
  const found: string[] = [];
  const walk = (v: unknown) => {
    if (found.length || !v || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    if (typeof o.key === "string" && Array.isArray(o.incidentIds) && o.incidentIds.length) return void found.push(o.key);
    Object.values(o).forEach(walk);
  };
  walk(value);
  if (!found.length) throw new Error("no insights figure names an incident");
  return found[0];
}
