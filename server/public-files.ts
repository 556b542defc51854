// Express middleware answering the public status page and its API from the snapshot's
// bytes: conditional requests get 304, gzip is sent when accepted, the Statuspage API and
// feeds are open to any origin for GET. Anything else falls through to the app.
import type { NextFunction, Request, Response } from "express";
import type { PublicFile } from "../app/modules/status-page/store.server.ts";

const PUBLIC_PATH = /^\/(status(\/.*)?|api\/v2\/.+\.json|history\.(atom|rss))$/;
const CROSS_ORIGIN = /^\/(api\/v2\/|history\.)/;

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

export function servePublicFile(lookup: (path: string) => PublicFile | null) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!PUBLIC_PATH.test(req.path)) return next();
    if (req.method === "OPTIONS" && CROSS_ORIGIN.test(req.path)) {
      res.writeHead(204, {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
        "Access-Control-Allow-Headers": "If-None-Match, Accept",
        "Access-Control-Max-Age": "86400",
      });
      return res.end();
    }
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const file = lookup(req.path);
    if (!file) return next();
    res.set(file.headers);
    if (matches(req.headers["if-none-match"], file.etag)) {
      res.status(304).end();
      return;
    }
    const gzip = file.gzip && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const body = gzip ? file.gzip! : file.body;
    if (gzip) res.setHeader("Content-Encoding", "gzip");
    res.setHeader("Content-Length", body.length);
    res.status(200);
    if (req.method === "HEAD") res.end();
    else res.end(body);
  };
}
