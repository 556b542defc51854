// The client's address, which the limits on guessing count by: the socket's peer, or with
// TRUST_PROXY=1 the address the one trusted proxy in front saw (the last entry of
// X-Forwarded-For, as Express reads it with `trust proxy` 1). One function for HTTP requests and
// websocket upgrades alike, so a wrong token sent to the API, /metrics and /collab from one
// client counts against one address.
import type { IncomingMessage } from "node:http";

export function clientAddressOf(request: IncomingMessage, trustProxy = process.env.TRUST_PROXY === "1"): string {
  if (trustProxy) {
    const forwarded = String(request.headers["x-forwarded-for"] ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    if (forwarded.length) return forwarded[forwarded.length - 1];
  }
  return request.socket.remoteAddress ?? "unknown";
}
