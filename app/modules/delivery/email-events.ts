// The email provider's events (Resend's webhook payloads) that change a delivery or a
// subscriber, and what each one means here. Pure: no I/O.
import { z } from "zod";

/** Every event: `{type, created_at, data}`; only the types handled here are read further. */
export const EmailEventEnvelopeSchema = z.object({
  type: z.string().min(1).max(100),
  created_at: z.string().max(100).optional(),
  data: z.record(z.string(), z.unknown()),
});

const EmailData = z.object({
  /** the id Resend answered the send with, stored as Delivery.providerId */
  email_id: z.string().min(1).max(200),
  to: z.array(z.string().max(320)).max(50).optional(),
});

export const BouncedDataSchema = EmailData.extend({
  bounce: z.object({
    /** Permanent, Transient or Undetermined */
    type: z.string().max(100),
    subType: z.string().max(100).optional(),
    message: z.string().max(5000),
  }),
});

export type EmailEvent =
  | { kind: "bounced"; providerId: string; at: Date; hard: boolean; reason: string }
  | { kind: "complained"; providerId: string; at: Date }
  | { kind: "ignored"; type: string };

export type EmailEventParse = { ok: true; event: EmailEvent } | { ok: false; fields: Record<string, string> };

function fieldsOf(error: z.ZodError, prefix: string[] = []): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[[...prefix, ...issue.path].join(".") || "_"] ??= issue.message;
  return fields;
}

/** When the event happened: its own time, or now when it has none that reads as a time. */
function eventTime(createdAt: string | undefined, now: Date): Date {
  const at = createdAt ? Date.parse(createdAt) : NaN;
  return Number.isNaN(at) || at > now.getTime() ? now : new Date(at);
}

/** What a bounce says, for comms: "Permanent bounce (Suppressed): <the mail server's words>". */
export function bounceReason(bounce: z.infer<typeof BouncedDataSchema>["bounce"]): string {
  const kind = bounce.subType && bounce.subType !== bounce.type ? `${bounce.type} bounce (${bounce.subType})` : `${bounce.type} bounce`;
  return `${kind}: ${bounce.message.replace(/\s+/g, " ").trim() || "no reason given"}`.slice(0, 1000);
}

/** Reads a parsed JSON body; other event types are ignored, not refused. */
export function readEmailEvent(body: unknown, now = new Date()): EmailEventParse {
  const envelope = EmailEventEnvelopeSchema.safeParse(body);
  if (!envelope.success) return { ok: false, fields: fieldsOf(envelope.error) };
  const { type, created_at: createdAt, data } = envelope.data;
  if (type === "email.bounced") {
    const parsed = BouncedDataSchema.safeParse(data);
    if (!parsed.success) return { ok: false, fields: fieldsOf(parsed.error, ["data"]) };
    const { email_id: providerId, bounce } = parsed.data;
    // Only a permanent bounce says the address itself is gone; a transient one lost this notice only.
    return {
      ok: true,
      event: {
        kind: "bounced",
        providerId,
        at: eventTime(createdAt, now),
        hard: bounce.type.toLowerCase() === "permanent",
        reason: bounceReason(bounce),
      },
    };
  }
  if (type === "email.complained") {
    const parsed = EmailData.safeParse(data);
    if (!parsed.success) return { ok: false, fields: fieldsOf(parsed.error, ["data"]) };
    return { ok: true, event: { kind: "complained", providerId: parsed.data.email_id, at: eventTime(createdAt, now) } };
  }
  return { ok: true, event: { kind: "ignored", type } };
}
