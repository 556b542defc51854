// The public root-cause report: drafted from the post-mortem once its root cause is written,
// approved by a second person like an update, published under the incident on the status
// page (Statuspage status "postmortem") and sent to subscribers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import { signedInApi } from "./postmortem-fixtures.ts";

const ROOT_CAUSE = "A degraded network link between one zone and the regional transit dropped packets on the way to our model servers.";

describe.each(databases())("the public root-cause report on %s", (database) => {
  let app: TestApp;
  let comms: Api;
  let secondPerson: Api;

  beforeAll(async () => {
    app = await startApp({ database });
    comms = await signedInApi(app, "comms@northwind.example");
    secondPerson = await signedInApi(app, "admin@northwind.example");
  });
  afterAll(() => app?.stop());

  async function outboxSubjects(part: string, count: number): Promise<string[]> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const rows = await app.db.rows<{ subject: string; to: string }>(
        `SELECT "subject", "to" FROM "OutboxEmail" WHERE "subject" LIKE ?`,
        `%${part}%`,
      );
      if (rows.length >= count || Date.now() > deadline) return rows.map((r) => `${r.to} ${r.subject}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it("waits for the root cause, goes out only with a second person's approval, and reaches the page, its API and subscribers", async () => {
    // INC-2, the demo's streaming slowdown: public and resolved, without a post-mortem yet (the outage, INC-3, has its report).
    const incident = (await app.api.get("/api/v1/incidents/INC-2")).body.incident;
    const pm = (await app.api.post("/api/v1/incidents/INC-2/postmortem")).body.postmortem;
    const early = await comms.post(`/api/v1/postmortems/${pm.id}/public-report`);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/Write the root cause/);

    const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: ROOT_CAUSE }] }] };
    expect(
      (
        await app.api.raw("PUT", `/api/v1/postmortems/${pm.id}/sections/root_cause`, JSON.stringify({ doc }), {
          "content-type": "application/json",
        })
      ).status,
    ).toBe(200);
    const item = await app.api.post(`/api/v1/postmortems/${pm.id}/action-items`, {
      title: "Alert on per-zone retransmit rate",
      kind: "prevent",
      ownerEmail: "responder@northwind.example",
      dueAt: "2027-01-15",
    });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    await app.api.post("/api/v1/subscribers", { email: "reader@customer.example", confirmedAt: "2026-01-01T00:00:00Z" });

    const drafted = await comms.post(`/api/v1/postmortems/${pm.id}/public-report`);
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    const report = drafted.body.update;
    expect(report.status).toBe("postmortem");
    expect(report.state).toBe("draft");
    expect(report.body).toContain(`Why it happened\n${ROOT_CAUSE}`);
    expect(report.body).toContain("- Alert on per-zone retransmit rate (by January 2027)");
    // durations as people write them, for the time customers were affected
    expect(report.body).toMatch(
      /Between \d\d:\d\d and \d\d:\d\d UTC on \d+ \w+ \(52 minutes\), customers using Streaming and Chat in Asia Pacific Southeast were affected\./,
    );
    expect(report.body).not.toMatch(/\b\d+[dhm] \d+[hms]\b/);
    expect(report.body).not.toContain("/incidents/");

    const again = await comms.post(`/api/v1/postmortems/${pm.id}/public-report`);
    expect(again.status).toBe(409);
    expect(again.body.error.fields.updateId).toBe(report.id);

    // Not public yet, and its author cannot publish or approve it alone.
    const publicBefore = (await (await fetch(`${app.baseUrl}/api/v2/incidents.json`)).json()).incidents.find(
      (i: { id: string }) => i.id === incident.id,
    );
    expect(publicBefore.status).toBe("resolved");
    const alone = await comms.post(`/api/v1/updates/${report.id}/publish`);
    expect(alone.status).toBe(409);
    expect(alone.body.error.message).toMatch(/second person/);
    expect((await comms.post(`/api/v1/updates/${report.id}/approve`)).status).toBe(403);

    expect((await secondPerson.post(`/api/v1/updates/${report.id}/approve`)).status).toBe(200);
    const published = await comms.post(`/api/v1/updates/${report.id}/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(200);

    const publicAfter = (await (await fetch(`${app.baseUrl}/api/v2/incidents.json`)).json()).incidents.find(
      (i: { id: string }) => i.id === incident.id,
    );
    expect(publicAfter.status).toBe("postmortem");
    expect(publicAfter.resolved_at).toBe(publicBefore.resolved_at);
    expect(publicAfter.incident_updates[0].status).toBe("postmortem");
    expect(publicAfter.incident_updates[0].body).toContain(ROOT_CAUSE);
    const page = await (await fetch(`${app.baseUrl}/status/incidents/${incident.id}`)).text();
    expect(page).toContain("Postmortem");
    expect(page).toContain("Why it happened");
    // nothing is unresolved because of it
    expect(
      (await (await fetch(`${app.baseUrl}/api/v2/incidents/unresolved.json`)).json()).incidents.map((i: { id: string }) => i.id),
    ).not.toContain(incident.id);

    const sent = await outboxSubjects("Root-cause report", 1);
    expect(sent).toEqual([expect.stringMatching(/^reader@customer\.example .*Root-cause report/)]);
  });
});
