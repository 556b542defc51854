// When to try a failed delivery again. Pure.
export const MAX_ATTEMPTS = 8;
const BASE_MS = 2_000;
const CAP_MS = 15 * 60_000;

/** Exponential backoff with full jitter: a random wait up to base × 2^(attempt-1), capped. */
export function backoffMs(attempt: number, random = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.max(250, Math.round(random() * ceiling));
}

/** Seconds or an HTTP date, as in Retry-After; null when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, CAP_MS);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.min(Math.max(0, at - now), CAP_MS);
}

export type Outcome =
  | { kind: "sent"; providerIds: string[] }
  /** the provider asked us to slow down: not the recipients' fault, not an attempt */
  | { kind: "rate-limited"; waitMs: number; error: string }
  /** a 5xx or the network: try again later */
  | { kind: "retry"; status: number | null; error: string }
  /** the provider refused the request itself (4xx): trying again will not help */
  | { kind: "refused"; status: number; error: string };

export function classify(status: number | null, error: string, retryAfter: string | null | undefined): Outcome {
  if (status === 429) return { kind: "rate-limited", waitMs: retryAfterMs(retryAfter) ?? 1_000, error };
  if (status === null || status >= 500 || status === 408 || status === 409) return { kind: "retry", status, error };
  return { kind: "refused", status, error };
}

/** After a failed attempt: try again at this time, or give up (dead letter). */
export function nextStep(
  attempts: number,
  now: number,
  random = Math.random,
): { state: "failed"; nextAttemptAt: Date } | { state: "dead" } {
  if (attempts >= MAX_ATTEMPTS) return { state: "dead" };
  return { state: "failed", nextAttemptAt: new Date(now + backoffMs(attempts, random)) };
}
