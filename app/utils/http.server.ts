// The one error shape of the JSON API and the helpers that parse input into it:
//   {"error": {"code": "...", "message": "...", "fields": {...}}}
import { z } from "zod";
import { DomainError, STATUS_OF, type ErrorCode } from "./errors.ts";

/** The API's one error shape with its status; the API's boundary (api-boundary.server.ts) and server/ build it here. */
export function apiError(code: ErrorCode, message: string, fields?: Record<string, string>, headers?: HeadersInit): Response {
  return Response.json({ error: { code, message, fields: fields ?? {} } }, { status: STATUS_OF[code], headers });
}

/**
 * A route of the API serves only `methods` (GET brings HEAD): any other is refused
 * (method_not_allowed: 405 with `Allow`). Called first in every action.
 */
export function allowMethods(request: Request, methods: readonly string[]): void {
  if (methods.includes(request.method)) return;
  const allow = methods.includes("GET") ? ["GET", "HEAD", ...methods.filter((m) => m !== "GET")] : [...methods];
  throw new DomainError("method_not_allowed", notServedMessage(request.method, allow), {}, { allow });
}

/** "POST is not served here; GET and HEAD are.": the one wording of a 405, on the API, pages and the public page. */
export function notServedMessage(method: string, allow: readonly string[]): string {
  const listed = allow.length > 1 ? `${allow.slice(0, -1).join(", ")} and ${allow.at(-1)}` : allow[0];
  return `${method} is not served here; ${listed} ${allow.length > 1 ? "are" : "is"}.`;
}

/** A "302 Found" to `location`, as Remix's redirect() makes it. */
export function redirectResponse(location: string, headers?: Record<string, string>): Response {
  return new Response(null, { status: 302, headers: { ...headers, Location: location } });
}

/**
 * A refusal that sends a browser to sign in (requireActor's, for a page or a download asked for without a usable
 * session) as its redirect, clearing an unusable cookie; null for any other refusal. Both boundaries answer it alike.
 */
export function signInRedirect(error: DomainError): Response | null {
  if (!error.signIn) return null;
  return redirectResponse(error.signIn, error.clearSessionCookie ? { "Set-Cookie": error.clearSessionCookie } : undefined);
}

/** A module's refusal: throws the DomainError, which a route's boundary answers (decision 0051). */
export function fail(code: ErrorCode, message: string, fields?: Record<string, string>): never {
  throw new DomainError(code, message, fields);
}

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

export const MAX_JSON_BYTES = 256 * 1024;

/**
 * How much of an oversized body is still read, and dropped, before the 413. A client still
 * sending when the answer goes out would otherwise get a reset connection instead of it,
 * and a kept-alive connection would carry the unread rest into the client's next request.
 */
const DRAIN_BYTES = 8 * 1024 * 1024;

/**
 * The body's bytes, counted as they are read (with or without a Content-Length); past `limit`
 * nothing more is kept, and `tooLarge` answers (`closeConnection` when the rest is not worth
 * reading). server.ts has already bounded every body by its route class (decision 0031).
 */
export async function readBytes(request: Request, limit: number, tooLarge: (closeConnection: boolean) => never): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > DRAIN_BYTES) tooLarge(true);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > DRAIN_BYTES) tooLarge(true);
    if (size <= limit) chunks.push(value);
  }
  if (size > limit) tooLarge(false);
  return Buffer.concat(chunks);
}

/** The body as text, refused with 413 past `limit` bytes (a signed webhook is checked on these exact bytes). */
export async function readLimited(request: Request, limit: number): Promise<string> {
  const tooLarge = (closeConnection: boolean): never => {
    throw new DomainError("payload_too_large", `The body is larger than ${limit} bytes.`, {}, { closeConnection });
  };
  return (await readBytes(request, limit, tooLarge)).toString("utf8");
}

/** NUL (Postgres refuses it) and half a surrogate pair (not UTF-8): text no database here can store. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first key or string holding unstorable text. A loop, not recursion: JSON may nest deeply. */
export function unstorableTextAt(value: unknown): string | null {
  type Frame = { value: unknown; key: string; parent: Frame | null };
  const pathOf = (frame: Frame | null): string => {
    const keys: string[] = [];
    for (let f = frame; f && f.parent; f = f.parent) keys.unshift(f.key);
    return keys.join(".") || "_";
  };
  const stack: Frame[] = [{ value, key: "", parent: null }];
  while (stack.length) {
    const frame = stack.pop()!;
    if (typeof frame.value === "string" && UNSTORABLE.test(frame.value)) return pathOf(frame);
    if (frame.value && typeof frame.value === "object") {
      for (const [key, child] of Object.entries(frame.value)) {
        const next = { value: child, key, parent: frame };
        if (UNSTORABLE.test(key)) return pathOf(next);
        stack.push(next);
      }
    }
  }
  return null;
}

/** Reads a JSON body and parses it with `schema`: 400 for bad JSON, 413 for too big, 422 with fields. */
export async function parseJson<S extends z.ZodType>(request: Request, schema: S, limit = MAX_JSON_BYTES): Promise<z.infer<S>> {
  const text = await readLimited(request, limit);
  let value: unknown;
  try {
    value = text === "" ? {} : JSON.parse(text);
  } catch {
    fail("bad_request", "The body is not valid JSON.");
  }
  const unstorable = unstorableTextAt(value);
  if (unstorable) fail("invalid", "Some fields are not valid.", { [unstorable]: "contains a NUL character or half a surrogate pair" });
  return parseWith(schema, value);
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) fail("invalid", "Some fields are not valid.", fieldErrors(parsed.error));
  return parsed.data;
}

/** Query parameters as a plain object (last value wins), parsed with `schema`. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) fail("bad_request", "Some query parameters are not valid.", fieldErrors(parsed.error));
  return parsed.data;
}

export function notFound(what: string): never {
  fail("not_found", `${what} not found.`);
}
