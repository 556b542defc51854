// The pages' boundary: a refusal a module threw (DomainError) becomes what a page shows.
// - In a form's action, `formRefusal(error)` is the one outcome: `{ ok: false, code, errors }`
//   (`errors._` the message, then one per field) returned with the refusal's status and
//   Retry-After, so the form shows it beside its fields.
// - Anything that escapes a page's loader or action (`pageLoader`/`pageAction`) is thrown as a
//   Response with the refusal's status and words, and the route's ErrorBoundary shows its page
//   (403, 404, 503 "The database does not answer", …).
// docs/decisions/0051-errors-carry-no-http.md
import { DomainError, type ErrorCode } from "./errors.ts";
import { signInRedirect } from "./http.server.ts";

/** How a form says it was refused. */
export type FormFailure = { ok: false; code: ErrorCode; errors: Record<string, string> };

/** The refusal as a form shows it, with the status and headers its answer goes with. */
export type FormRefusal = FormFailure & { init: { status: number; headers?: Record<string, string> } };

/**
 * A refusal thrown inside a form's action, as the form's outcome. Anything else is thrown on,
 * and so are a database that does not answer (the page shows its 503 page, not a field error)
 * and a browser that must sign in first (the boundary sends it to the sign-in page).
 */
export function formRefusal(error: unknown): FormRefusal {
  if (!(error instanceof DomainError) || error.code === "unavailable" || error.signIn) throw error;
  const headers = error.retryAfter !== undefined ? { "Retry-After": String(error.retryAfter) } : undefined;
  return {
    ok: false,
    code: error.code,
    errors: { _: error.message, ...error.fields },
    init: { status: error.status, ...(headers ? { headers } : {}) },
  };
}

/**
 * A form action's answer to a refusal: `{ ...extra, ok: false, code, errors }` with the refusal's
 * status. A Response, not `data()`: a resource route (a form that posts to a route of its own)
 * would send `data()` as a 200.
 */
export function formFailed(error: unknown, extra: Record<string, unknown> = {}): Response {
  const { init, ...failure } = formRefusal(error);
  return Response.json({ ...extra, ...failure }, init);
}

/** The answer a page's ErrorBoundary shows: the refusal's status, its words as text, its headers. */
export function pageAnswer(error: DomainError): Response {
  const signIn = signInRedirect(error);
  if (signIn) return signIn;
  const headers = new Headers({ "Content-Type": "text/plain; charset=utf-8" });
  if (error.retryAfter !== undefined) headers.set("Retry-After", String(error.retryAfter));
  if (error.allow) headers.set("Allow", error.allow.join(", "));
  if (error.closeConnection) headers.set("Connection", "close");
  if (error.clearSessionCookie) headers.set("Set-Cookie", error.clearSessionCookie);
  return new Response(error.message, { status: error.status, headers });
}

/** A page's loader or action whose refusals reach its ErrorBoundary with their status; its own type is kept. */
export function pageRoute<Args, Result>(handle: (args: Args) => Result | Promise<Result>): (args: Args) => Promise<Result> {
  return async (args) => {
    try {
      return await handle(args);
    } catch (error) {
      if (error instanceof DomainError) throw pageAnswer(error);
      throw error;
    }
  };
}

export const pageLoader = pageRoute;
export const pageAction = pageRoute;
