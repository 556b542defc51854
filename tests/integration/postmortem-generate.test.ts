// Generating a post-mortem through the API, as a responder does it after an incident: one
// action gives every section, filled from the incident; the rules hold for every role.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import { configuredPageUrl } from "./postmortem-fixtures.ts";

const SECTION_TITLES = [
  "Summary",
  "Impact",
  "Timeline",
  "Root cause and trigger",
  "Detection",
  "Response and resolution",
  "Contributing factors",
  "Lessons learned",
  "Customer communication",
];

/** "3m 00s", "4h 22m", as the app writes durations. */
function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, "0")}m` : `${m}m ${String(Math.floor(ms / 1000) % 60).padStart(2, "0")}s`;
}

describe.each(databases())("generating a post-mortem on %s", (database) => {
  let app: TestApp;
  const as: Record<string, Api> = {};

  beforeAll(async () => {
    app = await startApp({ database });
    for (const role of ["viewer", "comms", "responder"]) {
      const made = await app.api.post("/api/v1/tokens", { name: `${role} for post-mortems`, role });
      as[role] = api(app.baseUrl, made.body.token);
    }
  });
  afterAll(() => app?.stop());

  // The demo outage (INC-3) has its finished post-mortem; the SEV2 in Asia Pacific (INC-2) has none yet.
  it("turns a resolved demo incident into a first draft with every section and the right numbers", async () => {
    const incident = (await app.api.get("/api/v1/incidents/INC-2")).body.incident;
    const created = await as.responder.post("/api/v1/incidents/INC-2/postmortem");
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const pm = created.body.postmortem;
    expect(pm.state).toBe("draft");
    expect(pm.title).toBe(`INC-2: ${incident.title}`);
    expect(pm.sections.map((s: { title: string }) => s.title)).toEqual(SECTION_TITLES);

    const markdown = (key: string) => pm.sections.find((s: { key: string }) => s.key === key).markdown as string;
    const at = (field: string) => Date.parse(incident[field]);
    expect(markdown("detection")).toContain(`**Time to detect:** ${duration(at("detectedAt") - at("startedAt"))}`);
    expect(markdown("detection")).toContain(`**Time to acknowledge:** ${duration(at("acknowledgedAt") - at("detectedAt"))}`);
    expect(markdown("response")).toContain(`**Time to mitigate:** ${duration(at("mitigatedAt") - at("startedAt"))}`);
    expect(markdown("response")).toContain(`**Time to resolve:** ${duration(at("resolvedAt") - at("startedAt"))}`);
    // links back to the incident are absolute in Markdown, on the configured page URL
    expect(markdown("timeline")).toContain(`(${await configuredPageUrl(app)}/incidents/INC-2#field-startedAt)`);
    expect(markdown("root_cause")).toMatch(/### Hypotheses recorded during the incident/);
    expect(markdown("contributing_factors")).toBe("");
    // the first draft is not ready for review: what only a person can write is missing
    const errors = pm.lint
      .filter((p: { severity: string }) => p.severity === "error")
      .map((p: { rule: string; section: string }) => `${p.rule}:${p.section}`);
    expect(errors).toEqual(expect.arrayContaining(["summary-empty:summary", "root-cause-empty:root_cause"]));
    expect(pm.lint.every((p: { message: string }) => p.message.length > 10)).toBe(true);

    const audit = await app.db.rows(`SELECT "action" FROM "AuditEvent" WHERE "entityType" = 'Postmortem' AND "entityId" = ?`, pm.id);
    expect(audit.map((r) => r.action)).toEqual(["postmortem.generated"]);

    // everyone signed in can read it, by its id or through the incident
    const read = await as.viewer.get(`/api/v1/postmortems/${pm.id}`);
    expect(read.status).toBe(200);
    expect(read.body.postmortem.sections).toHaveLength(SECTION_TITLES.length);
    expect((await as.viewer.get("/api/v1/incidents/INC-2/postmortem")).body.postmortem.id).toBe(pm.id);

    // a second one is refused, and says where the first one is
    const again = await app.api.post("/api/v1/incidents/INC-2/postmortem");
    expect(again.status).toBe(409);
    expect(again.body.error.fields.postmortemId).toBe(pm.id);
    expect(await app.db.count("Postmortem", `"incidentId" = ?`, incident.id)).toBe(1);
    // so is one for the demo outage, whose post-mortem is written and published
    const outage = await app.api.post("/api/v1/incidents/INC-3/postmortem");
    expect(outage.status).toBe(409);
    expect(outage.body.error.fields.postmortemId).toBe((await as.viewer.get("/api/v1/incidents/INC-3/postmortem")).body.postmortem.id);
  });

  it("refuses an incident that is still open, an unknown one, and roles that may not write post-mortems", async () => {
    const open = await app.api.post("/api/v1/incidents/INC-5/postmortem");
    expect(open.status).toBe(409);
    expect(open.body.error.message).toMatch(/Resolve the incident/);
    expect((await app.api.post("/api/v1/incidents/INC-999/postmortem")).status).toBe(404);
    expect((await as.viewer.post("/api/v1/incidents/INC-2/postmortem")).status).toBe(403);
    expect((await as.comms.post("/api/v1/incidents/INC-2/postmortem")).status).toBe(403);
    expect((await api(app.baseUrl, null).post("/api/v1/incidents/INC-2/postmortem")).status).toBe(401);
    expect((await as.viewer.get("/api/v1/postmortems/no-such-postmortem")).status).toBe(404);
    // the demo outage's and INC-2's, generated above: nothing more
    expect(await app.db.count("Postmortem")).toBe(2);
  });

  it("answers two simultaneous generations with one post-mortem and one 409", async () => {
    const results = await Promise.all([
      as.responder.post("/api/v1/incidents/INC-1/postmortem"),
      app.api.post("/api/v1/incidents/INC-1/postmortem"),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const incidentId = (await app.api.get("/api/v1/incidents/INC-1")).body.incident.id;
    expect(await app.db.count("Postmortem", `"incidentId" = ?`, incidentId)).toBe(1);
    expect(await app.db.count("PostmortemSection", `"postmortemId" = ?`, results.find((r) => r.status === 201)!.body.postmortem.id)).toBe(
      SECTION_TITLES.length,
    );
  });
});
