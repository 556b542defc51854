// What a module's refusal says, in words for Slack. Modules refuse by throwing (today the API's
// error Response from `fail()`); this is the one place that reads one, so the commands, the
// buttons and the modals answer a refusal the same way, and a change of how modules refuse
// changes only this file.

/** The refusal's message (and its fields), or null when `error` is not a refusal but a fault. */
export async function refusalOf(error: unknown): Promise<string | null> {
  if (!(error instanceof Response)) return null;
  try {
    const body = (await error.clone().json()) as { error?: { message?: string; fields?: Record<string, string> } };
    const fields = Object.entries(body.error?.fields ?? {}).map(([field, problem]) => `${field} ${problem}`);
    return `${body.error?.message ?? "Refused."}${fields.length ? ` (${fields.join("; ")})` : ""}`;
  } catch {
    return `Refused (${error.status}).`;
  }
}
