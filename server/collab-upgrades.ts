// The HTTP server's websocket upgrades: only /collab (live post-mortem editing), only from a
// page of this site, and every message at most `maxPayload` bytes (ws closes the socket with
// 1009 before a bigger one reaches the document). Any other upgrade is refused.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Logger } from "pino";
import type { WebSocket, WebSocketServer } from "ws";
import { refusedSocketOrigin } from "./request-origin.ts";

export const COLLAB_PATH = "/collab";
/** A closing handshake a client does not answer in this time ends with the socket destroyed. */
const CLOSE_GRACE_MS = 1_000;

/** Answers with a status and closes; a client that keeps the socket open loses it after a moment. */
function refuse(socket: Duplex, status: string, headers: Record<string, string> = {}): void {
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  socket.end(`HTTP/1.1 ${status}\r\n${extra}Connection: close\r\nContent-Length: 0\r\n\r\n`);
  setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
}

/**
 * A browser sends the page's Origin with every websocket; the session cookie goes along with
 * it, so a page of another site must not be able to open one (cross-site websocket hijacking).
 * The same rule as for every state-changing request (server/request-origin.ts); scripts send no
 * Origin and authenticate like anyone else.
 */
function fromThisSite(request: IncomingMessage): boolean {
  const site = { trustProxy: process.env.TRUST_PROXY === "1", publicUrl: process.env.PUBLIC_URL };
  return refusedSocketOrigin(request.headers, { ...site, encrypted: "encrypted" in request.socket }) === null;
}

export type CollabUpgradeOptions = {
  sockets: WebSocketServer;
  accept: (socket: WebSocket, request: IncomingMessage) => void;
  /** Seconds to wait when this upgrade is refused for now (its address guessed too many tokens), or null. */
  tooMany: (request: IncomingMessage) => Promise<number | null>;
  log: Logger;
};

export function collabUpgrades(options: CollabUpgradeOptions) {
  const { sockets, accept, tooMany, log } = options;
  let closing = false;
  return {
    upgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
      socket.on("error", () => socket.destroy());
      const path = (request.url ?? "").split("?")[0];
      if (path !== COLLAB_PATH || closing) return refuse(socket, closing ? "503 Service Unavailable" : "404 Not Found");
      if (!fromThisSite(request)) return refuse(socket, "403 Forbidden");
      void tooMany(request).then(
        (retryAfter) => {
          if (retryAfter !== null) return refuse(socket, "429 Too Many Requests", { "Retry-After": String(retryAfter) });
          sockets.handleUpgrade(request, socket, head, (ws) => {
            // Without a listener, an oversized message's error would crash the process.
            ws.on("error", (error) => log.warn({ err: error, path }, "collaboration socket closed on error"));
            accept(ws, request);
          });
        },
        (error: unknown) => {
          log.warn({ err: error, path }, "collaboration upgrade refused: its limits could not be read");
          refuse(socket, "503 Service Unavailable");
        },
      );
    },
    /** Closes every collaboration socket (1012: the service restarts; clients reconnect). */
    closeAll() {
      closing = true;
      for (const ws of sockets.clients) {
        ws.close(1012, "restarting");
        setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
      }
    },
  };
}
