// Where the limits keep their counts: the one interface between a limit ("30 wrong tokens per
// address per 15 minutes", "20 open event streams per session") and the store that counts. Here
// it is this process's memory; a store shared by several instances (Redis) implements the same
// five calls, which is why they are asynchronous. Pure: the clock is passed in.
import { attemptCounter, type AttemptCounter } from "./rate-limit.ts";

/** At most `limit` events per key within a sliding window of `windowMs`. */
export type WindowRule = { limit: number; windowMs: number };

export interface LimitStore {
  /** Milliseconds until another event may be counted for `key` under `rule`; 0 when it may now. Counts nothing. */
  retryAfterMs(key: string, rule: WindowRule): Promise<number>;
  /** Counts one event for `key` now. */
  count(key: string, rule: WindowRule): Promise<void>;
  /** Forgets the events counted for `key`. */
  forget(key: string): Promise<void>;
  /** Takes one of the `limit` places that may be held at once under `key` (an open stream); false when all are taken. */
  hold(key: string, limit: number): Promise<boolean>;
  /** Gives back a place taken with `hold`. */
  release(key: string): Promise<void>;
}

export type MemoryLimitStoreOptions = {
  now?: () => number;
  /** keys remembered at most per rule; past this the longest-unused key is forgotten (memory stays bounded) */
  maxKeys?: number;
};

export function memoryLimitStore({ now = Date.now, maxKeys = 10_000 }: MemoryLimitStoreOptions = {}): LimitStore {
  const windows = new Map<string, AttemptCounter>();
  const held = new Map<string, number>();
  const windowOf = (rule: WindowRule) => {
    const name = `${rule.limit}/${rule.windowMs}`;
    let counter = windows.get(name);
    if (!counter) windows.set(name, (counter = attemptCounter({ ...rule, now, maxKeys })));
    return counter;
  };
  return {
    async retryAfterMs(key, rule) {
      return windowOf(rule).retryAfterMs(key);
    },
    async count(key, rule) {
      windowOf(rule).record(key);
    },
    async forget(key) {
      for (const counter of windows.values()) counter.clear(key);
    },
    async hold(key, limit) {
      const taken = held.get(key) ?? 0;
      if (taken >= limit) return false;
      held.set(key, taken + 1);
      return true;
    },
    async release(key) {
      const taken = held.get(key) ?? 0;
      if (taken <= 1) held.delete(key);
      else held.set(key, taken - 1);
    },
  };
}
