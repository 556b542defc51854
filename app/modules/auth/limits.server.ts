// The limits on guessing: failed sign-ins per account and per client address, unknown bearer
// tokens per address, and token creation per account. Counted in this process's memory
// (rate-limit.ts); the numbers come from the environment (README, decision 0021).
import { apiError } from "~/utils/http.server.ts";
import { env } from "~/utils/env.server.ts";
import { attemptCounter, type AttemptCounter } from "./rate-limit.ts";

type Counters = { loginByAccount: AttemptCounter; loginByAddress: AttemptCounter; tokenFailuresByAddress: AttemptCounter; tokensCreatedByAccount: AttemptCounter };

let counters: Counters | undefined;

function limits(): Counters {
  if (counters) return counters;
  const e = env();
  const windowMs = e.RATE_LIMIT_WINDOW_SECONDS * 1000;
  counters = {
    loginByAccount: attemptCounter({ limit: e.LOGIN_FAILURES_PER_ACCOUNT, windowMs }),
    loginByAddress: attemptCounter({ limit: e.LOGIN_FAILURES_PER_IP, windowMs }),
    tokenFailuresByAddress: attemptCounter({ limit: e.TOKEN_FAILURES_PER_IP, windowMs }),
    tokensCreatedByAccount: attemptCounter({ limit: e.TOKENS_CREATED_PER_ACCOUNT, windowMs }),
  };
  return counters;
}

export type Refusal = { retryAfterSeconds: number; message: string; headers: { "Retry-After": string } };

function refusal(ms: number, what: string): Refusal | null {
  if (ms <= 0) return null;
  const retryAfterSeconds = Math.ceil(ms / 1000);
  const wait = retryAfterSeconds < 120 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return { retryAfterSeconds, message: `${what} Try again in ${wait}.`, headers: { "Retry-After": String(retryAfterSeconds) } };
}

const accountKey = (email: string) => email.trim().toLowerCase();

/** Whether another password may be tried for this account from this address now. */
export function signInRefusal(email: string, address: string): Refusal | null {
  const { loginByAccount, loginByAddress } = limits();
  return (
    refusal(loginByAccount.retryAfterMs(accountKey(email)), "Too many failed sign-ins for this account.") ??
    refusal(loginByAddress.retryAfterMs(address), "Too many failed sign-ins from your network.")
  );
}

export function recordFailedSignIn(email: string, address: string): void {
  limits().loginByAccount.record(accountKey(email));
  limits().loginByAddress.record(address);
}

/** A correct password clears the account's count (not the address's: one address may guess at many accounts). */
export function recordSignIn(email: string): void {
  limits().loginByAccount.clear(accountKey(email));
}

/** Throws the API's 429 while this address has sent too many unknown tokens. */
export function assertTokenAttemptsAllowed(address: string): void {
  const refused = refusal(limits().tokenFailuresByAddress.retryAfterMs(address), "Too many requests with an invalid API token from your address.");
  if (refused) throw apiError("rate_limited", refused.message, undefined, refused.headers);
}

export function recordFailedToken(address: string): void {
  limits().tokenFailuresByAddress.record(address);
}

/** Throws the API's 429 once this account has created its share of tokens in the window; else counts this one. */
export function countTokenCreation(userId: string): void {
  const refused = refusal(limits().tokensCreatedByAccount.retryAfterMs(userId), "Too many API tokens created by this account.");
  if (refused) throw apiError("rate_limited", refused.message, undefined, refused.headers);
  limits().tokensCreatedByAccount.record(userId);
}
