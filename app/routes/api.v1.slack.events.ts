// Slack's Events API (docs/slack.md): the URL check Slack makes when the Request URL is saved
// (`url_verification`, answered with its challenge), and event callbacks, acknowledged at once
// (what they will carry, reactions and pins for the timeline, is a later step of issue 16).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { readSignedSlackRequest, slackEndpointForGet } from "~/modules/slack/requests.server.ts";
import { apiError, fieldErrors } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

const EnvelopeSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("url_verification"), challenge: z.string().min(1).max(200) }),
  z.object({ type: z.literal("event_callback"), event_id: z.string().max(100).optional(), event: z.object({ type: z.string().max(100) }).passthrough() }),
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
  return Response.json({ ok: true });
});
