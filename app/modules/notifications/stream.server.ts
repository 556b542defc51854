// One person's notification stream: the unread count now, then again whenever the bus says
// their notifications changed (a new one, or some marked read in another tab), with heartbeats.
// The bell in the navigation listens to it; it carries counts, never the notifications.
import { bus } from "~/modules/realtime/bus.server.ts";
import { closeOnShutdown, type StreamGuard } from "~/modules/timeline/stream.server.ts";
import { notificationChannel, unreadCount } from "./notifications.server.ts";

const encoder = new TextEncoder();

export function notificationStream(userId: string, signal: AbortSignal, heartbeatMs: number, guard?: StreamGuard): Response {
  let ended = false;
  const cleanups: (() => void)[] = [];
  const cleanup = () => {
    ended = true;
    for (const fn of cleanups.splice(0)) fn();
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (ended) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const end = (last: string) => {
        write(last);
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      // counts are read one after the other, so the last one sent is the latest
      let chain = Promise.resolve();
      const sendCount = () => {
        chain = chain.then(async () => {
          if (ended) return;
          const unread = await unreadCount(userId).catch(() => null);
          if (unread !== null) write(`event: count\ndata: ${JSON.stringify({ unread })}\n\n`);
        });
      };
      cleanups.push(bus.subscribe(notificationChannel(userId), sendCount));
      cleanups.push(closeOnShutdown((retryMs) => end(`retry: ${retryMs}\n: the server is restarting\n\n`)));
      const unguard = guard?.(() => end(`: access changed\n\n`));
      if (unguard) cleanups.push(unguard);
      if (ended) return;
      if (signal.aborted) return end("");
      signal.addEventListener("abort", () => end(""));
      write(`retry: 2000\n: connected\n\n`);
      sendCount();
      const heartbeat = setInterval(() => write(`: heartbeat\n\n`), heartbeatMs);
      cleanups.push(() => clearInterval(heartbeat));
    },
    cancel: cleanup,
  });
  return new Response(body, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" },
  });
}
