// The arithmetic insights.test.ts works its expected figures out with (median, mean, 90th percentile and the
// summary of a list of minutes), the plan of an incident's milestones, and the incident built from a plan
// through the API.
import { expect } from "vitest";
import type { TestApp } from "../setup/app-server.ts";

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => {
  const s = sorted(values);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const p90 = (values: number[]) => sorted(values)[Math.ceil(0.9 * values.length) - 1];
export const summary = (minutes: number[]) => {
  const seconds = minutes.map((m) => m * 60);
  return { count: seconds.length, median: median(seconds), mean: mean(seconds), p90: p90(seconds) };
};

export type Incident = { id: string; ref: string };
/** minutes after the start; null: never reached */
export type Plan = {
  severity: string;
  start: Date;
  detect: number;
  ack: number | null;
  mitigate: number | null;
  resolve: number | null;
  components?: { id: string; impact: string }[];
};

/** An incident declared and patched through the API with the plan's milestones (minutes after its start). */
export async function buildIncident(app: TestApp, plan: Plan): Promise<Incident> {
  const at = (m: number | null) => (m === null ? null : new Date(plan.start.getTime() + m * MINUTE).toISOString());
  const declared = await app.api.post("/api/v1/incidents", {
    title: `Insights check ${plan.severity}`,
    severity: plan.severity,
    startedAt: plan.start.toISOString(),
    detectedAt: at(plan.detect),
    components: plan.components ?? [],
  });
  expect(declared.status, JSON.stringify(declared.body)).toBe(201);
  const { id, ref } = declared.body.incident;
  const patch: Record<string, unknown> = { acknowledgedAt: at(plan.ack) };
  if (plan.mitigate !== null) patch.mitigatedAt = at(plan.mitigate);
  if (plan.resolve !== null) Object.assign(patch, { status: "resolved", resolvedAt: at(plan.resolve) });
  const patched = await app.api.patch(`/api/v1/incidents/${id}`, patch);
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  return { id, ref };
}
