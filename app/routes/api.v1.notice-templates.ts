import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { listNoticeTemplates } from "~/modules/notices/saved-notices.server.ts";
import { allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

/** Every email notice: its subject, text and HTML as sent now, and whether each is the shipped default. */
export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "settings:write");
  return Response.json({ templates: await listNoticeTemplates() });
});

/** Only GET (and HEAD) is served here: any other method is 405 with Allow, in the API's error shape. */
export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET"]);
});
