// Input shapes for subscribing: an address we can safely put in a To header, and components.
import { z } from "zod";
import { isStorable } from "~/utils/instants.ts";

/** One address, lowercased; no display names, no line breaks, nothing a header could be injected with. */
export const EmailSchema = z
  .string({ message: "must be an email address" })
  .trim()
  .toLowerCase()
  .max(254, "must be at most 254 characters")
  .refine((v) => !/[\r\n,;<>"\s]/.test(v), "must be a single plain address")
  .pipe(z.email("must be an email address"));

const Id = z.string().trim().min(1).max(64);

export const SubscribeSchema = z
  .object({
    email: EmailSchema,
    /** none: every component */
    components: z.array(Id).max(200).default([]),
  })
  .strict();
export type SubscribeInput = z.output<typeof SubscribeSchema>;

export const ApiSubscriberSchema = SubscribeSchema.extend({
  /** already confirmed elsewhere (an import): no confirmation email */
  confirmedAt: z.coerce
    .date({ message: "must be an ISO-8601 time" })
    .refine(isStorable, "must be between 1970 and 9999")
    .refine((d) => d.getTime() <= Date.now() + 5 * 60_000, "must not be in the future")
    .optional(),
}).strict();
export type ApiSubscriberInput = z.output<typeof ApiSubscriberSchema>;

export const PreferencesSchema = z.object({ components: z.array(Id).max(200).default([]) }).strict();
