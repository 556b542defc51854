// Closing a connection whose client is still sending a body nobody will read (decision 0031).
import type { IncomingMessage } from "node:http";

/** How long a connection whose body is refused stays open after its answer, before it is cut. */
export const LINGER_MS = 1_000;

/**
 * Closes a connection whose client is still sending, without losing the answer already written:
 * closing a socket with unread bytes makes the kernel send a reset at once, and a client that has
 * not read the answer yet loses it (it sees EPIPE instead of the 413). So the answer is followed by
 * a FIN, nothing more is read (the client's sending stalls, memory does not grow), and the socket
 * is cut only after LINGER_MS, time enough for the client to read what it was told.
 */
export function lingeringClose(req: IncomingMessage): void {
  const socket = req.socket;
  if (socket.destroyed || lingering.has(socket)) return;
  lingering.add(socket);
  req.removeAllListeners("data");
  req.pause();
  socket.end();
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

const lingering = new WeakSet<object>();
