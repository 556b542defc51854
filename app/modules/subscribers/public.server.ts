// The public side of subscribing: the form on the status page and the links in the emails.
// The form answers the same, in the same time, whatever the address (decision 0033), so it never
// tells who is subscribed, and a stranger cannot change a confirmed subscriber's choice by typing
// their address.
import { formRefusal } from "~/utils/page-boundary.server.ts";
import { countSubscribeRequest, type Refusal } from "~/modules/auth/limits.server.ts";
import { fieldErrors } from "~/utils/http.server.ts";
import { SubscribeSchema, type SubscribeInput } from "./schemas.ts";
import { queueSubscribeRequest } from "./subscribe-requests.server.ts";
import { subscriptionByToken } from "./subscribers.server.ts";
import type { SubscriberView } from "./view.ts";

/** Tokens are 24 random bytes in base64url; anything else is answered without a query. */
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

export type SubscribeFormResult =
  | { ok: true; email: string }
  | { ok: false; email: string; components: string[]; errors: Record<string, string> }
  | { ok: false; limited: Refusal };

export function subscribeFormValues(form: FormData): { email: string; components: string[] } {
  const email = form.get("email");
  return {
    email: typeof email === "string" ? email : "",
    components: form.getAll("components").filter((v): v is string => typeof v === "string"),
  };
}

/**
 * The subscribe form, from the client at `address`: limited per client and per email, then the
 * request is queued (subscribe-requests.server.ts). Nothing here reads who is subscribed.
 */
export async function requestSubscription(form: FormData, address: string): Promise<SubscribeFormResult> {
  const values = subscribeFormValues(form);
  const parsed = SubscribeSchema.safeParse(values);
  const limited = await countSubscribeRequest(parsed.success ? parsed.data.email : null, address);
  if (limited) return { ok: false, limited };
  if (!parsed.success) return { ok: false, ...values, errors: fieldErrors(parsed.error) };
  const input: SubscribeInput = parsed.data;
  try {
    await queueSubscribeRequest(input);
  } catch (error) {
    return { ok: false, ...values, errors: formRefusal(error).errors };
  }
  return { ok: true, email: input.email };
}

/** The subscription behind an email link; null for an unknown (or malformed) token. */
export async function subscriptionFromLink(token: string | undefined): Promise<SubscriberView | null> {
  if (!token || !TOKEN.test(token)) return null;
  return subscriptionByToken(token);
}
