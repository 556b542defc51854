// What server.ts asks of a request before Remix sees it: a state-changing request made with the
// browser's cookie comes from a page of this site (403 otherwise; decision 0030), and a body
// sent to the API is JSON (415 otherwise), whoever sends it, except to Slack's signed endpoints.
import type express from "express";
import { mediaTypeOf, refusedOrigin, SLACK_ENDPOINTS } from "./request-origin.ts";
import { isApiPath, routePath } from "./route-path.ts";

const FROM_ANOTHER_SITE = "This request came from another site, so it was not carried out. Go back to the page and try again from there.";

function hasBody(req: express.Request): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}

/** `application/json`, or a JSON type of its own kind (`application/merge-patch+json`). */
function isJson(mediaType: string): boolean {
  return mediaType === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

const refusalPage = (reason: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Refused · Incident Desk</title></head>` +
  `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem">` +
  `<h1>Not carried out</h1><p>${FROM_ANOTHER_SITE}</p><p style="color:#475569">Why: ${reason}.</p></body></html>`;

export function originCheck(options: { trustProxy: boolean; publicUrl?: string }): express.RequestHandler {
  return (req, res, next) => {
    const path = routePath(req.path);
    const reason = refusedOrigin(req.method, path, req.headers, { ...options, encrypted: "encrypted" in req.socket });
    if (!reason) return next();
    if (isApiPath(path))
      return void res.status(403).json({ error: { code: "forbidden", message: `${FROM_ANOTHER_SITE} (${reason})`, fields: {} } });
    res.status(403).type("text/html").send(refusalPage(reason));
  };
}

export function jsonBodies(): express.RequestHandler {
  return (req, res, next) => {
    const path = routePath(req.path);
    if (req.method === "GET" || req.method === "HEAD" || !isApiPath(path) || !hasBody(req)) return next();
    // Slack posts slash commands and interactions as forms, signed: the route reads them raw.
    if (SLACK_ENDPOINTS.test(path)) return next();
    const type = mediaTypeOf(req.headers);
    if (isJson(type)) return next();
    const message = `The body must be JSON, sent as Content-Type: application/json${type ? ` (not ${type.slice(0, 60)})` : ""}.`;
    res.status(415).json({ error: { code: "unsupported_media_type", message, fields: {} } });
  };
}
