// A realistic page on top of the demo data, made through the API as an admin would: two
// incidents with a few published updates each (one resolved), one upcoming and one active
// maintenance. Returns the open incident, on which the publish-latency loop posts.
import { expect, request } from "./http.ts";

type ComponentJson = { id: string; name: string; group: boolean };

export type Seeded = {
  openIncidentId: string;
  componentId: string;
  components: number;
  incidents: number;
  maintenances: number;
};

const minutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

export async function seedPage(port: number): Promise<Seeded> {
  const components = (await request(port, "GET", "/api/v2/components.json")).json.components as ComponentJson[];
  const leaves = components.filter((c) => !c.group);
  if (leaves.length < 4) throw new Error(`the demo page has only ${leaves.length} components`);
  const [api, web, email, search] = leaves;

  const declare = async (title: string, severity: string, componentIds: string[]) =>
    (
      await expect(201, port, "POST", "/api/v1/incidents", {
        title,
        severity,
        components: componentIds.map((id) => ({
          id,
          impact: "partial_outage",
        })),
      })
    ).incident.id as string;
  const publish = (incidentId: string, update: Record<string, unknown>) =>
    expect(201, port, "POST", `/api/v1/incidents/${incidentId}/updates`, {
      ...update,
      publish: true,
    });

  const slowApi = await declare("Elevated API error rates", "SEV2", [api.id, web.id]);
  await publish(slowApi, {
    status: "investigating",
    body: "We are investigating elevated error rates on the API and the dashboard.",
    components: [
      { id: api.id, status: "partial_outage" },
      { id: web.id, status: "degraded_performance" },
    ],
    nextUpdateInMinutes: 30,
  });
  await publish(slowApi, {
    status: "identified",
    body: "A faulty deploy of the API gateway was identified; we are rolling it back.",
    components: [{ id: api.id, status: "partial_outage" }],
    nextUpdateInMinutes: 30,
  });
  await publish(slowApi, {
    status: "monitoring",
    body: "The rollback is complete and error rates are back to normal. We are monitoring.",
    components: [
      { id: api.id, status: "degraded_performance" },
      { id: web.id, status: "operational" },
    ],
    nextUpdateInMinutes: 60,
  });

  const emailDelay = await declare("Delayed email notifications", "SEV3", [email.id]);
  await publish(emailDelay, {
    status: "investigating",
    body: "Some email notifications are delayed by up to 20 minutes.",
    components: [{ id: email.id, status: "degraded_performance" }],
    nextUpdateInMinutes: 30,
  });
  await publish(emailDelay, {
    status: "resolved",
    body: "The email queue has drained and notifications are delivered on time again.",
    components: [{ id: email.id, status: "operational" }],
  });

  await expect(201, port, "POST", "/api/v1/maintenances", {
    title: "Database upgrade",
    scheduledFor: minutes(2 * 24 * 60),
    scheduledUntil: minutes(2 * 24 * 60 + 120),
    components: [api.id, search.id],
    body: "We will upgrade the primary database. The API may be read-only for a few minutes.",
  });
  const active = (
    await expect(201, port, "POST", "/api/v1/maintenances", {
      title: "Search index rebuild",
      scheduledFor: minutes(-10),
      scheduledUntil: minutes(50),
      components: [search.id],
      body: "Search results may be incomplete while the index is rebuilt.",
    })
  ).maintenance.id as string;
  // The scheduler may have started it already; either way it ends in progress.
  const started = await request(port, "POST", `/api/v1/maintenances/${active}`, {
    body: { status: "in_progress", body: "The index rebuild has started." },
  });
  if (started.status !== 200 && started.status !== 201 && started.status !== 409)
    throw new Error(`starting the maintenance: ${started.status} ${started.body.toString("utf8").slice(0, 300)}`);

  const summary = (await request(port, "GET", "/api/v2/summary.json")).json;
  return {
    openIncidentId: slowApi,
    componentId: api.id,
    components: summary.components.length,
    incidents: (await request(port, "GET", "/api/v2/incidents.json")).json.incidents.length,
    maintenances: (await request(port, "GET", "/api/v2/scheduled-maintenances.json")).json.scheduled_maintenances.length,
  };
}
