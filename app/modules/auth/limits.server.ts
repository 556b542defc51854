// The limits on guessing and flooding: failed sign-ins per account and per client address, wrong
// bearer tokens per address (wherever a token is taken: the API, pages, /metrics, /collab), token
// creation per account, the public subscribe form per email and per client address, and event
// streams open at once per session, token and address. The numbers come from the environment
// (docs/configuration.md, decisions 0021, 0028 and 0033); the counts live in a LimitStore (limit-store.ts): Redis
// when REDIS_URL is set, so every instance counts the same (decision 0049), else this process's memory.
import { DomainError } from "~/utils/errors.ts";
import { env } from "~/utils/env.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { sharedRedis } from "~/utils/redis.server.ts";
import type { Actor } from "./actor.ts";
import { memoryLimitStore, type LimitStore, type WindowRule } from "./limit-store.ts";
import { redisLimitStore, withFallback } from "./redis-limit-store.ts";
import { singleton } from "~/utils/singleton.ts";

type Rules = {
  subscribesByEmail: WindowRule;
  subscribesByAddress: WindowRule;
  loginByAccount: WindowRule;
  loginByAddress: WindowRule;
  tokenFailuresByAddress: WindowRule;
  tokensCreatedByAccount: WindowRule;
};

const fallbacks = singleton("limitFallbacks", () => ({ count: 0 }));

/**
 * While Redis does not answer, every limit counts in this process's memory (per instance, as
 * without Redis): neither unlimited nor locking people out of the tool during an outage. Logged
 * once per outage, and counted for /metrics (incident_desk_limit_store_fallbacks_total).
 */
function createStore(): LimitStore {
  const redis = sharedRedis();
  if (!redis) return memoryLimitStore();
  let warned = false;
  return withFallback(redisLimitStore(redis), memoryLimitStore(), {
    unreachable(error) {
      fallbacks.count += 1;
      if (warned) return;
      warned = true;
      logger.error({ err: error }, "rate limits cannot reach Redis: counting in this instance's memory until it answers");
    },
    reachable() {
      warned = false;
      logger.info("rate limits count in Redis again");
    },
  });
}

/** Limit checks answered from this process's memory because Redis did not answer (for /metrics). */
export function limitStoreFallbacks(): number {
  return fallbacks.count;
}

/** Chosen on first use, once the environment has been read. */
const store = (): LimitStore => singleton("limitStore", createStore);

let rules: Rules | undefined;

function limits(): Rules {
  if (rules) return rules;
  const e = env();
  const windowMs = e.RATE_LIMIT_WINDOW_SECONDS * 1000;
  const subscribeWindowMs = e.SUBSCRIBE_WINDOW_SECONDS * 1000;
  rules = {
    subscribesByEmail: { limit: e.SUBSCRIBES_PER_ADDRESS, windowMs: subscribeWindowMs },
    subscribesByAddress: { limit: e.SUBSCRIBES_PER_IP, windowMs: subscribeWindowMs },
    loginByAccount: { limit: e.LOGIN_FAILURES_PER_ACCOUNT, windowMs },
    loginByAddress: { limit: e.LOGIN_FAILURES_PER_IP, windowMs },
    tokenFailuresByAddress: { limit: e.TOKEN_FAILURES_PER_IP, windowMs },
    tokensCreatedByAccount: { limit: e.TOKENS_CREATED_PER_ACCOUNT, windowMs },
  };
  return rules;
}

export type Refusal = { retryAfterSeconds: number; message: string; headers: { "Retry-After": string } };

function refusal(ms: number, what: string): Refusal | null {
  if (ms <= 0) return null;
  const retryAfterSeconds = Math.ceil(ms / 1000);
  const wait = retryAfterSeconds < 120 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return { retryAfterSeconds, message: `${what} Try again in ${wait}.`, headers: { "Retry-After": String(retryAfterSeconds) } };
}

const accountKey = (email: string) => `login:account:${email.trim().toLowerCase()}`;
const loginAddressKey = (address: string) => `login:address:${address}`;
const tokenAddressKey = (address: string) => `token:address:${address}`;

/** Whether another password may be tried for this account from this address now. */
export async function signInRefusal(email: string, address: string): Promise<Refusal | null> {
  const { loginByAccount, loginByAddress } = limits();
  return (
    refusal(await store().retryAfterMs(accountKey(email), loginByAccount), "Too many failed sign-ins for this account.") ??
    refusal(await store().retryAfterMs(loginAddressKey(address), loginByAddress), "Too many failed sign-ins from your network.")
  );
}

export async function recordFailedSignIn(email: string, address: string): Promise<void> {
  await store().count(accountKey(email), limits().loginByAccount);
  await store().count(loginAddressKey(address), limits().loginByAddress);
}

/** A correct password clears the account's count (not the address's: one address may guess at many accounts). */
export async function recordSignIn(email: string): Promise<void> {
  await store().forget(accountKey(email));
}

/** Why this address may not try a token now (too many wrong ones), or null. */
export async function tokenGuessRefusal(address: string): Promise<Refusal | null> {
  return refusal(
    await store().retryAfterMs(tokenAddressKey(address), limits().tokenFailuresByAddress),
    "Too many requests with an invalid API token from your address.",
  );
}

/** Throws the API's 429 while this address has sent too many wrong tokens. */
export async function assertTokenAttemptsAllowed(address: string): Promise<void> {
  const refused = await tokenGuessRefusal(address);
  if (refused) throw new DomainError("rate_limited", refused.message, {}, { retryAfter: refused.retryAfterSeconds });
}

export async function recordFailedToken(address: string): Promise<void> {
  await store().count(tokenAddressKey(address), limits().tokenFailuresByAddress);
}

/** Throws the API's 429 once this account has created its share of tokens in the window; else counts this one. */
export async function countTokenCreation(userId: string): Promise<void> {
  const key = `token:created:${userId}`;
  const refused = refusal(await store().retryAfterMs(key, limits().tokensCreatedByAccount), "Too many API tokens created by this account.");
  if (refused) throw new DomainError("rate_limited", refused.message, {}, { retryAfter: refused.retryAfterSeconds });
  await store().count(key, limits().tokensCreatedByAccount);
}

/**
 * Counts one subscribe-form request from this client address, and for this email once it is
 * known to be one (null: the form did not name a valid address); a refusal when either has had
 * its share of the window. The same for every email, subscribed or not: it tells nothing.
 */
export async function countSubscribeRequest(email: string | null, address: string): Promise<Refusal | null> {
  const { subscribesByEmail, subscribesByAddress } = limits();
  const byAddress = `subscribe:address:${address}`;
  const refused = refusal(await store().retryAfterMs(byAddress, subscribesByAddress), "Too many subscription requests from your network.");
  if (refused) return refused;
  if (email === null)
    return store()
      .count(byAddress, subscribesByAddress)
      .then(() => null);
  const byEmail = `subscribe:email:${email}`;
  const wait = await store().retryAfterMs(byEmail, subscribesByEmail);
  const refusedEmail = refusal(wait, "Too many subscription requests for this email address.");
  if (refusedEmail) return refusedEmail;
  await store().count(byAddress, subscribesByAddress);
  await store().count(byEmail, subscribesByEmail);
  return null;
}

/** What a client is told to wait when every event-stream place is taken: streams end when people leave, not on a clock. */
const STREAM_RETRY_AFTER_SECONDS = 10;

/**
 * Takes a place for one more event stream of this session or token, and of this address; throws
 * the API's 429 with Retry-After when one of them has all its places open. `release` gives both
 * back (call it once the stream has ended; calling it again does nothing).
 */
export async function holdEventStreamPlace(actor: Actor, address: string): Promise<{ release: () => void }> {
  const { EVENT_STREAMS_PER_SESSION, EVENT_STREAMS_PER_TOKEN, EVENT_STREAMS_PER_IP } = env();
  const places: [key: string, limit: number, what: string][] = [
    actor.tokenId
      ? [`stream:token:${actor.tokenId}`, EVENT_STREAMS_PER_TOKEN, `${EVENT_STREAMS_PER_TOKEN} event streams are open with this API token.`]
      : [
          `stream:session:${actor.sessionId}`,
          EVENT_STREAMS_PER_SESSION,
          `${EVENT_STREAMS_PER_SESSION} event streams are open in this session.`,
        ],
    [`stream:address:${address}`, EVENT_STREAMS_PER_IP, `${EVENT_STREAMS_PER_IP} event streams are open from your address.`],
  ];
  const taken: string[] = [];
  for (const [key, limit, what] of places) {
    if (!(await store().hold(key, limit))) {
      for (const k of taken) await store().release(k);
      throw new DomainError(
        "rate_limited",
        `${what} Close one, or try again in ${STREAM_RETRY_AFTER_SECONDS} seconds.`,
        {},
        {
          retryAfter: STREAM_RETRY_AFTER_SECONDS,
        },
      );
    }
    taken.push(key);
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      for (const key of taken) void store().release(key);
    },
  };
}
