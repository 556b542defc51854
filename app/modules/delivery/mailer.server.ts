// Sends a batch of emails: through Resend when RESEND_API_KEY is set (the SDK honours
// RESEND_BASE_URL, which tests point at a local stand-in), else into the outbox table that
// admins read in the app. Either way one call is one batch with one idempotency key.
import { Resend } from "resend";
import type { Tx } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import { newId } from "~/utils/ids.ts";
import { classify, type Outcome } from "./retry.ts";

export type Email = {
  deliveryId: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
};

export type SendResult = Outcome & {
  /** the provider's limit from its `ratelimit-limit` header (requests per second at Resend) */
  limitPerSecond?: number;
};

let client: Resend | null = null;

export function usesResend(): boolean {
  return Boolean(env().RESEND_API_KEY);
}

function resend(): Resend {
  client ??= new Resend(env().RESEND_API_KEY);
  return client;
}

/** Sends at most 100 emails in one request to Resend. Never throws for a provider error. */
export async function sendThroughResend(emails: Email[], idempotencyKey: string): Promise<SendResult> {
  try {
    const response = await resend().batch.send(
      emails.map((e) => ({ from: e.from, to: [e.to], subject: e.subject, html: e.html, text: e.text, headers: e.headers })),
      { idempotencyKey },
    );
    const headers = response.headers ?? {};
    const limit = Number(headers["ratelimit-limit"]);
    const limitPerSecond = Number.isFinite(limit) && limit > 0 ? limit : undefined;
    // The same key with other content: an earlier attempt of this batch was accepted.
    if (response.error?.name === "invalid_idempotent_request") return { kind: "sent", providerIds: [], limitPerSecond };
    if (response.error)
      return {
        ...classify(response.error.statusCode, `${response.error.name}: ${response.error.message}`, headers["retry-after"]),
        limitPerSecond,
      };
    return { kind: "sent", providerIds: (response.data?.data ?? []).map((d) => d.id), limitPerSecond };
  } catch (error) {
    return { kind: "retry", status: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Without a provider: the emails go to the outbox, in the caller's transaction. */
export async function writeToOutbox(tx: Tx, emails: Email[]): Promise<string[]> {
  const ids: string[] = [];
  for (const email of emails) {
    const id = newId();
    ids.push(id);
    await tx.outboxEmail.create({
      data: {
        id,
        deliveryId: email.deliveryId,
        from: email.from,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers: email.headers,
      },
    });
  }
  return ids;
}
