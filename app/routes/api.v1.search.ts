import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { SearchParamsSchema } from "~/modules/search/query.ts";
import { search } from "~/modules/search/search.server.ts";
import { parseQuery, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  const { q, ...options } = parseQuery(request, SearchParamsSchema);
  return Response.json(await search(q, options));
});

/** Only GET (and HEAD) is served here: any other method is 405 with Allow, in the API's error shape. */
export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET"]);
});
