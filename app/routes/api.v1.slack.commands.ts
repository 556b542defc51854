// Slack's slash command `/incident` (docs/slack.md). Signed by Slack, answered within its 3 s:
// the answer is the command's reply (ephemeral unless the whole channel should see it); Slack
// calls made because of it go through the outbox, after the answer.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { runSlashCommand, SlashCommandSchema } from "~/modules/slack/commands.server.ts";
import { readSignedSlackRequest, slackEndpointForGet } from "~/modules/slack/requests.server.ts";
import { apiError, fieldErrors } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(function loader({ request }: LoaderFunctionArgs) {
  slackEndpointForGet(request);
  return null;
});

export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  const body = await readSignedSlackRequest(request);
  const parsed = SlashCommandSchema.safeParse(Object.fromEntries(new URLSearchParams(body)));
  if (!parsed.success) return apiError("invalid", "The command is not one Slack sends.", fieldErrors(parsed.error));
  const reply = await runSlashCommand(parsed.data);
  // A modal opened: Slack wants an empty answer, or the person sees a stray message.
  if (!reply.text) return new Response(null, { status: 200 });
  // Only the person who typed the command sees an ephemeral answer.
  return Response.json({ response_type: reply.visibleToChannel ? "in_channel" : "ephemeral", text: reply.text });
});
