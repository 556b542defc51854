// What every LimitStore does (limit-store.ts), run against each one: this process's memory and
// Redis. `make` gets a clock the test moves.
import { expect, it } from "vitest";
import type { LimitStore } from "~/modules/auth/limit-store.ts";

export function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

export function behavesAsALimitStore(make: (now: () => number) => LimitStore) {
  it("counts events per key within a rule's window and says when the next one may come", async () => {
    const time = clock();
    const store = make(time.now);
    const rule = { limit: 2, windowMs: 60_000 };
    await store.count("10.0.0.1", rule);
    time.advance(10_000);
    await store.count("10.0.0.1", rule);
    expect(await store.retryAfterMs("10.0.0.1", rule)).toBe(50_000);
    expect(await store.retryAfterMs("10.0.0.2", rule)).toBe(0);
    time.advance(50_000);
    expect(await store.retryAfterMs("10.0.0.1", rule)).toBe(0);
  });

  it("keeps the counts of two rules apart, and forgets a key under every rule", async () => {
    const time = clock();
    const store = make(time.now);
    const strict = { limit: 1, windowMs: 1_000 };
    const loose = { limit: 5, windowMs: 1_000 };
    await store.count("a", strict);
    expect(await store.retryAfterMs("a", strict)).toBe(1_000);
    expect(await store.retryAfterMs("a", loose)).toBe(0);
    await store.count("a", loose);
    await store.forget("a");
    expect(await store.retryAfterMs("a", strict)).toBe(0);
  });

  it("holds at most `limit` places per key at once, and a released place can be taken again", async () => {
    const store = make(Date.now);
    expect(await store.hold("session:1", 2)).toBe(true);
    expect(await store.hold("session:1", 2)).toBe(true);
    expect(await store.hold("session:1", 2)).toBe(false);
    expect(await store.hold("session:2", 2)).toBe(true);
    await store.release("session:1");
    expect(await store.hold("session:1", 2)).toBe(true);
    expect(await store.hold("session:1", 2)).toBe(false);
  });

  it("does not let releases without holds open more places than the limit", async () => {
    const store = make(Date.now);
    await store.release("token:1");
    await store.release("token:1");
    expect(await store.hold("token:1", 1)).toBe(true);
    expect(await store.hold("token:1", 1)).toBe(false);
  });
}
