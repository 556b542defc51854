// How many subscribers the update being drafted would reach, for the comms tab's composer.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { incidentAudience } from "~/modules/delivery/audience.server.ts";
import { requireIncidentId } from "~/modules/incidents/queries.server.ts";
import { fail } from "~/utils/http.server.ts";
import { apiLoader } from "~/utils/api-boundary.server.ts";

const ComponentIds = z.array(z.string().min(1).max(64)).max(500);

export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  const id = await requireIncidentId(params.id!);
  const parsed = ComponentIds.safeParse(new URL(request.url).searchParams.getAll("component"));
  if (!parsed.success) fail("bad_request", "component must be up to 500 component ids.");
  return Response.json({ audience: await incidentAudience(id, parsed.data) });
});
