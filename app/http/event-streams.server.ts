// The HTTP answers of the event streams (Server-Sent Events): an incident's events and a person's
// unread count. The modules say what a stream carries (timeline/stream.server.ts replays after
// Last-Event-ID and then follows; notifications/stream.server.ts follows a count); here is how it
// travels: the text/event-stream answer and its headers, the reconnection hint, heartbeats, and its
// end when the client leaves, its person's access changes or the server shuts down.
import { followUnreadCount } from "~/modules/notifications/stream.server.ts";
import { followIncidentEvents } from "~/modules/timeline/stream.server.ts";
import { singleton } from "~/utils/singleton.ts";

const HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
};

/**
 * What may end a stream before its client leaves (its person's access changed): called with the
 * function that ends it, it returns the function that lets go once the stream has ended.
 */
export type StreamGuard = (end: () => void) => () => void;

/** The SSE answer for one incident: replay after `afterSeq`, then live, with heartbeats. */
export function incidentEventStream(incidentId: string, afterSeq: number, signal: AbortSignal, heartbeatMs: number, guard?: StreamGuard) {
  // A comment keeps proxies from closing the idle stream; the named event (no id, so
  // Last-Event-ID is untouched) lets a browser notice a connection that died silently.
  const heartbeat = `: heartbeat\nevent: heartbeat\ndata: {}\n\n`;
  return eventStream({ signal, heartbeatMs, heartbeat, guard }, (write, end) => {
    const following = followIncidentEvents(incidentId, afterSeq, (event) => write(event.frame));
    following.ready.catch(() => end());
    return following.stop;
  });
}

/** The SSE answer of one person's unread count (`event: count`, `{"unread": n}`), with heartbeats. */
export function notificationStream(userId: string, signal: AbortSignal, heartbeatMs: number, guard?: StreamGuard) {
  return eventStream({ signal, heartbeatMs, heartbeat: `: heartbeat\n\n`, guard }, (write) =>
    followUnreadCount(userId, (unread) => write(`event: count\ndata: ${JSON.stringify({ unread })}\n\n`)),
  );
}

type Write = (chunk: string | Uint8Array) => void;
type Options = { signal: AbortSignal; heartbeatMs: number; heartbeat: string; guard?: StreamGuard };

const encoder = new TextEncoder();

/**
 * A text/event-stream answer: `follow` starts what it carries once the stream is open (writing
 * with `write`, ending it with `end`) and returns the function that stops it. Nothing is started
 * for a stream asked for while the server shuts down or after its client left.
 */
function eventStream({ signal, heartbeatMs, heartbeat, guard }: Options, follow: (write: Write, end: () => void) => () => void): Response {
  let ended = false;
  const cleanups: (() => void)[] = [];
  const cleanup = () => {
    ended = true;
    for (const fn of cleanups.splice(0)) fn();
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const write: Write = (chunk) => {
        if (ended) return;
        try {
          controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
        } catch {
          cleanup();
        }
      };
      const end = (last = "") => {
        if (last) write(last);
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      cleanups.push(closeOnShutdown((retryMs) => end(`retry: ${retryMs}\n: the server is restarting\n\n`)));
      if (ended) return;
      const unguard = guard?.(() => end(`: access changed\n\n`));
      if (unguard) cleanups.push(unguard);
      if (signal.aborted) return end();
      signal.addEventListener("abort", () => end());
      write(`retry: 2000\n: connected\n\n`);
      cleanups.push(follow(write, () => end()));
      const timer = setInterval(() => write(heartbeat), heartbeatMs);
      cleanups.push(() => clearInterval(timer));
    },
    cancel: cleanup,
  });
  return new Response(body, { headers: HEADERS });
}

const openStreams = singleton("openEventStreams", () => new Set<(retryMs: number) => void>());
const shutdownState = singleton("eventStreamsClosing", () => ({ closing: false }));

/**
 * On shutdown: every open stream is told when to come back (`retry:`, spread over a few
 * seconds so the clients do not all return at once) and ended; browsers reconnect with
 * Last-Event-ID to another instance or this one restarted. Streams asked for afterwards end
 * the same way at once.
 */
export function closeEventStreams(): number {
  shutdownState.closing = true;
  const closing = [...openStreams];
  for (const close of closing) close(reconnectDelayMs());
  return closing.length;
}

/** Registers an open stream's `close` for shutdown; answers the function that lets go once it ended by itself. */
function closeOnShutdown(close: (retryMs: number) => void): () => void {
  if (shutdownState.closing) {
    close(reconnectDelayMs());
    return () => {};
  }
  openStreams.add(close);
  return () => openStreams.delete(close);
}

function reconnectDelayMs(): number {
  return 1_000 + Math.floor(Math.random() * 4_000);
}
