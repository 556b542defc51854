// The HTTP server's websocket upgrades: only /collab (live post-mortem editing), only from a
// page of this site, and every message at most `maxPayload` bytes (ws closes the socket with
// 1009 before a bigger one reaches the document). Any other upgrade is refused.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Logger } from "pino";
import type { WebSocket, WebSocketServer } from "ws";

export const COLLAB_PATH = "/collab";
/** A closing handshake a client does not answer in this time ends with the socket destroyed. */
const CLOSE_GRACE_MS = 1_000;

/** Answers with a status and closes; a client that keeps the socket open loses it after a moment. */
function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
}

/**
 * A browser sends the page's Origin with every websocket; the session cookie goes along with
 * it, so a page of another site must not be able to open one (cross-site websocket hijacking).
 * Scripts send no Origin and authenticate like anyone else.
 */
function fromThisSite(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    const host = new URL(origin).host;
    const forwarded = process.env.TRUST_PROXY === "1" ? String(request.headers["x-forwarded-host"] ?? "").split(",")[0]?.trim() : "";
    return host === request.headers.host || (!!forwarded && host === forwarded);
  } catch {
    return false;
  }
}

export function collabUpgrades(options: { sockets: WebSocketServer; accept: (socket: WebSocket, request: IncomingMessage) => void; log: Logger }) {
  const { sockets, accept, log } = options;
  let closing = false;
  return {
    upgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
      socket.on("error", () => socket.destroy());
      const path = (request.url ?? "").split("?")[0];
      if (path !== COLLAB_PATH || closing) return refuse(socket, closing ? "503 Service Unavailable" : "404 Not Found");
      if (!fromThisSite(request)) return refuse(socket, "403 Forbidden");
      sockets.handleUpgrade(request, socket, head, (ws) => {
        // Without a listener, an oversized message's error would crash the process.
        ws.on("error", (error) => log.warn({ err: error, path }, "collaboration socket closed on error"));
        accept(ws, request);
      });
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
