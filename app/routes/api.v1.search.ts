import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { SearchParamsSchema } from "~/modules/search/query.ts";
import { search } from "~/modules/search/search.server.ts";
import { parseQuery } from "~/utils/http.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  const { q, ...options } = parseQuery(request, SearchParamsSchema);
  return Response.json(await search(q, options));
}
