import type { LoaderFunctionArgs, ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { approveUpdate } from "~/modules/updates/drafts.server.ts";
import { allowMethods, parseJson } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

/** `{"publish": true}`: approve and publish in one step, for an approver who may publish (decision 0041). */
const ApproveSchema = z.object({ publish: z.boolean({ message: "must be true or false" }).optional() }).strict();

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  allowMethods(request, ["POST"]);
});

export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["POST"]);
  const actor = await requireActor(request, "update:approve");
  const { publish } = await parseJson(request, ApproveSchema);
  return Response.json({ update: await approveUpdate(actor, params.id!, {}, { publish }) });
});
