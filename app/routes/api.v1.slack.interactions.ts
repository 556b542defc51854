// Slack's interactivity endpoint (buttons, shortcuts, modals; docs/slack.md): signed like the
// others, its form field `payload` is JSON; what it does is in modules/slack/interactions.server.ts.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { handleInteraction } from "~/modules/slack/interactions.server.ts";
import { readSignedSlackRequest, slackEndpointForGet } from "~/modules/slack/requests.server.ts";
import { apiError, fieldErrors } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

const PayloadSchema = z.object({ type: z.string().min(1).max(100) }).passthrough();

export const loader = apiLoader(function loader({ request }: LoaderFunctionArgs) {
  slackEndpointForGet(request);
  return null;
});

export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  const body = await readSignedSlackRequest(request);
  const raw = new URLSearchParams(body).get("payload");
  let json: unknown;
  try {
    json = raw === null ? null : JSON.parse(raw);
  } catch {
    return apiError("bad_request", "The payload field is not valid JSON.", { payload: "must be JSON" });
  }
  if (json === null) return apiError("invalid", "The interaction has no payload.", { payload: "is required" });
  const parsed = PayloadSchema.safeParse(json);
  if (!parsed.success) return apiError("invalid", "The interaction is not one Slack sends.", fieldErrors(parsed.error));
  const handled = await handleInteraction(parsed.data);
  if (!handled.ok) return apiError("invalid", "The interaction is not one Slack sends.", fieldErrors(handled.error));
  return handled.body ? Response.json(handled.body) : new Response(null, { status: 200 });
});
