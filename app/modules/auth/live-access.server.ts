// Event streams and live-editing sockets outlive the request that opened them, so what their person
// may do is checked again while they are open: at once when someone's access changes (a role
// change, disabling, a password change, ended sessions, a revoked token: announced on the event
// bus, so every instance hears it, with Postgres through LISTEN/NOTIFY), and every
// ACCESS_RECHECK_SECONDS as a backstop, so a missed announcement cannot keep access alive. A
// connection whose session or token acts with another role now, or acts no more, is ended; its
// client reconnects and gets what it may do now, or is refused (decision 0028).
import { bus } from "~/modules/realtime/bus.server.ts";
import { env } from "~/utils/env.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { singleton } from "~/utils/singleton.ts";
import type { Actor } from "./actor.ts";
import { holdEventStreamPlace } from "./limits.server.ts";
import { actingRolesNow } from "./principal.server.ts";

const CHANNEL = "access-changed";

type Watched = { actor: Actor; end: () => void };

type State = { watched: Set<Watched>; timer: NodeJS.Timeout | null; listening: boolean; sweeping: boolean };
const state = singleton<State>("liveAccess", () => ({ watched: new Set(), timer: null, listening: false, sweeping: false }));

/** Ends the connections among `list` whose session or token no longer acts with the role they were opened with. */
async function recheck(list: Watched[]): Promise<void> {
  if (!list.length) return;
  let roles: Map<Actor, string | null>;
  try {
    roles = await actingRolesNow(list.map((w) => w.actor));
  } catch (error) {
    // a database that does not answer takes nobody's access away; the next check tries again
    logger.warn({ err: error }, "live access check failed");
    return;
  }
  for (const w of list) {
    if (!state.watched.has(w) || roles.get(w.actor) === w.actor.role) continue;
    state.watched.delete(w);
    logger.info(
      { userId: w.actor.userId, tokenId: w.actor.tokenId, was: w.actor.role, now: roles.get(w.actor) },
      "access changed: live connection ended",
    );
    w.end();
  }
}

async function sweep(): Promise<void> {
  if (state.sweeping) return;
  state.sweeping = true;
  try {
    await recheck([...state.watched]);
  } finally {
    state.sweeping = false;
  }
}

/**
 * Keeps an eye on one open connection of `actor`: `end` is called (once) when their access
 * changes. Returns the function to call when the connection closes by itself.
 */
export function watchAccess(actor: Actor, end: () => void): () => void {
  const entry: Watched = { actor, end };
  state.watched.add(entry);
  if (!state.listening) {
    state.listening = true;
    bus.subscribe(CHANNEL, (userId) => void recheck([...state.watched].filter((w) => w.actor.userId === userId)));
  }
  if (!state.timer) {
    state.timer = setInterval(() => void sweep(), env().ACCESS_RECHECK_SECONDS * 1000);
    state.timer.unref();
  }
  return () => {
    state.watched.delete(entry);
    if (!state.watched.size && state.timer) {
      clearInterval(state.timer);
      state.timer = null;
    }
  };
}

/** Tells every instance that this person's access changed; call after the change is committed. */
export async function announceAccessChanged(userId: string): Promise<void> {
  await bus.publish(CHANNEL, userId).catch((error: unknown) => {
    // the periodic check still ends what the announcement would have
    logger.warn({ err: error, userId }, "announcing an access change failed");
  });
}

/**
 * An event stream's admission: its place under the stream caps (refused with 429 when they are
 * full), and what to run when it opens: watch the person's access, ending the stream when it
 * changes; the returned cleanup stops watching and gives the place back.
 */
export async function admitEventStream(actor: Actor, address: string): Promise<(end: () => void) => () => void> {
  const place = await holdEventStreamPlace(actor, address);
  return (end) => {
    const unwatch = watchAccess(actor, end);
    return () => {
      unwatch();
      place.release();
    };
  };
}
