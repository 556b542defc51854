// Counting attempts per key (an IP address, an account) over a sliding window, in memory.
// Pure: the clock is passed in, so tests move time instead of waiting. Each app instance
// counts on its own (docs/decisions/0021-sessions-passwords-rate-limits.md).

export type AttemptCounterOptions = {
  /** attempts allowed within the window; the next one is refused */
  limit: number;
  windowMs: number;
  now?: () => number;
  /** keys remembered at most; past this the longest-unused key is forgotten (memory stays bounded) */
  maxKeys?: number;
};

export type AttemptCounter = {
  /** Milliseconds until another attempt is allowed for this key; 0 when it is allowed now. */
  retryAfterMs(key: string): number;
  record(key: string): void;
  clear(key: string): void;
};

export function attemptCounter({ limit, windowMs, now = Date.now, maxKeys = 10_000 }: AttemptCounterOptions): AttemptCounter {
  const attempts = new Map<string, number[]>();

  const recent = (key: string): number[] => {
    const times = attempts.get(key);
    if (!times) return [];
    const since = now() - windowMs;
    const kept = times.filter((t) => t > since);
    if (kept.length) attempts.set(key, kept);
    else attempts.delete(key);
    return kept;
  };

  return {
    retryAfterMs(key) {
      const times = recent(key);
      if (times.length < limit) return 0;
      // allowed again when enough of the oldest attempts have left the window
      return Math.max(1, times[times.length - limit] + windowMs - now());
    },
    record(key) {
      const times = recent(key);
      times.push(now());
      attempts.delete(key); // re-inserted last: Map order is then least recently used first
      attempts.set(key, times.slice(-limit));
      while (attempts.size > maxKeys) attempts.delete(attempts.keys().next().value as string);
    },
    clear(key) {
      attempts.delete(key);
    },
  };
}
