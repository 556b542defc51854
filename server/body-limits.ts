// How many bytes of a request body the server reads, by route class (decision 0031). Counted
// as the bytes arrive (server/remix-handler.ts), with or without a Content-Length; past the
// limit the answer is 413 and the rest is dropped unread into memory. The routes keep their own,
// smaller limits (forms and JSON 256 KB, a section 256 KB); these bound everything before them.
// Pure.
import type { IncomingHttpHeaders } from "node:http";

const KIB = 1024;
const MIB = 1024 * KIB;

export const BODY_LIMITS = {
  /** Sign-in, the public page's forms, signed webhooks, and any request without credentials. */
  public: 64 * KIB,
  /** Forms and JSON of signed-in people and API tokens. */
  signedIn: 1 * MIB,
  /** The subscriber CSV import (2 MB file) and alert intake (4 MB notifications). */
  upload: 5 * MIB,
} as const;

export type BodyClass = keyof typeof BODY_LIMITS;

/**
 * How much of a body nobody will use is still read, and dropped, after the answer: a client
 * that reads the answer only once it has sent everything gets it, and its kept-alive connection
 * stays usable. Past this the connection is closed.
 */
export const DRAIN_BYTES = 8 * MIB;

/** Routes anyone may post to: they get the small limit whoever sends them. */
const PUBLIC_ROUTES = [/^\/login$/, /^\/logout$/, /^\/status(\/.*)?$/, /^\/api\/v1\/email-events$/, /^\/api\/v1\/slack\/[^/]+$/];
const UPLOAD_ROUTES = [/^\/admin\/subscribers$/, /^\/api\/v1\/alerts\/[^/]+$/];

/** The class of a request to `path` (a routePath); credentials are only looked at, not checked (that comes later). */
export function bodyClassOf(path: string, headers: IncomingHttpHeaders): BodyClass {
  if (PUBLIC_ROUTES.some((route) => route.test(path))) return "public";
  if (!headers.cookie && !headers.authorization) return "public";
  return UPLOAD_ROUTES.some((route) => route.test(path)) ? "upload" : "signedIn";
}

/** The Content-Length the client declared, or null when it sends none (chunked) or an unreadable one. */
export function declaredLength(headers: IncomingHttpHeaders): number | null {
  const value = headers["content-length"];
  if (value === undefined || !/^\d+$/.test(value)) return null;
  return Number(value);
}
