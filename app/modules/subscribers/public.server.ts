// The public side of subscribing: the form on the status page and the links in the emails.
// The form answers the same whatever the address, so it never tells who is subscribed, and
// a stranger cannot change a confirmed subscriber's choice by typing their address.
import { db } from "~/utils/db.server.ts";
import { fieldErrors } from "~/utils/http.server.ts";
import { formErrorsFrom } from "~/utils/form.server.ts";
import { SubscribeSchema, type SubscribeInput } from "./schemas.ts";
import { subscribe, subscriptionByToken, type SubscriberView } from "./subscribers.server.ts";

/** Tokens are 24 random bytes in base64url; anything else is answered without a query. */
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

export type SubscribeFormResult = { ok: true; email: string } | { ok: false; email: string; components: string[]; errors: Record<string, string> };

export function subscribeFormValues(form: FormData): { email: string; components: string[] } {
  const email = form.get("email");
  return { email: typeof email === "string" ? email : "", components: form.getAll("components").filter((v): v is string => typeof v === "string") };
}

/** The subscribe form: a confirmation email goes out unless the address already gets notices. */
export async function requestSubscription(form: FormData): Promise<SubscribeFormResult> {
  const values = subscribeFormValues(form);
  const parsed = SubscribeSchema.safeParse(values);
  if (!parsed.success) return { ok: false, ...values, errors: fieldErrors(parsed.error) };
  const input: SubscribeInput = parsed.data;
  const existing = await db.$transaction((tx) => tx.subscriber.findUnique({ where: { email: input.email }, select: { confirmedAt: true, unsubscribedAt: true, bouncedAt: true } }));
  if (existing?.confirmedAt && !existing.unsubscribedAt && !existing.bouncedAt) return { ok: true, email: input.email };
  try {
    await subscribe(null, input, "page");
  } catch (error) {
    return { ok: false, ...values, errors: await formErrorsFrom(error) };
  }
  return { ok: true, email: input.email };
}

/** The subscription behind an email link; null for an unknown (or malformed) token. */
export async function subscriptionFromLink(token: string | undefined): Promise<SubscriberView | null> {
  if (!token || !TOKEN.test(token)) return null;
  return subscriptionByToken(token);
}
