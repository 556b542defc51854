// Whether a request made with the browser's credentials came from a page of this site
// (decision 0030). A browser attaches the session cookie to a form another site posts here, and
// to a websocket another site opens; the Origin and Sec-Fetch-Site headers, which a page cannot
// forge, say where the request was made. One rule for every state-changing request (pages,
// Remix's `?_data=` and `.data` requests, resource routes, the API) and for /collab. Pure.
import type { IncomingHttpHeaders } from "node:http";

/** Methods that change nothing (GET never mutates here): they are not asked where they come from. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The sign-in form: a session is made there, so another site must not post it either (login CSRF). */
const SIGN_IN = "/login";
/** RFC 8058 one-click unsubscribe: a mail provider posts it from its own servers; the token in the path is all it takes. */
const ONE_CLICK_UNSUBSCRIBE = /^\/status\/subscriptions\/[^/]+\/unsubscribe$/;
/**
 * Slack's three endpoints: Slack posts them from its servers, signed with the app's signing
 * secret (checked on the raw body before anything acts), and never with our cookie or an Origin.
 * Listed here, the one place the origin check is decided, so a browser that happens to hold a
 * session cookie cannot get a signed request refused either (docs/decisions/0045-slack.md).
 */
export const SLACK_ENDPOINTS = /^\/api\/v1\/slack\/(commands|events|interactions)$/;

/** Body types a page of another site may send without asking first (a CORS "simple" request): what an HTML form sends. */
const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"]);

export type OwnOrigins = { encrypted: boolean; trustProxy: boolean; publicUrl?: string };

function first(value: string | string[] | undefined): string | undefined {
  const one = Array.isArray(value) ? value[0] : value;
  return one?.split(",")[0]?.trim() || undefined;
}

/** The origin a URL or `Origin` header names, as a browser serialises it; null for "null" and anything unreadable. */
export function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/**
 * The origins this request may come from: the scheme and Host it was sent to (X-Forwarded-Proto
 * and X-Forwarded-Host count only behind a trusted proxy), and PUBLIC_URL.
 */
export function ownOrigins(headers: IncomingHttpHeaders, options: OwnOrigins): Set<string> {
  const forwardedProto = options.trustProxy ? first(headers["x-forwarded-proto"]) : undefined;
  const scheme = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : options.encrypted ? "https" : "http";
  const hosts = [headers.host, options.trustProxy ? first(headers["x-forwarded-host"]) : undefined];
  const origins = hosts.flatMap((host) => (host ? [originOf(`${scheme}://${host}`)] : []));
  if (options.publicUrl) origins.push(originOf(options.publicUrl));
  return new Set(origins.filter((o): o is string => o !== null));
}

export function mediaTypeOf(headers: IncomingHttpHeaders): string {
  return (headers["content-type"] ?? "").split(";", 1)[0]!.trim().toLowerCase();
}

/**
 * Whether a request must show that it came from this site: it changes something, it carries
 * cookies (or it is the sign-in), and it is not authenticated by a bearer token or by the token
 * in a one-click unsubscribe link, or signed by Slack. A request without cookies (a script, a signed webhook, a mail
 * provider) is not asked: without the browser's cookie, another site gains nothing by making it.
 */
export function mustComeFromThisSite(method: string, path: string, headers: IncomingHttpHeaders): boolean {
  if (SAFE_METHODS.has(method)) return false;
  if (/^bearer\s/i.test(headers.authorization ?? "")) return false;
  if (ONE_CLICK_UNSUBSCRIBE.test(path)) return false;
  if (SLACK_ENDPOINTS.test(path)) return false;
  return Boolean(headers.cookie) || path === SIGN_IN;
}

/**
 * Why the request is taken to come from another site, or null when it came from a page of this
 * one or names no site at all. `Sec-Fetch-Site: cross-site` and an `Origin` that is not ours
 * (`Origin: null` included) are refused. Browsers too old to send either send a Referer, which
 * must then be ours. A request naming nothing is a script, unless it is shaped like a form
 * another site's page could post (`namelessFormsRefused`: a write with the browser's cookie).
 */
export function foreignSource(headers: IncomingHttpHeaders, own: Set<string>, options: { namelessFormsRefused: boolean }): string | null {
  const site = first(headers["sec-fetch-site"])?.toLowerCase();
  if (site === "cross-site") return "Sec-Fetch-Site says cross-site";
  const origin = headers.origin;
  if (origin !== undefined) {
    const named = originOf(origin);
    return named && own.has(named) ? null : "its Origin is not this site";
  }
  if (site === "same-site") return "Sec-Fetch-Site says same-site";
  if (site === "same-origin" || site === "none") return null;
  const referer = headers.referer;
  if (referer !== undefined) {
    const named = originOf(referer);
    return named && own.has(named) ? null : "its Referer is not this site";
  }
  if (options.namelessFormsRefused && FORM_TYPES.has(mediaTypeOf(headers))) return "it names no Origin";
  return null;
}

/** The verdict for an HTTP request: why it is refused (403), or null. */
export function refusedOrigin(method: string, path: string, headers: IncomingHttpHeaders, options: OwnOrigins): string | null {
  if (!mustComeFromThisSite(method, path, headers)) return null;
  return foreignSource(headers, ownOrigins(headers, options), { namelessFormsRefused: Boolean(headers.cookie) });
}

/** The verdict for a websocket: browsers always send Origin with one; a script sends none and signs in like anyone. */
export function refusedSocketOrigin(headers: IncomingHttpHeaders, options: OwnOrigins): string | null {
  return foreignSource(headers, ownOrigins(headers, options), { namelessFormsRefused: false });
}
