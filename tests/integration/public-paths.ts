// Everything the public can read without signing in, from the snapshot (decision 0008): the pages,
// the widget, the eight Statuspage v2 bodies and the two feeds, plus the page of each incident.
// Tests read them all at once and look for what must never be there.

export const V2_PATHS = [
  "/api/v2/summary.json",
  "/api/v2/status.json",
  "/api/v2/components.json",
  "/api/v2/incidents.json",
  "/api/v2/incidents/unresolved.json",
  "/api/v2/scheduled-maintenances.json",
  "/api/v2/scheduled-maintenances/upcoming.json",
  "/api/v2/scheduled-maintenances/active.json",
] as const;

export const PUBLIC_PATHS = ["/status", "/status/history", "/status/uptime", "/status/embed", ...V2_PATHS, "/history.atom", "/history.rss"];

export type PublicRead = { status: number; text: string };

/** Every public path (and the given incident pages) as the public gets it now. */
export async function readPublic(baseUrl: string, incidentIds: string[] = []): Promise<Map<string, PublicRead>> {
  const paths = [...PUBLIC_PATHS, ...incidentIds.map((id) => `/status/incidents/${id}`)];
  const reads = await Promise.all(
    paths.map(async (path) => {
      const response = await fetch(baseUrl + path);
      return [path, { status: response.status, text: await response.text() }] as const;
    }),
  );
  return new Map(reads);
}

/** Which of `secrets` appear where: "path: secret" for each. */
export function leaks(reads: Map<string, PublicRead>, secrets: string[]): string[] {
  return [...reads].flatMap(([path, { text }]) => secrets.filter((s) => text.includes(s)).map((s) => `${path}: ${s}`));
}

export const json = <T = any>(reads: Map<string, PublicRead>, path: (typeof V2_PATHS)[number]): T => JSON.parse(reads.get(path)!.text) as T;

/** A component's figure in the table of /status/uptime ("100.00%"), by its name. */
export function uptimeOf(uptimePage: string, name: string): string | undefined {
  // a row per component: its name, its uptime, then the days with downtime, maintenance or an incident
  const cells = [...uptimePage.matchAll(/<tr[^>]*><td[^>]*>([^<]*)<\/td><td[^>]*>([^<]*)<\/td>/g)];
  return cells.find((c) => c[1] === name)?.[2];
}
