// Reads a notification's body. A payload that is not what the sender documents is a 400
// naming the field and the reason: monitoring treats a 4xx as final, and a person reads it
// in the sender's log (Alertmanager logs the answer of a failed webhook).
import type { z } from "zod";
import { fail, fieldErrors, readLimited, unstorableTextAt } from "~/utils/http.server.ts";

/** A group of hundreds of alerts with their labels and annotations fits with room to spare. */
export const MAX_NOTIFICATION_BYTES = 4 * 1024 * 1024;

export async function readAlertPayload<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const text = await readLimited(request, MAX_NOTIFICATION_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail("bad_request", "The body is not valid JSON.");
  }
  const unstorable = unstorableTextAt(value);
  if (unstorable)
    fail("bad_request", "The notification is not valid.", { [unstorable]: "contains a NUL character or half a surrogate pair" });
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    const [field, reason] = Object.entries(fields)[0];
    fail("bad_request", `The notification is not valid: ${field === "_" ? "" : `${field} `}${reason}.`, fields);
  }
  return parsed.data;
}
