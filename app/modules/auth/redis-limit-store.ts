// The LimitStore of several instances (decision 0049): the counts live in Redis, so ten failed
// sign-ins spread over two instances are ten. Each rule's window is a sorted set of event times
// per key; a held place (an open event stream) is a member of a sorted set scored by when it
// lapses, which the holding instance pushes forward while it lives: a killed instance's places
// lapse by themselves within HOLD_LAPSES_AFTER_MS. Each call is one script, so two instances
// cannot both take the last place.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { LimitStore, WindowRule } from "./limit-store.ts";

/** A held place not refreshed for this long is free again (its instance died). */
export const HOLD_LAPSES_AFTER_MS = 90_000;
/** How often a living instance refreshes the places it holds. */
const HOLD_REFRESH_MS = 30_000;

// KEYS: window, rules-of-key. ARGV: now, windowMs, limit. -> ms to wait, 0 when an event may be counted now
const RETRY_AFTER = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
local n = redis.call('ZCARD', KEYS[1])
local limit = tonumber(ARGV[3])
if n < limit then return 0 end
local oldest = redis.call('ZRANGE', KEYS[1], n - limit, n - limit, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + ARGV[2] - ARGV[1])`;

// KEYS: window, rules-of-key. ARGV: now, windowMs, limit, member
const COUNT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
local n = redis.call('ZCARD', KEYS[1])
if n > tonumber(ARGV[3]) then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, n - tonumber(ARGV[3]) - 1) end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('SADD', KEYS[2], KEYS[1])
if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
return 1`;

// KEYS: rules-of-key
const FORGET = `
local windows = redis.call('SMEMBERS', KEYS[1])
for _, window in ipairs(windows) do redis.call('DEL', window) end
redis.call('DEL', KEYS[1])
return #windows`;

// KEYS: places. ARGV: now, limit, member, lapsesAfterMs -> 1 taken, 0 all taken
const HOLD = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1] + ARGV[4], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;

export type RedisLimitStoreOptions = {
  /** every key starts with this (tests use one of their own) */
  prefix?: string;
  now?: () => number;
};

export type RedisLimitStore = LimitStore & {
  /** Pushes forward the places this process holds (a timer does it every 30 s). */
  refreshHolds(): Promise<void>;
  /** Stops the refresh timer (the places lapse unless released). */
  close(): void;
};

export function redisLimitStore(
  redis: Redis,
  { prefix = "incident-desk:limits:", now = Date.now }: RedisLimitStoreOptions = {},
): RedisLimitStore {
  const windowKey = (key: string, rule: WindowRule) => `${prefix}window:${rule.limit}/${rule.windowMs}:${key}`;
  const rulesKey = (key: string) => `${prefix}rules:${key}`;
  const placesKey = (key: string) => `${prefix}places:${key}`;
  /** The places this process holds, per key (release gives back the latest). */
  const held = new Map<string, string[]>();

  const refreshHolds = async () => {
    if (!held.size) return;
    const until = now() + HOLD_LAPSES_AFTER_MS;
    const batch = redis.multi();
    for (const [key, members] of held) {
      for (const member of members) batch.zadd(placesKey(key), "XX", until, member);
      batch.pexpire(placesKey(key), HOLD_LAPSES_AFTER_MS);
    }
    await batch.exec();
  };
  const timer = setInterval(() => void refreshHolds().catch(() => {}), HOLD_REFRESH_MS);
  timer.unref();

  return {
    async retryAfterMs(key, rule) {
      return Number(await redis.eval(RETRY_AFTER, 2, windowKey(key, rule), rulesKey(key), now(), rule.windowMs, rule.limit));
    },
    async count(key, rule) {
      await redis.eval(COUNT, 2, windowKey(key, rule), rulesKey(key), now(), rule.windowMs, rule.limit, `${now()}:${randomUUID()}`);
    },
    async forget(key) {
      await redis.eval(FORGET, 1, rulesKey(key));
    },
    async hold(key, limit) {
      const member = randomUUID();
      const taken = Number(await redis.eval(HOLD, 1, placesKey(key), now(), limit, member, HOLD_LAPSES_AFTER_MS)) === 1;
      if (taken) held.set(key, [...(held.get(key) ?? []), member]);
      return taken;
    },
    async release(key) {
      const members = held.get(key);
      const member = members?.pop();
      if (!members?.length) held.delete(key);
      if (member) await redis.zrem(placesKey(key), member);
    },
    refreshHolds,
    close() {
      clearInterval(timer);
    },
  };
}

export type FallbackReport = { unreachable: (error: unknown) => void; reachable: () => void };

/**
 * `shared` while it answers; when a call to it fails (Redis down), the same call on `local`
 * (this process's memory): the limit still holds, counted per instance as without Redis, and
 * nobody is locked out of the tool during an outage. `report` hears every failure and the
 * first success after one (the log line and the metric). A place is given back where it was taken.
 */
export function withFallback(shared: LimitStore, local: LimitStore, report: FallbackReport): LimitStore {
  let failing = false;
  const attempt = async <T>(call: (store: LimitStore) => Promise<T>): Promise<{ value: T; shared: boolean }> => {
    try {
      const value = await call(shared);
      if (failing) {
        failing = false;
        report.reachable();
      }
      return { value, shared: true };
    } catch (error) {
      failing = true;
      report.unreachable(error);
      return { value: await call(local), shared: false };
    }
  };
  const heldWhere = new Map<string, boolean[]>();
  return {
    retryAfterMs: async (key, rule) => (await attempt((s) => s.retryAfterMs(key, rule))).value,
    count: async (key, rule) => void (await attempt((s) => s.count(key, rule))),
    async forget(key) {
      await attempt((s) => s.forget(key));
      await local.forget(key);
    },
    async hold(key, limit) {
      const { value, shared: inShared } = await attempt((s) => s.hold(key, limit));
      if (value) heldWhere.set(key, [...(heldWhere.get(key) ?? []), inShared]);
      return value;
    },
    async release(key) {
      const where = heldWhere.get(key);
      const inShared = where?.pop();
      if (!where?.length) heldWhere.delete(key);
      if (inShared === undefined) return;
      if (!inShared) return local.release(key);
      await shared.release(key).catch((error: unknown) => report.unreachable(error)); // it lapses by itself
    },
  };
}
