// The Redis LimitStore against the real Redis (REDIS_URL, default redis://127.0.0.1:6379; .ci/run
// starts it): each test under a key prefix of its own, deleted afterwards.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { behavesAsALimitStore, clock } from "../../../tests/setup/limit-store-behaviour.ts";
import { memoryLimitStore, type LimitStore } from "./limit-store.ts";
import { HOLD_LAPSES_AFTER_MS, redisLimitStore, withFallback, type RedisLimitStore } from "./redis-limit-store.ts";

const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 });
const prefixes: string[] = [];
const stores: RedisLimitStore[] = [];

function store(now: () => number = Date.now, prefix = `test:limits:${randomUUID()}:`): RedisLimitStore {
  prefixes.push(prefix);
  const made = redisLimitStore(redis, { prefix, now });
  stores.push(made);
  return made;
}

afterEach(async () => {
  for (const made of stores.splice(0)) made.close();
  for (const prefix of prefixes.splice(0)) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
  }
});
afterAll(() => redis.quit());

describe("redisLimitStore", () => {
  behavesAsALimitStore((now) => store(now));

  it("counts the events of two instances together, and one instance's forget is everyone's", async () => {
    const prefix = `test:limits:${randomUUID()}:`;
    const [first, second] = [store(Date.now, prefix), store(Date.now, prefix)];
    const rule = { limit: 3, windowMs: 60_000 };
    await first.count("login:account:ana@example.com", rule);
    await second.count("login:account:ana@example.com", rule);
    expect(await first.retryAfterMs("login:account:ana@example.com", rule)).toBe(0);
    await first.count("login:account:ana@example.com", rule);
    expect(await second.retryAfterMs("login:account:ana@example.com", rule)).toBeGreaterThan(59_000);
    await second.forget("login:account:ana@example.com");
    expect(await first.retryAfterMs("login:account:ana@example.com", rule)).toBe(0);
  });

  it("lets two instances hold no more places together than the limit, even when they ask at once", async () => {
    const prefix = `test:limits:${randomUUID()}:`;
    const [first, second] = [store(Date.now, prefix), store(Date.now, prefix)];
    const taken = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? first : second).hold("stream:session:s1", 4)));
    expect(taken.filter(Boolean)).toHaveLength(4);
    await second.release("stream:session:s1");
    expect(await first.hold("stream:session:s1", 4)).toBe(true);
  });

  it("frees the places of an instance that died without releasing them once they lapse; a living one keeps its own", async () => {
    const prefix = `test:limits:${randomUUID()}:`;
    const time = clock(Date.now());
    const dead = store(time.now, prefix);
    const living = store(time.now, prefix);
    expect(await dead.hold("stream:address:10.0.0.9", 2)).toBe(true);
    expect(await living.hold("stream:address:10.0.0.9", 2)).toBe(true);
    expect(await living.hold("stream:address:10.0.0.9", 2)).toBe(false);
    time.advance(HOLD_LAPSES_AFTER_MS / 2);
    await living.refreshHolds(); // the dead one no longer does
    time.advance(HOLD_LAPSES_AFTER_MS / 2 + 1);
    expect(await living.hold("stream:address:10.0.0.9", 2)).toBe(true);
    expect(await living.hold("stream:address:10.0.0.9", 2)).toBe(false);
  });

  it("leaves nothing behind in Redis once the windows have passed", async () => {
    const prefix = `test:limits:${randomUUID()}:`;
    const made = store(Date.now, prefix);
    await made.count("subscribe:address:10.0.0.1", { limit: 5, windowMs: 200 });
    expect(await made.hold("stream:token:t1", 1)).toBe(true);
    await made.release("stream:token:t1");
    const ttls = await Promise.all((await redis.keys(`${prefix}*`)).map((key) => redis.pttl(key)));
    expect(ttls.every((ttl) => ttl > 0 && ttl <= HOLD_LAPSES_AFTER_MS)).toBe(true);
  });
});

describe("withFallback", () => {
  const broken: LimitStore = {
    retryAfterMs: () => Promise.reject(new Error("connect ECONNREFUSED")),
    count: () => Promise.reject(new Error("connect ECONNREFUSED")),
    forget: () => Promise.reject(new Error("connect ECONNREFUSED")),
    hold: () => Promise.reject(new Error("connect ECONNREFUSED")),
    release: () => Promise.reject(new Error("connect ECONNREFUSED")),
  };

  it("still refuses the eleventh failed sign-in while Redis does not answer, counting in memory, and reports each miss", async () => {
    const misses: unknown[] = [];
    const limits = withFallback(broken, memoryLimitStore(), { unreachable: (e) => misses.push(e), reachable: () => {} });
    const rule = { limit: 10, windowMs: 60_000 };
    for (let i = 0; i < 10; i++) {
      expect(await limits.retryAfterMs("login:account:ana@example.com", rule)).toBe(0);
      await limits.count("login:account:ana@example.com", rule);
    }
    expect(await limits.retryAfterMs("login:account:ana@example.com", rule)).toBeGreaterThan(0);
    expect(misses.length).toBe(21);
  });

  it("gives a place back where it was taken, and says once when the shared store answers again", async () => {
    const shared = store();
    let down = true;
    const flaky = new Proxy(shared, { get: (target, name: keyof LimitStore) => (down ? broken[name] : target[name]) }) as LimitStore;
    const events: string[] = [];
    const limits = withFallback(flaky, memoryLimitStore(), { unreachable: () => events.push("down"), reachable: () => events.push("up") });
    expect(await limits.hold("stream:session:s2", 1)).toBe(true); // in memory
    down = false;
    expect(await limits.hold("stream:session:s2", 1)).toBe(true); // in Redis
    expect(await limits.hold("stream:session:s2", 1)).toBe(false);
    await limits.release("stream:session:s2"); // the Redis one
    expect(await shared.hold("stream:session:s2", 1)).toBe(true);
    expect(events).toEqual(["down", "up"]);
  });
});
