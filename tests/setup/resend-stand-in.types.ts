// The shapes of the Resend stand-in (resend-stand-in.ts, which is where tests import them from): an email it
// accepted, its counters, the failures a test programs, its options, and the stand-in a test drives.

export type ReceivedEmail = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  headers: Record<string, string>;
  idempotencyKey: string | null;
  /** the client's User-Agent (the SDK takes it from RESEND_USER_AGENT) */
  userAgent: string | null;
  /** which accepted request carried it (1, 2, ...) */
  request: number;
};

export type StandInStats = {
  /** every request that reached the server */
  requests: number;
  /** requests whose emails were recorded */
  accepted: number;
  /** repeats of an idempotency key answered from memory, nothing recorded */
  replayed: number;
  rateLimited: number;
  /** 5xx answered */
  failed: number;
  /** 409: a key reused with another payload or while its first request was in progress */
  conflicts: number;
  /** 422 */
  invalid: number;
  unauthorized: number;
  /** the most emails in one accepted request */
  largestBatch: number;
};

export type Failures = {
  /** every k-th request (counted from now, after the rate limit) fails */
  every?: number;
  /** the next n requests fail */
  next?: number;
  /** 500 (default) or 429 */
  status?: 500 | 429;
  /** record the emails and the key first, then answer the failure: the response is lost */
  afterAccepting?: boolean;
};

export type StandInOptions = {
  apiKey?: string;
  /** requests allowed per second (a fixed one-second window); default: no limit */
  requestsPerSecond?: number;
  /** ms to wait before answering an accepted request */
  delayMs?: number;
  failures?: Failures;
};

export type ResendStandIn = {
  url: string;
  apiKey: string;
  received: ReceivedEmail[];
  stats: StandInStats;
  /** every To address of every recorded email, in order */
  recipients(): string[];
  /** requests in progress (waiting out the delay) */
  inFlight(): number;
  setFailures(failures: Failures | null): void;
  setDelay(ms: number): void;
  setRateLimit(requestsPerSecond: number | null): void;
  close(): Promise<void>;
};
