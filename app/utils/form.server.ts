// The one way to read a form (decision 0057). Forms post the same fields the JSON API takes;
// these helpers parse them with the same zod schemas and hand the field errors back to the page
// (422) instead of throwing. A form with several actions names them in `intent`: one `z.enum`
// (or one discriminated union on `intent`) per route, read by `readIntent` (or `parseForm`) and
// dispatched by a `switch` whose `default` is `unhandledIntent`, so TypeScript refuses a switch
// that forgets one. What the action answers is a `FormOutcome` (app/utils/form-outcome.ts).
import { z } from "zod";
import { DomainError } from "./errors.ts";
import { fieldErrors, readBytes, unstorableTextAt } from "./http.server.ts";

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

export const MAX_FORM_BYTES = 256 * 1024;

/**
 * The posted form, parsed from its bytes once they are all in and within `limit` (counted as they
 * arrive: a chunked body has no Content-Length to check first). A body that is not a form, or is
 * too big, is the sender's mistake (bad_request/payload_too_large).
 */
export async function readForm(request: Request, limit = MAX_FORM_BYTES, tooLargeMessage = "The form is too large."): Promise<FormData> {
  const tooLarge = (closeConnection: boolean): never => {
    throw new DomainError("payload_too_large", tooLargeMessage, {}, { closeConnection });
  };
  const bytes = await readBytes(request, limit, tooLarge);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new DomainError("bad_request", "The request body is not a form.");
  }
  // Every value of a repeated field: a page may read the first (form.get), not the last.
  for (const [key, value] of form.entries()) {
    const field = unstorableTextAt({ [key]: typeof value === "string" ? value : "" });
    if (field)
      throw new DomainError("bad_request", `The field ${field} contains a NUL character or half a surrogate pair.`, {
        [field]: "contains a NUL character or half a surrogate pair",
      });
  }
  return form;
}

/**
 * The form's `intent`, one of the route's `Intent` enum; `missing` is the intent of a form that
 * sends none (the page's main form). Anything else is the sender's mistake: a bad_request (400)
 * naming the field `intent`, which `formRefusal` turns into the form's outcome.
 */
export function readIntent<E extends z.ZodEnum>(form: FormData, Intent: E, missing?: z.output<E>): z.output<E> {
  const sent = form.get("intent");
  const parsed = Intent.safeParse(sent === null && missing !== undefined ? missing : sent);
  if (!parsed.success) throw new DomainError("bad_request", "Unknown action.", { intent: `must be one of ${Intent.options.join(", ")}` });
  return parsed.data;
}

/**
 * The `default` of a switch over a route's intents. It takes `never`, so TypeScript refuses the
 * switch while one intent has no case; at run time (it cannot happen) it is an unknown action.
 */
export function unhandledIntent(intent: never): never {
  throw new DomainError("bad_request", "Unknown action.", {
    intent: `${String((intent as { intent?: unknown })?.intent ?? intent)} is not handled`,
  });
}

/** The form read and parsed with `schema` (`shape` makes the schema's input of the form). */
export async function parseForm<S extends z.ZodType>(
  request: Request,
  schema: S,
  shape?: (form: FormData) => unknown,
): Promise<FormResult<z.output<S>>> {
  const form = await readForm(request);
  const value = shape ? shape(form) : Object.fromEntries(form);
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}
