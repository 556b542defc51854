// A local stand-in of the Resend HTTP API (POST /emails and /emails/batch), for tests that
// drive the real `resend` SDK through RESEND_BASE_URL. It keeps Resend's documented contract:
// a bearer key, validation (422), idempotency keys (the same key and payload answer the first
// response again and send nothing; another payload is a 409), a per-second rate limit (429
// with retry-after and ratelimit-* headers), and it records every email it accepted.
// Failures are programmable: every k-th request or the next n requests answer 500 (or 429),
// optionally after accepting the emails, as when a response is lost on the way back.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Failures, ReceivedEmail, ResendStandIn, StandInOptions, StandInStats } from "./resend-stand-in.types.ts";

export type { Failures, ReceivedEmail, ResendStandIn, StandInOptions, StandInStats } from "./resend-stand-in.types.ts";

type Answer = { status: number; body: unknown };
type Remembered = { path: string; payload: string; answer: Answer | null };

const MAX_BATCH = 100;
const MAX_KEY_LENGTH = 256;
const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

const error = (status: number, name: string, message: string): Answer => ({ status, body: { name, message, statusCode: status } });

/** Why one email object breaks the contract, or null when it is fine. */
function emailProblem(email: unknown, inBatch: boolean): string | null {
  if (!email || typeof email !== "object" || Array.isArray(email)) return "Each email must be an object.";
  const e = email as Record<string, unknown>;
  if (typeof e.from !== "string" || !e.from.trim()) return "Missing `from` field.";
  const to = typeof e.to === "string" ? [e.to] : e.to;
  if (!Array.isArray(to) || to.length === 0 || to.length > 50) return "The `to` field must hold 1 to 50 addresses.";
  if (!to.every((a) => typeof a === "string" && ADDRESS.test(a)))
    return "Invalid `to` field. Each address must be a single plain email address.";
  if (typeof e.subject !== "string" || !e.subject) return "Missing `subject` field.";
  if (typeof e.html !== "string" && typeof e.text !== "string") return "Missing `html` or `text` field.";
  for (const line of [e.from, e.subject]) if (/[\r\n]/.test(line as string)) return "Header values must not contain line breaks.";
  if (e.headers !== undefined) {
    if (!e.headers || typeof e.headers !== "object" || Array.isArray(e.headers)) return "The `headers` field must be an object.";
    for (const [name, value] of Object.entries(e.headers)) {
      if (typeof value !== "string" || /[\r\n]/.test(name + value)) return `Invalid header \`${name}\`.`;
    }
  }
  if (inBatch && (e.attachments !== undefined || e.scheduled_at !== undefined))
    return "Attachments and scheduled_at are not supported in batch sends.";
  return null;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startResendStandIn(options: StandInOptions = {}): Promise<ResendStandIn> {
  const apiKey = options.apiKey ?? `re_test_${randomUUID().replaceAll("-", "")}`;
  const received: ReceivedEmail[] = [];
  const stats: StandInStats = {
    requests: 0,
    accepted: 0,
    replayed: 0,
    rateLimited: 0,
    failed: 0,
    conflicts: 0,
    invalid: 0,
    unauthorized: 0,
    largestBatch: 0,
  };
  const keys = new Map<string, Remembered>();
  let limit = options.requestsPerSecond ?? null;
  let delayMs = options.delayMs ?? 0;
  let failures: Failures | null = options.failures ?? null;
  let sinceFailuresSet = 0;
  let window = { start: 0, used: 0 };
  let inFlight = 0;

  function rateHeaders(now: number): Record<string, string> {
    if (limit === null) return {};
    const reset = Math.max(1, Math.ceil((window.start + 1000 - now) / 1000));
    return {
      "ratelimit-limit": String(limit),
      "ratelimit-remaining": String(Math.max(0, limit - window.used)),
      "ratelimit-reset": String(reset),
    };
  }

  /** Whether this request is one that the programmed failures pick. */
  function failsNow(): boolean {
    if (!failures) return false;
    sinceFailuresSet += 1;
    if (failures.next && failures.next > 0) {
      failures.next -= 1;
      return true;
    }
    return Boolean(failures.every && sinceFailuresSet % failures.every === 0);
  }

  function accept(
    path: string,
    emails: Record<string, unknown>[],
    key: string | null,
    userAgent: string | null,
    permissive: boolean,
  ): Answer {
    stats.accepted += 1;
    const problems = emails.map((e) => emailProblem(e, true));
    const ids: { id: string }[] = [];
    emails.forEach((e, index) => {
      if (permissive && problems[index]) return;
      const id = randomUUID();
      ids.push({ id });
      const to = typeof e.to === "string" ? [e.to] : (e.to as string[]);
      received.push({
        id,
        from: e.from as string,
        to,
        subject: e.subject as string,
        html: e.html as string | undefined,
        text: e.text as string | undefined,
        headers: (e.headers as Record<string, string>) ?? {},
        idempotencyKey: key,
        userAgent,
        request: stats.accepted,
      });
    });
    stats.largestBatch = Math.max(stats.largestBatch, ids.length);
    if (path === "/emails") return { status: 200, body: ids[0] };
    const errors = problems.flatMap((message, index) => (message ? [{ index, message }] : []));
    return { status: 200, body: permissive ? { data: ids, errors } : { data: ids } };
  }

  async function handle(request: IncomingMessage): Promise<Answer & { headers?: Record<string, string> }> {
    stats.requests += 1;
    const raw = await readBody(request);
    const path = (request.url ?? "").split("?")[0];
    if (request.method !== "POST" || (path !== "/emails" && path !== "/emails/batch"))
      return error(404, "not_found", "The requested endpoint does not exist.");
    const auth = request.headers.authorization;
    if (!auth) return (stats.unauthorized++, error(401, "missing_api_key", "Missing API key in the authorization header."));
    if (auth !== `Bearer ${apiKey}`) return (stats.unauthorized++, error(403, "validation_error", "API key is invalid"));

    const now = Date.now();
    if (limit !== null) {
      if (now - window.start >= 1000) window = { start: now, used: 0 };
      if (window.used >= limit) {
        stats.rateLimited += 1;
        const headers = rateHeaders(now);
        return {
          ...error(429, "rate_limit_exceeded", "Too many requests. You can only make a limited number of requests per second."),
          headers: { ...headers, "retry-after": headers["ratelimit-reset"] },
        };
      }
      window.used += 1;
    }
    const headers = rateHeaders(now);
    const fail = failsNow() ? failures! : null;
    if (fail && !fail.afterAccepting)
      return { ...failure(fail), headers: { ...headers, ...(fail.status === 429 ? { "retry-after": "1" } : {}) } };

    let payload: unknown;
    try {
      payload = JSON.parse(raw);
    } catch {
      return (stats.invalid++, { ...error(422, "validation_error", "The body must be JSON."), headers });
    }
    const batch = path === "/emails/batch";
    const permissive = batch && request.headers["x-batch-validation"] === "permissive";
    if (batch) {
      if (!Array.isArray(payload) || payload.length === 0)
        return (stats.invalid++, { ...error(422, "validation_error", "The body must be an array of emails."), headers });
      if (payload.length > MAX_BATCH)
        return (stats.invalid++, { ...error(422, "validation_error", `A batch holds at most ${MAX_BATCH} emails.`), headers });
    }
    const emails = (batch ? payload : [payload]) as Record<string, unknown>[];
    const problem = emails.map((e) => emailProblem(e, batch)).find(Boolean);
    if (problem && !permissive) return (stats.invalid++, { ...error(422, "validation_error", problem), headers });

    const key = (request.headers["idempotency-key"] as string | undefined) ?? null;
    if (key !== null && (key.length === 0 || key.length > MAX_KEY_LENGTH))
      return { ...error(400, "invalid_idempotency_key", "Idempotency keys must have between 1 and 256 characters."), headers };
    const remembered = key ? keys.get(key) : undefined;
    if (remembered) {
      const same = remembered.path === path && remembered.payload === raw;
      if (!same)
        return (
          stats.conflicts++,
          { ...error(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload."), headers }
        );
      if (!remembered.answer)
        return (
          stats.conflicts++,
          {
            ...error(409, "concurrent_idempotent_requests", "Same idempotency key used while original request is still in progress."),
            headers,
          }
        );
      stats.replayed += 1;
      return { ...remembered.answer, headers };
    }
    const record: Remembered = { path, payload: raw, answer: null };
    if (key) keys.set(key, record);
    const answer = accept(path, emails, key, request.headers["user-agent"] ?? null, permissive);
    inFlight += 1;
    try {
      if (delayMs > 0) await delay(delayMs);
    } finally {
      inFlight -= 1;
      record.answer = answer;
    }
    if (fail) return { ...failure(fail), headers };
    return { ...answer, headers };
  }

  function failure(f: Failures): Answer {
    if (f.status === 429) return (stats.rateLimited++, error(429, "rate_limit_exceeded", "Too many requests."));
    stats.failed += 1;
    return error(500, "internal_server_error", "An unexpected error occurred.");
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    handle(request).then(
      ({ status, body, headers }) => {
        if (response.destroyed) return; // the client went away (a killed worker)
        response.writeHead(status, { "content-type": "application/json", ...headers });
        response.end(JSON.stringify(body));
      },
      (err: unknown) => {
        if (!response.destroyed)
          response
            .writeHead(500, { "content-type": "application/json" })
            .end(JSON.stringify(error(500, "internal_server_error", String(err)).body));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    received,
    stats,
    recipients: () => received.flatMap((e) => e.to),
    inFlight: () => inFlight,
    setFailures(next) {
      failures = next ? { ...next } : null;
      sinceFailuresSet = 0;
    },
    setDelay(ms) {
      delayMs = ms;
    },
    setRateLimit(requestsPerSecond) {
      limit = requestsPerSecond;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
