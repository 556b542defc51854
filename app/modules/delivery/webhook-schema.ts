// What a webhook endpoint is made of, shared by the admin page and the API.
import { z } from "zod";

export const WEBHOOK_EVENTS = ["incident", "component"] as const;

export const NewWebhookSchema = z
  .object({
    url: z
      .string()
      .trim()
      .max(2000)
      .pipe(z.url({ protocol: /^https?$/, message: "must be an http(s) URL" })),
    secret: z.string().min(16, "must be at least 16 characters").max(200),
    events: z
      .array(z.enum(WEBHOOK_EVENTS, { message: `must be one of ${WEBHOOK_EVENTS.join(", ")}` }))
      .min(1, "name at least one event")
      .max(2),
  })
  .strict();
export type NewWebhook = z.output<typeof NewWebhookSchema>;
