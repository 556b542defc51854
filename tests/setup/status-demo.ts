// The public page as a new team meets it on a bad day: the demo data, plus an incident declared
// and published through the API (a partial outage of the API's Messages component). Shared by the
// Lighthouse bench and the tests that hold the page to its weight budget.

type Json = Record<string, unknown>;

async function call(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<Json> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: "application/json",
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Json;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

export type OpenIncident = { incidentId: string; componentId: string; groupId: string };

/** Declares a SEV2 on the demo's "Messages" component and publishes its first update; returns the public incident. */
export async function publishOpenIncident(baseUrl: string, token: string): Promise<OpenIncident> {
  const { components } = (await call(baseUrl, token, "GET", "/api/v1/components")) as {
    components: { id: string; name: string; groupId?: string | null }[];
  };
  const messages = components.find((c) => c.name === "Messages" && c.groupId);
  if (!messages) throw new Error("the demo data has no Messages component in a group");
  const { incident } = (await call(baseUrl, token, "POST", "/api/v1/incidents", {
    title: "Elevated error rates on the Messages API",
    severity: "SEV2",
    components: [{ id: messages.id, impact: "partial_outage" }],
  })) as { incident: { id: string } };
  await call(baseUrl, token, "POST", `/api/v1/incidents/${incident.id}/updates`, {
    status: "investigating",
    body: "Some requests to the Messages API fail with errors 500 and 503. We are investigating and will post an update within 30 minutes.",
    components: [{ id: messages.id, status: "partial_outage" }],
    nextUpdateInMinutes: 30,
    publish: true,
  });
  return { incidentId: incident.id, componentId: messages.id, groupId: messages.groupId! };
}
