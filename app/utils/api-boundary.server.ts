// The JSON API's boundary: a refusal a module threw (DomainError) becomes the API's one error
// shape, {"error": {"code", "message", "fields"}}, with its status and headers (Retry-After on
// 429/503, Allow on 405, Connection: close on a body far too large). Every API route and every
// resource route that answers JSON is wrapped in it:
//   export const action = apiAction(async ({ request }: ActionFunctionArgs) => …);
// What is not a refusal (a bug, a redirect, a Response) passes through unchanged.
// docs/decisions/0051-errors-carry-no-http.md
import { DomainError } from "./errors.ts";
import { apiError, signInRedirect } from "./http.server.ts";

/** The API's answer to a refusal. */
export function apiAnswer(error: DomainError): Response {
  const signIn = signInRedirect(error);
  if (signIn) return signIn;
  const headers = new Headers();
  if (error.retryAfter !== undefined) headers.set("Retry-After", String(error.retryAfter));
  if (error.allow) headers.set("Allow", error.allow.join(", "));
  if (error.closeConnection) headers.set("Connection", "close");
  if (error.clearSessionCookie) headers.set("Set-Cookie", error.clearSessionCookie);
  return apiError(error.code, error.message, error.fields, headers);
}

/** A loader or action whose refusals are answered in the API's error shape; its own type is kept (useLoaderData, fetchers). */
export function apiRoute<Args, Result>(handle: (args: Args) => Result | Promise<Result>): (args: Args) => Promise<Result> {
  return async (args) => {
    try {
      return await handle(args);
    } catch (error) {
      if (error instanceof DomainError) throw apiAnswer(error);
      throw error;
    }
  };
}

export const apiLoader = apiRoute;
export const apiAction = apiRoute;
