import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { ApiSubscriberSchema } from "~/modules/subscribers/schemas.ts";
import { listSubscribers, subscribe } from "~/modules/subscribers/subscribers.server.ts";
import { parseJson, parseQuery, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

const QuerySchema = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  search: z.string().max(254).optional(),
});

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "subscriber:write");
  return Response.json(await listSubscribers(parseQuery(request, QuerySchema)));
});

/** An address already there answers 200 with its subscription, the components merged. */
export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "POST"]);
  const actor = await requireActor(request, "subscriber:write");
  const input = await parseJson(request, ApiSubscriberSchema);
  const { subscriber, created } = await subscribe(actor, input, input.confirmedAt ? "import" : "api");
  return Response.json({ subscriber }, { status: created ? 201 : 200 });
});
