// Hands a Node request to Remix and its answer back (what @remix-run/express does), with the
// request body counted as it arrives (decision 0031) and private answers kept out of caches.
// The body Remix reads is a counting stream over the request: past the route class's limit the
// server answers 413 at once, the request Remix is working on is aborted, and its reader gets an
// error instead of a body that merely stopped, so nothing acts on half a form. What the client
// still sends is read and dropped, never kept.
import type { IncomingMessage } from "node:http";
import { Transform, type TransformCallback } from "node:stream";
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import type express from "express";
import { BODY_LIMITS, bodyClassOf, declaredLength, DRAIN_BYTES } from "./body-limits.ts";
import { lingeringClose } from "./lingering-close.ts";
import { answerIsPrivate, privateCacheControl } from "./cache-policy.ts";
import { isApiPath, routePath } from "./route-path.ts";
import { apiError, notServedMessage } from "../app/utils/http.server.ts";

class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
  }
}

/** Passes the body through, counting; one byte past `limit` it calls `exceeded` and fails instead. */
class CountedBody extends Transform {
  private size = 0;
  constructor(
    private readonly limit: number,
    private readonly exceeded: () => void,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.size += chunk.length;
    if (this.size <= this.limit) return done(null, chunk);
    this.exceeded();
    done(new BodyTooLarge(this.limit));
  }
}

/**
 * 413 in the API's error shape or as a line of text, sent at once. The client may still be
 * sending: the answer is ended only once the rest of the body has been read and dropped, so a
 * client that reads it only after sending gets it before the connection goes, and a kept-alive
 * one can go on; past DRAIN_BYTES more, it ends and the connection is closed (by then a client
 * that reads while it sends has its answer).
 */
function refuseBody(req: express.Request, res: express.Response, limit: number) {
  if (res.headersSent) return;
  const message = `The request body is larger than ${limit / 1024} KB, the most this server reads here.`;
  const api = isApiPath(routePath(req.path));
  const text = api ? JSON.stringify({ error: { code: "payload_too_large", message, fields: {} } }) : message;
  res
    .status(413)
    .type(api ? "application/json" : "text/plain")
    .setHeader("Content-Length", Buffer.byteLength(text));
  res.write(text);
  if (req.complete) return void res.end();
  let dropped = 0;
  req.unpipe();
  req.removeAllListeners("data");
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped <= DRAIN_BYTES) return;
    req.removeAllListeners("data");
    req.pause();
    res.end(() => lingeringClose(req));
  });
  req.once("end", () => res.end());
  req.resume();
}

/**
 * Remix answers a method a route has no handler for (a POST where there is no action) with a 405
 * that names no `Allow` and reads as a server error. Such a route is only read: GET and HEAD.
 * Routes that serve other methods say so themselves (allowMethods in app/utils/http.server.ts).
 */
function withAllow(response: Response, method: string, api: boolean): Response {
  if (response.status !== 405 || response.headers.has("Allow")) return response;
  void response.body?.cancel().catch(() => {});
  const allow = ["GET", "HEAD"];
  const message = notServedMessage(method, allow);
  const headers = { Allow: allow.join(", ") };
  if (api) return apiError("method_not_allowed", message, undefined, headers);
  return new Response(message, { status: 405, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}

/** The URL Remix sees: as @remix-run/express builds it (Express's hostname honours `trust proxy`, the port is kept). */
function urlOf(req: express.Request): string {
  const portOf = (host: string | undefined) => Number.parseInt(host?.split(":")[1] ?? "", 10);
  const forwarded = portOf(req.get("X-Forwarded-Host"));
  const direct = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwarded) ? forwarded : Number.isSafeInteger(direct) ? direct : "";
  return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`).href;
}

/**
 * The request's headers, but Origin: server.ts has judged it already (decision 0030), against
 * this site's origins including PUBLIC_URL. Remix compares it with Host alone and answers a
 * mismatch with a 500, which would refuse a page served at PUBLIC_URL through a proxy that names
 * another Host; one check, one answer.
 */
function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name === "origin") continue;
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

async function send(res: express.Response, response: Response, cacheControl: string | null) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (cacheControl) res.setHeader("Cache-Control", cacheControl);
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

export function remixHandler(
  build: ServerBuild,
  loadContext: (req: express.Request, res: express.Response) => AppLoadContext,
): express.RequestHandler {
  const handle = createRequestHandler(build, "production");
  return async (req, res, next) => {
    const path = routePath(req.path);
    const controller = new AbortController();
    let refused = false;
    // The client left before the answer was complete (an event stream ends so): what Remix is doing is moot.
    res.once("close", () => res.writableFinished || controller.abort());

    let body: ReadableStream<Uint8Array> | undefined;
    if (req.method !== "GET" && req.method !== "HEAD") {
      const limit = BODY_LIMITS[bodyClassOf(path, req.headers)];
      if ((declaredLength(req.headers) ?? 0) > limit) return refuseBody(req, res, limit);
      const counted = new CountedBody(limit, () => {
        refused = true;
        controller.abort();
        refuseBody(req, res, limit);
      });
      // Remix's reader gets the error; until it attaches, the error must not go unheard.
      counted.on("error", () => {});
      req.once("close", () => req.complete || counted.destroy(new Error("The client stopped sending the body.")));
      req.pipe(counted);
      body = createReadableStreamFromReadable(counted);
    }

    const request = new Request(urlOf(req), {
      method: req.method,
      headers: headersOf(req),
      signal: controller.signal,
      ...(body ? { body, duplex: "half" } : {}),
    } as RequestInit);
    try {
      const response = await handle(request, loadContext(req, res));
      if (refused || res.headersSent) return void (await response.body?.cancel().catch(() => {}));
      const cacheControl = answerIsPrivate(path, req.headers) ? privateCacheControl(response.headers.get("Cache-Control")) : null;
      await send(res, withAllow(response, req.method, isApiPath(path)), cacheControl);
    } catch (error) {
      if (refused) return;
      next(error);
    }
  };
}
