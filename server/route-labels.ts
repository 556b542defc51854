// Names a request by the route that answers it, never by its URL: a Remix route id such as
// "routes/api.v1.incidents.$id.events" (matched with Remix's own matcher over the build's
// route table), or one of a few fixed names. Metrics labels and log lines use it, so their
// number of distinct values stays that of the route table, and no id or token in a path
// (a subscriber's management link carries one) reaches a label or a log line.
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import type { ServerBuild } from "@remix-run/node";

export const ROUTE_LABELS = {
  publicSnapshot: "public-snapshot",
  assets: "assets",
  metrics: "metrics",
  unmatched: "unmatched",
} as const;

type Manifest = ServerBuild["routes"];

/** app/routes/$.tsx: answers every path no other route has, with a 404. */
const NOT_FOUND_ROUTE = "routes/$";

function routeTree(manifest: Manifest, parentId?: string): AgnosticRouteObject[] {
  return Object.values(manifest)
    .filter((route) => route && route.parentId === parentId)
    .map((route) => ({
      id: route!.id,
      path: route!.path,
      index: route!.index,
      caseSensitive: route!.caseSensitive,
      children: route!.index ? undefined : routeTree(manifest, route!.id),
    })) as AgnosticRouteObject[];
}

/** Returns the route label of a path (the path without its query). */
export function routeLabeller(manifest: Manifest): (path: string) => string {
  const tree = routeTree(manifest);
  return (path) => {
    if (path.startsWith("/assets/")) return ROUTE_LABELS.assets;
    if (path === "/metrics") return ROUTE_LABELS.metrics;
    const matches = matchRoutes(tree, path);
    const leaf = matches?.[matches.length - 1]?.route.id;
    // Only the root or the catch-all 404 route (routes/$) matched: no page of the app has this path.
    return leaf && leaf !== "root" && leaf !== NOT_FOUND_ROUTE ? leaf : ROUTE_LABELS.unmatched;
  };
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export function methodLabel(method: string | undefined): string {
  return method && METHODS.has(method) ? method : "other";
}

export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : "other";
}
