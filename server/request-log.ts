// Request ids and the one log line per request. An incoming X-Request-Id (from a proxy or
// the caller) is kept when it is a short plain token (at most 64 characters, starting with a
// letter or digit, so it reads as neither markup, a formula nor an option), so one id follows a
// request across systems; anything else is replaced by the server's own. The id goes back in the response header and on every line the
// request logs. The line names the route, never the URL (ids and a subscriber's token travel in
// paths), and no header: cookies and Authorization never reach the log.
import { randomBytes, randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import type { Logger } from "pino";

const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:+=/-]{0,63}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === "string" && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

export function requestLog(log: Logger, routeOf: (path: string) => string): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdFrom(req.headers["x-request-id"]);
    res.locals.requestId = requestId;
    res.locals.cspNonce = randomBytes(16).toString("base64");
    res.setHeader("X-Request-Id", requestId);
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      if (req.path.startsWith("/assets/")) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info(
        { requestId, method: req.method, route: routeOf(req.path), status: res.statusCode, ms: Math.round(ms * 10) / 10 },
        "request",
      );
    });
    next();
  };
}
