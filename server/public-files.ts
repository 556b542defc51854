// Answers the public status page and its API from the snapshot's bytes, straight on the
// node:http server, before Express: a Map lookup and a write. Which paths are public, and which
// are open to other sites, is the public site's table (app/public-site/public-paths.server.ts).
// Conditional requests get 304, gzip is sent when accepted, the Statuspage API and feeds are open
// to any origin. Anything else (or a path the snapshot does not have) falls through to the app. Headers are merged
// once per snapshot file, not per request: this path serves thousands of readers a second.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { PublicFile } from "../app/modules/status-page/public-file.ts";
import { notServedMessage } from "../app/utils/http.server.ts";

/** The public site as the built app gives it (runtime.server.ts): its table's path test and the snapshot's files. */
export type PublicSite = {
  /** the table's key for a path and query, or null when the app answers it */
  key: (path: string, query?: string) => string | null;
  file: (key: string) => PublicFile | null;
  openToAllOrigins: (key: string) => boolean;
};

const PREFLIGHT: OutgoingHttpHeaders = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match, Accept",
  "Access-Control-Max-Age": "86400",
};

type Prepared = { plain: OutgoingHttpHeaders; gzip: OutgoingHttpHeaders | null; notModified: OutgoingHttpHeaders };

function securityHeaders(file: PublicFile, hsts: boolean): OutgoingHttpHeaders {
  const html = file.headers["Content-Type"]?.startsWith("text/html");
  // Older browsers know only X-Frame-Options: it goes with every page whose CSP forbids framing
  // (all but the embeddable widget).
  const neverFramed = html && /frame-ancestors 'none'/.test(file.headers["Content-Security-Policy"] ?? "frame-ancestors 'none'");
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    // The API and feeds are read by other sites' scripts; the pages are framed only as the widget.
    "Cross-Origin-Resource-Policy": neverFramed ? "same-origin" : "cross-origin",
    ...(neverFramed ? { "X-Frame-Options": "DENY" } : {}),
    ...(hsts ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}

function prepare(file: PublicFile, hsts: boolean): Prepared {
  const base = { ...securityHeaders(file, hsts), ...file.headers };
  return {
    plain: { ...base, "Content-Length": file.body.length },
    gzip: file.gzip ? { ...base, "Content-Encoding": "gzip", "Content-Length": file.gzip.length } : null,
    notModified: base,
  };
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

export type PublicHits = { served: number; notModified: number };

/** Returns a handler that answers a public request and says true, or says false and leaves it to the app. */
export function publicFastPath(site: PublicSite, options: { hsts: boolean }) {
  const prepared = new WeakMap<PublicFile, Prepared>();
  const hits: PublicHits = { served: 0, notModified: 0 };
  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const path = query >= 0 ? url.slice(0, query) : url;
    const key = site.key(path, query >= 0 ? url.slice(query + 1) : "");
    if (key === null) return false;
    const open = site.openToAllOrigins(key);
    if (req.method === "OPTIONS" && open) {
      res.writeHead(204, PREFLIGHT).end();
      return true;
    }
    const file = site.file(key);
    if (!file) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      // A page of the snapshot is only read: any other method is 405, naming the ones there are.
      const allow = open ? ["GET", "HEAD", "OPTIONS"] : ["GET", "HEAD"];
      res.writeHead(405, { Allow: allow.join(", "), "Content-Type": "text/plain; charset=utf-8" });
      res.end(notServedMessage(req.method ?? "", allow));
      return true;
    }
    let headers = prepared.get(file);
    if (!headers) prepared.set(file, (headers = prepare(file, options.hsts)));
    if (matches(req.headers["if-none-match"], file.etag)) {
      hits.notModified += 1;
      res.writeHead(304, headers.notModified).end();
      return true;
    }
    hits.served += 1;
    const gzip = headers.gzip && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
    res.writeHead(200, gzip ? headers.gzip! : headers.plain);
    res.end(req.method === "HEAD" ? undefined : gzip ? file.gzip : file.body);
    return true;
  };
  return Object.assign(handle, { hits });
}
