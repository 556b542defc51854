// The one Redis connection of this process, when REDIS_URL is set (decision 0049): the rate
// limits count in it, and live editing relays through it (its extension opens its own two
// connections with the same options). Commands fail fast while Redis does not answer, instead
// of queueing: a limit then counts in memory, /healthz says 503, and the client reconnects by
// itself every second at most.
import { Redis, type RedisOptions } from "ioredis";
import { env } from "./env.server.ts";
import { logger } from "./logger.server.ts";
import { singleton } from "./singleton.ts";

/** How long one command may take before it counts as Redis not answering. */
const COMMAND_TIMEOUT_MS = 1_000;

export const redisOptions: RedisOptions = {
  commandTimeout: COMMAND_TIMEOUT_MS,
  maxRetriesPerRequest: 1,
  // reconnect soon after Redis returns: 50 ms, 100 ms… at most every second, forever
  retryStrategy: (times) => Math.min(times * 50, 1_000),
  connectTimeout: 2_000,
};

/** A new connection to `url` that logs its state changes once each, not every retry. */
export function connectRedis(url: string, name: string, options: RedisOptions = {}): Redis {
  const client = new Redis(url, { ...redisOptions, connectionName: name, ...options });
  let down = false;
  client.on("error", (error: Error) => {
    if (down) return;
    down = true;
    logger.error({ err: error, connection: name }, "Redis does not answer; retrying every second");
  });
  client.on("ready", () => {
    if (!down) return;
    down = false;
    logger.info({ connection: name }, "Redis answers again");
  });
  return client;
}

const held = singleton<{ redis?: Redis | null }>("redis", () => ({}));

/** This process's Redis connection, or null when REDIS_URL is not set. */
export function sharedRedis(): Redis | null {
  if (held.redis !== undefined) return held.redis;
  const url = env().REDIS_URL;
  // a limit or /healthz must not wait for a reconnection: while Redis is away, commands fail at once
  held.redis = url ? connectRedis(url, "incident-desk", { enableOfflineQueue: false }) : null;
  return held.redis;
}

/** At startup: waits up to `ms` for Redis to answer, so the first requests count in it (not a reason not to start). */
export async function connectToRedis(ms = 5_000): Promise<void> {
  const redis = sharedRedis();
  if (!redis || redis.status === "ready") return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    redis.once("ready", () => (clearTimeout(timer), resolve()));
  });
}

/** True when REDIS_URL is not set, or Redis answers a PING within a second. */
export async function redisAnswers(): Promise<boolean> {
  const redis = sharedRedis();
  if (!redis) return true;
  try {
    return (await redis.ping()) === "PONG";
  } catch {
    return false;
  }
}

export async function closeRedis(): Promise<void> {
  const redis = held.redis;
  if (!redis) return;
  held.redis = undefined;
  await redis.quit().catch(() => redis.disconnect());
}

/**
 * On Postgres several instances are likely; without Redis, say once what they do not share.
 * Everything else works: data and live timeline events go through Postgres.
 */
export function sayWhatInstancesDoNotShare(postgres: boolean): void {
  if (!postgres || env().REDIS_URL) return;
  logger.warn(
    { notShared: ["live editing of post-mortems", "rate limits"] },
    "REDIS_URL is not set: if several instances run, people editing one post-mortem see each other type only on the same instance " +
      "(route /collab by post-mortem, as deploy/nginx.conf does), and each instance counts the rate limits on its own (docs/deploy.md, Redis)",
  );
}
