// What a reader's Slack incoming-webhook URL must be (decision 0048): under SLACK_HOOKS_BASE_URL
// as written and as WHATWG reads it, with no user info. Pure, so the form and the sender agree.
import { z } from "zod";

/** Whether a URL is one of Slack's incoming webhooks as configured (read as WHATWG reads it). */
export function isSlackHookUrl(text: string, base: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  const prefix = base.endsWith("/") ? base : `${base}/`;
  return text.startsWith(prefix) && url.href.startsWith(prefix) && !url.username && !url.password && url.href.length > prefix.length;
}

export function slackHookSchemaFor(base: string) {
  return z
    .object({
      url: z
        .string({ message: "must be a Slack incoming-webhook URL" })
        .trim()
        .min(1, "must not be empty")
        .max(500, "must be at most 500 characters")
        .refine((v) => isSlackHookUrl(v, base), `must be a Slack incoming-webhook URL starting with ${base}`),
    })
    .strict();
}
