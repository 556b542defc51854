// Generates the fuzz test's requests: every one is invalid by construction (broken syntax, a
// field of the wrong kind, text no database stores, an id that names nothing, a method the
// route does not answer), so whatever the app does with it, it must refuse it with a 4xx and
// store nothing. The same seed gives the same requests.
import type { DiscoveredRoute } from "./routes.ts";
import { bogusId, ODD_TEXT, prng, RAW, RAW_BYTES, type Rng } from "./values.ts";
import { enc, formBody, jsonBody } from "./bodies.ts";

export type Principal = "token" | "session" | "anonymous";

export type FuzzRequest = {
  n: number;
  route: string;
  mutation: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | null;
  principal: Principal;
};

export type Fixtures = {
  /** Real ids by slot ("incidents/:id", "timeline/:entryId"), used only where the body is broken anyway. */
  ids: Record<string, string>;
  /** Real ids of every kind: as an id of another kind they name nothing. */
  all: string[];
};

export type GenerateOptions = {
  routes: DiscoveredRoute[];
  fixtures: Fixtures;
  seed: number;
  count: number;
  /** Headers that authenticate a body for routes with no token (a webhook signature), by route file. */
  signers?: Record<string, (body: Buffer) => Record<string, string>>;
};

const ODD_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND", "MKCOL"];
const QUERY_NAMES = [
  "status",
  "severity",
  "component",
  "from",
  "to",
  "q",
  "cursor",
  "limit",
  "after",
  "kinds",
  "state",
  "owner",
  "overdue",
  "search",
  "sla",
  "figure",
  "table",
  "kind",
  "token",
  "intent",
];

export function slotOf(route: DiscoveredRoute, index: number): string {
  const previous = route.segments
    .slice(0, index)
    .reverse()
    .find((s) => "literal" in s);
  const segment = route.segments[index];
  return `${previous && "literal" in previous ? previous.literal : ""}/:${"param" in segment ? segment.param : ""}`;
}

function queryString(rng: Rng): string {
  const pairs: string[] = [];
  for (let i = 0, n = 1 + rng.int(4); i < n; i++) {
    const name = rng.pick(QUERY_NAMES);
    const value = rng.pick([
      ...ODD_TEXT.map(enc),
      "%zz",
      "%",
      "x".repeat(8000),
      "-1",
      "1e309",
      "NaN",
      "99999-01-01",
      "2026-02-30",
      "+275760-09-13",
      "0",
      "9".repeat(30),
      enc(RAW(rng.pick(RAW_BYTES))),
      "%c0%af",
    ]);
    const shape = rng.pick(["plain", "plain", "repeated", "brackets", "indexed"]);
    if (shape === "plain") pairs.push(`${name}=${value}`);
    else if (shape === "repeated") pairs.push(`${name}=${value}`, `${name}=other`);
    else if (shape === "brackets") pairs.push(`${name}[]=${value}`, `${name}[]=b`);
    else pairs.push(`${name}[0]=${value}`, `${name}[a][b]=c`);
  }
  return "?" + pairs.join("&");
}

function buildPath(route: DiscoveredRoute, fixtures: Fixtures, rng: Rng, real: (slot: string, last: boolean) => boolean): string {
  const params = route.segments.filter((s) => "param" in s).length;
  let seen = 0;
  return (
    "/" +
    route.segments
      .map((s, i) => {
        if ("literal" in s) return s.literal;
        seen++;
        const slot = slotOf(route, i);
        // an id of another kind, never the one this slot takes (that would be a valid request)
        const wrongKind = fixtures.all.filter((id) => id !== fixtures.ids[slot]);
        const id = fixtures.ids[slot] !== undefined && real(slot, seen === params) ? enc(fixtures.ids[slot]) : bogusId(rng, wrongKind);
        return id + s.suffix;
      })
      .join("/")
  );
}

/** Lazily, one at a time: some bodies are megabytes. */
export function* generateRequests(options: GenerateOptions): Generator<FuzzRequest> {
  const rng = prng(options.seed);
  const { fixtures } = options;
  const entries: { route: DiscoveredRoute; write: boolean; weight: number }[] = [];
  for (const route of options.routes) {
    if (route.hasAction) entries.push({ route, write: true, weight: route.body === "none" ? 2 : route.api ? 5 : 4 });
    if (route.hasLoader) entries.push({ route, write: false, weight: route.api ? 1 : 0.5 });
  }
  const total = entries.reduce((sum, e) => sum + e.weight, 0);
  const pickEntry = () => {
    let x = rng.next() * total;
    for (const e of entries) if ((x -= e.weight) < 0) return e;
    return entries[entries.length - 1];
  };

  for (let n = 0; n < options.count; n++) {
    const { route, write } = pickEntry();
    const principal: Principal = rng.chance(0.15) ? "anonymous" : route.api || rng.chance(0.5) ? "token" : "session";
    const headers: Record<string, string> = { accept: rng.pick(["application/json", "text/html", "*/*"]) };
    if (!write) {
      // GET never changes anything, so real ids are fine; a stream is only opened with a bad resume point.
      const path = buildPath(route, fixtures, rng, () => rng.chance(0.6));
      if (/event-stream|EventStream/.test(route.source)) headers["last-event-id"] = rng.pick(["abc", "-1", "1e3", "9999999999", "", "1 2"]);
      yield { n, route: route.file, mutation: "odd query", method: "GET", path: path + queryString(rng), headers, body: null, principal };
      continue;
    }
    const odd = route.methods.length === 0 || (route.body === "none" && !route.segments.some((s) => "param" in s)) || rng.chance(0.1);
    const method = odd ? rng.pick(ODD_METHODS.filter((m) => !route.methods.includes(m) && m !== "GET")) : rng.pick(route.methods);
    // Real ids only where the body is read and broken; elsewhere the last id names nothing.
    const readsBody = route.body !== "none" && method !== "DELETE" && route.methods.includes(method);
    const path = buildPath(route, fixtures, rng, (_slot, last) => (readsBody || !last) && rng.chance(0.7));
    let mutation: string;
    let body: Buffer | null = null;
    if (route.body === "form") {
      const form = formBody(route, rng);
      mutation = form.mutation;
      body = form.body;
      if (form.contentType) headers["content-type"] = form.contentType;
    } else {
      const json = jsonBody(route, method, rng);
      mutation = route.body === "none" ? "an id that names nothing" : json.mutation;
      body = json.body;
      headers["content-type"] = rng.chance(0.8)
        ? "application/json"
        : rng.pick([
            "text/plain",
            "application/x-www-form-urlencoded",
            "application/json; charset=utf-16",
            "multipart/form-data; boundary=x",
          ]);
      const sign = options.signers?.[route.file];
      if (sign && rng.chance(0.8)) Object.assign(headers, sign(body));
    }
    if (odd) mutation = `method ${method}; ${mutation}`;
    yield { n, route: route.file, mutation, method, path, headers, body, principal };
  }
}
