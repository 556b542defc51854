// What a module's refusal says, in words for Slack. Modules refuse by throwing a DomainError
// (decision 0051); this is the one place that reads one, so the commands, the buttons and the
// modals answer a refusal the same way.
import { DomainError } from "~/utils/errors.ts";

/** The refusal's message (and its fields), or null when `error` is not a refusal but a fault. */
export async function refusalOf(error: unknown): Promise<string | null> {
  if (!(error instanceof DomainError)) return null;
  const fields = Object.entries(error.fields).map(([field, problem]) => `${field} ${problem}`);
  return `${error.message || "Refused."}${fields.length ? ` (${fields.join("; ")})` : ""}`;
}
