// Slack's Events API (docs/slack.md): the URL check Slack makes when the Request URL is saved
// (`url_verification`, answered with its challenge), and event callbacks: a 📌 reaction or a pin
// captures the message into the timeline (modules/slack/events.server.ts), answered at once, the
// slow part (asking Slack for the message) left to the outbox.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { handleSlackEvent } from "~/modules/slack/events.server.ts";
import { readSignedSlackRequest, slackEndpointForGet } from "~/modules/slack/requests.server.ts";
import { apiError, fieldErrors } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

const EnvelopeSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("url_verification"), challenge: z.string().min(1).max(200) }),
  z
    .object({
      type: z.literal("event_callback"),
      event_id: z.string().max(100).optional(),
      event: z.object({ type: z.string().max(100) }).passthrough(),
    })
    .passthrough(),
  z.object({ type: z.literal("app_rate_limited") }),
]);

export const loader = apiLoader(function loader({ request }: LoaderFunctionArgs) {
  slackEndpointForGet(request);
  return null;
});

export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  const body = await readSignedSlackRequest(request);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return apiError("bad_request", "The event is not valid JSON.");
  }
  const parsed = EnvelopeSchema.safeParse(json);
  if (!parsed.success) return apiError("invalid", "The event is not one this app handles.", fieldErrors(parsed.error));
  if (parsed.data.type === "url_verification") return Response.json({ challenge: parsed.data.challenge });
  if (parsed.data.type === "app_rate_limited") return Response.json({ ok: true });
  const handled = await handleSlackEvent(parsed.data.event);
  if (!handled.ok) return apiError("invalid", "The event is not one Slack sends.", fieldErrors(handled.error));
  return Response.json({ ok: true });
});
