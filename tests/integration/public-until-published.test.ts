// "Nothing internal is public until published" (decision 0007), on an incident that is already public:
// its draft, the update awaiting approval, the approved one not yet published and a discarded one never
// reach /status, its incident page, the history, the uptime page, the widget, the v2 JSON, the feeds,
// the subscribers' emails or the webhooks, nor move a component; neither does an incident never
// published, a root-cause report awaiting approval, nor what only the room knows (the internal title,
// summary, timeline, people and component impact). Checked after every kind of rebuild of the public
// snapshot: a publish, a catalog change, a maintenance step (by a person and by the clock), the hourly
// rebuild, and a restart on the same database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases } from "../setup/app-server.ts";
import { json, leaks, readPublic, uptimeOf } from "./public-paths.ts";
import { publicScene } from "./public-until-published.scene.ts";

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The maintenance clock's tick (5 s), and room for a rebuild on a busy machine. */
const TICK_AND_SLACK_MS = 5_000 + 10_000;

async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms (last: ${JSON.stringify(value).slice(0, 300)})`);
    await delay(200);
  }
}

describe.each(databases())("nothing internal is public until published, on %s", (kind) => {
  const scene = publicScene(kind);
  const { stamp, PUBLIC_NAME, PUBLIC_BODY, reader, component, drafts, expected, secrets, created, publish } = scene;

  /** The whole public side, now: nothing internal anywhere, and what was published where it belongs. */
  async function expectNothingInternal(when: string): Promise<void> {
    const reads = await readPublic(scene.app.baseUrl, [scene.incident, scene.resolvedWithReport]);
    for (const [path, read] of reads) expect(read.status, `${path} ${when}`).toBe(200);
    expect(leaks(reads, secrets()), when).toEqual([]);
    expect((await fetch(`${scene.app.baseUrl}/status/incidents/${scene.neverPublished}`)).status, when).toBe(404);

    // The published words are there: the check above read real pages.
    const latest = PUBLIC_BODY[expected.updates.length - 1];
    for (const path of ["/status", `/status/incidents/${scene.incident}`, "/api/v2/incidents.json", "/history.atom", "/history.rss"]) {
      expect(reads.get(path)!.text, `${path} ${when}`).toContain(latest);
    }
    for (const path of ["/status/history", "/status/embed", "/api/v2/summary.json"])
      expect(reads.get(path)!.text, `${path} ${when}`).toContain(PUBLIC_NAME);

    const incidents = json<{
      incidents: {
        id: string;
        name: string;
        status: string;
        impact: string;
        incident_updates: { id: string }[];
        components: { id: string }[];
      }[];
    }>(reads, "/api/v2/incidents.json").incidents;
    expect(
      incidents.map((i) => i.id),
      when,
    ).not.toContain(scene.neverPublished);
    const shown = incidents.find((i) => i.id === scene.incident)!;
    expect({ name: shown.name, status: shown.status, impact: shown.impact }, when).toEqual({
      name: PUBLIC_NAME,
      status: expected.status,
      impact: expected.impact,
    });
    expect(
      shown.incident_updates.map((u) => u.id),
      when,
    ).toEqual(expected.updates);
    expect(
      shown.components.map((c) => c.id),
      when,
    ).toEqual([component.published.id]);
    const report = incidents.find((i) => i.id === scene.resolvedWithReport)!;
    expect({ status: report.status, updates: report.incident_updates.map((u) => u.id) }, when).toEqual({
      status: "resolved",
      updates: expected.reportIncidentUpdates,
    });
    for (const path of ["/api/v2/incidents/unresolved.json", "/api/v2/summary.json"] as const) {
      const ids = json<{ incidents: { id: string }[] }>(reads, path).incidents.map((i) => i.id);
      expect(ids, `${path} ${when}`).toContain(scene.incident);
      expect(ids, `${path} ${when}`).not.toContain(scene.neverPublished);
    }

    const statuses = new Map(
      json<{ components: { id: string; status: string }[] }>(reads, "/api/v2/components.json").components.map((c) => [c.id, c.status]),
    );
    expect(Object.fromEntries(Object.entries(component).map(([role, c]) => [role, statuses.get(c.id)])), when).toEqual({
      published: expected.status === "identified" ? "partial_outage" : "degraded_performance",
      drafted: "operational",
      internal: "operational",
      untouched: "operational",
      maintained: expected.maintained,
    });
    const uptime = reads.get("/status/uptime")!.text;
    for (const c of [component.drafted, component.internal, component.untouched])
      expect(uptimeOf(uptime, c.name), `${c.name} ${when}`).toBe("100.00%");
  }

  beforeAll(() => scene.setUp(), 120_000);

  afterAll(() => scene.tearDown());

  it("keeps them off every public path after a publish", async () => {
    await publish({ status: "identified", body: PUBLIC_BODY[1], components: [{ id: component.published.id, status: "partial_outage" }] });
    Object.assign(expected, { status: "identified", impact: "major" });
    await expectNothingInternal("after a publish");
    // Discarded after the snapshot was built while it was a draft: it stays off too.
    expect((await scene.app.api.delete(`/api/v1/updates/${drafts.discarded}`)).status).toBe(204);
  });

  it("keeps them off after a change to the components catalog, which the public sees at once", async () => {
    const renamed = `Public check untouched renamed ${stamp}`;
    const patched = await scene.app.api.patch(`/api/v1/components/${component.untouched.id}`, {
      name: renamed,
      description: `catalog-change-${stamp}`,
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    component.untouched.name = renamed;
    const shown = json<{ components: { id: string; name: string; description: string }[] }>(
      await readPublic(scene.app.baseUrl),
      "/api/v2/components.json",
    ).components;
    expect(shown.find((c) => c.id === component.untouched.id)).toMatchObject({ name: renamed, description: `catalog-change-${stamp}` });
    await expectNothingInternal("after a catalog change");
  });

  it("keeps them off after maintenance steps taken by a person and by the clock", async () => {
    const window = (fromNowMs: number) => ({
      title: `Public check window ${stamp}`,
      scheduledFor: new Date(Date.now() + fromNowMs).toISOString(),
      scheduledUntil: new Date(Date.now() + fromNowMs + 3 * 3_600_000).toISOString(),
      components: [component.maintained.id],
    });
    const now = await created<{ id: string; status: string }>("/api/v1/maintenances", window(-1_000), "maintenance");
    expect(now.status).toBe("in_progress");
    expected.maintained = "under_maintenance";
    await expectNothingInternal("after a maintenance window started on scheduling");
    expect((await scene.app.api.post(`/api/v1/maintenances/${now.id}`, { status: "completed" })).status).toBe(200);
    expected.maintained = "operational";
    await expectNothingInternal("after a person completed a maintenance window");

    await created("/api/v1/maintenances", window(2_000), "maintenance");
    await until(
      "the clock starts the window",
      async () =>
        json<{ components: { id: string; status: string }[] }>(
          await readPublic(scene.app.baseUrl),
          "/api/v2/components.json",
        ).components.find((c) => c.id === component.maintained.id)?.status,
      (status) => status === "under_maintenance",
      2_000 + TICK_AND_SLACK_MS,
    );
    expected.maintained = "under_maintenance";
    await expectNothingInternal("after the clock started a maintenance window");
  });

  it("keeps them off after the hourly rebuild", async () => {
    // A change the app does not announce (written straight into the database) shows once the hourly rebuild has read it.
    const marker = `hourly-rebuild-${stamp}`;
    expect(await scene.app.db.execute(`UPDATE "Component" SET "description" = ? WHERE "id" = ?`, marker, component.untouched.id)).toBe(1);
    process.kill(scene.app.pid, "SIGUSR2");
    await until(
      "the hourly rebuild",
      async () =>
        json<{ components: { id: string; description: string | null }[] }>(
          await readPublic(scene.app.baseUrl),
          "/api/v2/components.json",
        ).components.find((c) => c.id === component.untouched.id)?.description,
      (description) => description === marker,
      TICK_AND_SLACK_MS,
    );
    await expectNothingInternal("after the hourly rebuild");
  });

  it("sent subscribers and webhooks only what was published, and nothing for the drafts", async () => {
    const mails = await until(
      "the notices of both published updates",
      () =>
        scene.app.db.rows<{ subject: string; text: string; html: string }>(
          `SELECT "subject", "text", "html" FROM "OutboxEmail" WHERE "to" = ?`,
          reader,
        ),
      (rows) => PUBLIC_BODY.every((body) => rows.some((r) => r.text.includes(body))),
      60_000,
    );
    for (const body of PUBLIC_BODY) expect(mails.find((m) => m.text.includes(body))!.subject, body).toContain(PUBLIC_NAME);
    // At least the second update's webhook: the first one's can be dead-lettered when the delivery worker takes
    // it before the snapshot that first shows the incident is built ("the update is not on the public page").
    const hooks = await until(
      "a webhook about the incident",
      async () => scene.receiver.received,
      (r) => r.some((h) => h.body.includes(scene.incident)),
      60_000,
    ).catch(async (error: Error) => {
      const rows = await scene.app.db.rows(
        `SELECT "updateId", "state", "attempts", "lastError" FROM "Delivery" WHERE "channel" = 'webhook'`,
      );
      throw new Error(`${error.message}\nwebhook deliveries: ${JSON.stringify(rows)}`);
    });
    const found = [...mails.map((m) => `${m.subject}\n${m.text}\n${m.html}`), ...hooks.map((h) => h.body)].flatMap((text) =>
      secrets().filter((s) => text.includes(s)),
    );
    expect(found).toEqual([]);
    type Hook = { component_update?: { component_id: string } };
    const changed = hooks.map((h) => (JSON.parse(h.body) as Hook).component_update?.component_id);
    for (const c of [component.drafted, component.internal, component.untouched]) expect(changed, c.name).not.toContain(c.id);
    const ids = Object.values(drafts);
    expect(await scene.app.db.count("Delivery", `"updateId" IN (${ids.map(() => "?").join(", ")})`, ...ids)).toBe(0);
  });

  it("keeps them off after a restart on the same database", async () => {
    await scene.restart();
    await expectNothingInternal("after a restart");
  });
});
