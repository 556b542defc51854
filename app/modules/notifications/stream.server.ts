// One person's unread count, followed: now, then again whenever the bus says their notifications
// changed (a new one, or some marked read in another tab). The bell in the navigation hears it
// through an event stream (app/http/event-streams.server.ts); it carries counts, never the notifications.
import { bus } from "~/modules/realtime/bus.server.ts";
import { notificationChannel, unreadCount } from "./notifications.server.ts";

/**
 * `onCount` hears the person's unread count at once and after every change, in order, so the last
 * one heard is the latest (a count that cannot be read is skipped). Returns the function that stops.
 */
export function followUnreadCount(userId: string, onCount: (unread: number) => void): () => void {
  let stopped = false;
  let chain = Promise.resolve();
  const sendCount = () => {
    chain = chain.then(async () => {
      if (stopped) return;
      const unread = await unreadCount(userId).catch(() => null);
      if (unread !== null && !stopped) onCount(unread);
    });
  };
  const unsubscribe = bus.subscribe(notificationChannel(userId), sendCount);
  sendCount();
  return () => {
    stopped = true;
    unsubscribe();
  };
}
