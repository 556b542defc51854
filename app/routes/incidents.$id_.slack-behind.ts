// GET /incidents/:id/slack-behind: whether the incident's Slack channel is behind, for the room's
// notice to follow without a reload (it asks every few seconds while the room is open).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { requireIncidentId } from "~/modules/incidents/queries.server.ts";
import { slackChannelBehind } from "~/modules/slack/behind.server.ts";
import { apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  const behind = await slackChannelBehind(await requireIncidentId(params.id!));
  return Response.json({ behind }, { headers: { "Cache-Control": "no-store" } });
});
