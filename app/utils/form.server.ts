// Forms post the same fields the JSON API takes; these helpers parse them with the same
// zod schemas and hand the field errors back to the page (422) instead of throwing.
import { z } from "zod";
import { fieldErrors, readBytes, unstorableTextAt } from "./http.server.ts";

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

export const MAX_FORM_BYTES = 256 * 1024;

/**
 * The posted form, parsed from its bytes once they are all in and within `limit` (counted as they
 * arrive: a chunked body has no Content-Length to check first). A body that is not a form, or is
 * too big, is the sender's mistake (400/413).
 */
export async function readForm(request: Request, limit = MAX_FORM_BYTES, tooLargeMessage = "The form is too large."): Promise<FormData> {
  const tooLarge = (closeConnection: boolean): never => {
    throw new Response(tooLargeMessage, { status: 413, headers: closeConnection ? { Connection: "close" } : undefined });
  };
  const bytes = await readBytes(request, limit, tooLarge);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new Response("The request body is not a form.", { status: 400 });
  }
  // Every value of a repeated field: a page may read the first (form.get), not the last.
  for (const [key, value] of form.entries()) {
    const field = unstorableTextAt({ [key]: typeof value === "string" ? value : "" });
    if (field) throw new Response(`The field ${field} contains a NUL character or half a surrogate pair.`, { status: 400 });
  }
  return form;
}

export async function parseForm<S extends z.ZodType>(request: Request, schema: S, shape?: (form: FormData) => unknown): Promise<FormResult<z.output<S>>> {
  const form = await readForm(request);
  const value = shape ? shape(form) : Object.fromEntries(form);
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}

/** Turns an API error Response thrown by a module into field errors for the page; rethrows others. */
export async function formErrorsFrom(error: unknown): Promise<Record<string, string>> {
  if (error instanceof Response && error.status >= 400 && error.status < 500 && error.headers.get("content-type")?.includes("json")) {
    const body = (await error.json()) as { error?: { message?: string; fields?: Record<string, string> } };
    return { _: body.error?.message ?? "Not valid.", ...(body.error?.fields ?? {}) };
  }
  throw error;
}
