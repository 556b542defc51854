// What the incident layout route (routes/incidents.$id.tsx) loaded, for its tabs.
import { useRouteLoaderData } from "@remix-run/react";
import type { IncidentView } from "~/modules/incidents/view.ts";
import type { loader } from "~/routes/incidents.$id.tsx";

const LAYOUT_ROUTE_ID = "routes/incidents.$id";

/** The layout's loader data, in one of its tabs (the room's controls read what it offers). */
export function useIncidentLayoutData() {
  const data = useRouteLoaderData<typeof loader>(LAYOUT_ROUTE_ID);
  if (!data) throw new Error("useIncidentLayoutData: rendered outside the incident layout");
  return data;
}

/** The incident the layout loaded, from a meta function's `matches` (undefined when it failed). */
export function incidentOf(matches: readonly { id: string; data?: unknown }[]): Pick<IncidentView, "id" | "ref" | "title"> | undefined {
  const data = matches.find((m) => m.id === LAYOUT_ROUTE_ID)?.data as { incident?: IncidentView } | undefined;
  return data?.incident;
}
