// The payloads alert-intake.test.ts sends (Alertmanager's documented one, and groups built on it), the two
// endpoints, and the checks of the answers: an incident opened, or entries added to one.
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { ApiResponse } from "../setup/app-server.ts";

/** Byte for byte as documented (tests/fixtures/README.md says where from). */
export const DOCUMENTED = readFileSync(new URL("../fixtures/alertmanager-v4-payload.json", import.meta.url), "utf8");
export const documented = () => JSON.parse(DOCUMENTED);
export const ALERTMANAGER = "/api/v1/alerts/alertmanager";
export const GENERIC = "/api/v1/alerts/generic";
export const GENERATOR_URL = "http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0\\u0026g0.tab=1";

/** Another group in the documented shape, its alerts built on the documented one. */
export function groupOf(name: string, alerts: Record<string, unknown>[]) {
  const payload = documented();
  const [template] = payload.alerts;
  return {
    ...payload,
    groupKey: `{}:{alertname="${name}"}`,
    groupLabels: { alertname: name },
    commonLabels: { alertname: name },
    commonAnnotations: { summary: `${name} is firing` },
    alerts: alerts.map((alert) => ({ ...template, labels: { alertname: name }, annotations: {}, ...alert })),
  };
}

export const expectCreated = (response: ApiResponse, entriesAdded: number) => {
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  expect(response.body).toEqual({
    incident: { id: expect.any(String), ref: expect.stringMatching(/^INC-\d+$/) },
    created: true,
    entriesAdded,
  });
  return response.body.incident.id as string;
};

export const expectAdded = (response: ApiResponse, incidentId: string | null, entriesAdded: number) => {
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(response.body).toMatchObject({ created: false, entriesAdded });
  expect(response.body.incident?.id ?? null).toBe(incidentId);
};
