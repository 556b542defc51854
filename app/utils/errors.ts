// The one error a module throws when it refuses: what went wrong (`code`), in words (`message`),
// and per field (`fields`). It knows no HTTP: the API's boundary (api-boundary.server.ts) and the
// pages' boundary (page-boundary.server.ts) turn it into an answer, Slack's commands into a message.
// docs/decisions/0051-errors-carry-no-http.md

export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "invalid"
  | "rate_limited"
  | "unavailable";

/** The HTTP status each code is answered with (the boundaries' one table). */
export const STATUS_OF: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  invalid: 422,
  rate_limited: 429,
  unavailable: 503,
};

/** What a refusal says beyond its words: when to try again, what is served instead, whether the rest of a body is worth reading. */
export type Refusing = {
  /** seconds until trying again makes sense (rate limits, the database not answering) */
  retryAfter?: number;
  /** the methods that are served where another was asked for */
  allow?: readonly string[];
  /** the sender is still sending far too much: the answer ends the connection */
  closeConnection?: boolean;
  /** an unusable session cookie came with the request: the answer clears it */
  clearSessionCookie?: string;
  /** a browser asking for a page without a usable session is sent here to sign in (with the page to come back to) */
  signIn?: string;
  cause?: unknown;
};

export class DomainError extends Error {
  override readonly name = "DomainError";
  readonly code: ErrorCode;
  readonly fields: Record<string, string>;
  readonly retryAfter?: number;
  readonly allow?: readonly string[];
  readonly closeConnection?: boolean;
  readonly clearSessionCookie?: string;
  readonly signIn?: string;

  constructor(code: ErrorCode, message: string, fields: Record<string, string> = {}, refusing: Refusing = {}) {
    super(message, refusing.cause === undefined ? undefined : { cause: refusing.cause });
    this.code = code;
    this.fields = fields;
    if (refusing.retryAfter !== undefined) this.retryAfter = refusing.retryAfter;
    if (refusing.allow) this.allow = refusing.allow;
    if (refusing.closeConnection) this.closeConnection = true;
    if (refusing.clearSessionCookie) this.clearSessionCookie = refusing.clearSessionCookie;
    if (refusing.signIn) this.signIn = refusing.signIn;
  }

  get status(): number {
    return STATUS_OF[this.code];
  }

  /** A log line's view (pino serialises errors through this): the code, the words and the cause. */
  toJSON() {
    return {
      code: this.code,
      message: this.message,
      fields: this.fields,
      ...(this.cause === undefined ? {} : { cause: String(this.cause) }),
    };
  }
}

export function isDomainError(error: unknown, code?: ErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}

/** How long a client waits before trying the database again. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The database does not answer (down, locked, out of connections): `unavailable`, try again in a few seconds. decision 0027 */
export function databaseDoesNotAnswer(cause: unknown): DomainError {
  return new DomainError(
    "unavailable",
    "The database does not answer; try again in a few seconds.",
    {},
    { retryAfter: DATABASE_RETRY_AFTER_SECONDS, cause },
  );
}

export function isDatabaseOutage(error: unknown): boolean {
  return isDomainError(error, "unavailable");
}
