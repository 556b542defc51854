// The audit log: admins read it filtered (by who, action, entity and date range in their zone),
// page by page with a cursor that stays right while events are written, export it as CSV and
// JSON Lines, and nobody else may read it. Audit rows cannot be changed: the database itself
// refuses UPDATE and DELETE, even through raw SQL with the app's own database client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import { cookieOf, signedInApi } from "./postmortem-fixtures.ts";
import { dayAfter, type Event, rawClient, today } from "./audit-log.events.ts";

describe.each(databases())("the audit log on %s", (database) => {
  let app: TestApp;
  let adminTokenId: string;
  let incident: { id: string; ref: string };

  /** Every event the query selects, following nextCursor page by page. */
  async function allPages(query: string, as: Api = app.api, between?: () => Promise<void>): Promise<Event[]> {
    const events: Event[] = [];
    let cursor: string | null = null;
    do {
      const response = await as.get(`/api/v1/audit-events?${query}${cursor ? `&cursor=${cursor}` : ""}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      events.push(...response.body.auditEvents);
      cursor = response.body.nextCursor;
      if (between) await between();
    } while (cursor);
    return events;
  }

  const setSeverity = async (severity: string) => {
    const response = await app.api.patch(`/api/v1/incidents/${incident.id}`, { severity });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  };

  beforeAll(async () => {
    app = await startApp({ database });
    const declared = await app.api.post("/api/v1/incidents", {
      title: "Audit trail check",
      severity: "SEV3",
      summary: "Checks the audit log.",
    });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    incident = declared.body.incident;
    await setSeverity("SEV2");
    const [row] = await app.db.rows<{ tokenId: string }>(
      `SELECT "tokenId" FROM "AuditEvent" WHERE "entityId" = ? AND "action" = 'incident.declared'`,
      incident.id,
    );
    adminTokenId = row!.tokenId;
  });
  afterAll(() => app?.stop());

  it("shows who changed what on an entity, newest first, with the change before and after", async () => {
    const events = await allPages(`entityType=Incident&entityId=${incident.id}`);
    expect(events.map((e) => e.action)).toEqual(["incident.updated", "incident.declared"]);
    const [change, declared] = events as [Event, Event];
    expect(change).toMatchObject({
      actionText: "Incident updated",
      actor: { kind: "token", name: expect.any(String), token: { id: adminTokenId, name: expect.any(String) } },
      entity: { type: "Incident", id: incident.id, link: `/incidents/${incident.ref}` },
    });
    expect(change.before.severity).toBe("SEV3");
    expect(change.after.severity).toBe("SEV2");
    expect(new Date(change.at) >= new Date(declared.at)).toBe(true);
  });

  it("ties each event to the request that wrote it: the X-Request-Id sent, or the one the response named", async () => {
    const traced = `audit-trace-${database}-${Date.now()}`;
    const other = (await app.api.post("/api/v1/incidents", { title: "Traced requests", severity: "SEV4" })).body.incident as { id: string };
    const sent = await app.api.raw("PATCH", `/api/v1/incidents/${other.id}`, JSON.stringify({ summary: "Traced change." }), {
      "content-type": "application/json",
      "x-request-id": traced,
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.headers.get("x-request-id")).toBe(traced);
    const named = await app.api.patch(`/api/v1/incidents/${other.id}`, { summary: "Traced again." });
    const [second, first] = await allPages(`entityType=Incident&entityId=${other.id}&action=incident.updated`);
    expect(first!.after.summary).toBe("Traced change.");
    expect((first as Event & { requestId: string }).requestId).toBe(traced);
    expect((second as Event & { requestId: string }).requestId).toBe(named.headers.get("x-request-id"));
    // Written by the app itself (no request): no id.
    const [system] = await app.db.rows<{ requestId: string | null }>(
      `SELECT "requestId" FROM "AuditEvent" WHERE "actorId" IS NULL AND "tokenId" IS NULL`,
    );
    if (system) expect(system.requestId).toBeNull();
  });

  it("filters by action, by person, by API token, by the app itself and by day", async () => {
    const updates = await allPages(`action=incident.updated&entityId=${incident.id}`);
    expect(updates).toHaveLength(1);

    const byToken = await allPages(`actor=token:${adminTokenId}&limit=200`);
    expect(byToken.length).toBeGreaterThanOrEqual(2);
    expect(byToken.every((e) => e.actor.token?.id === adminTokenId)).toBe(true);

    const [elena] = await app.db.rows<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = 'comms@northwind.example'`);
    const byElena = await allPages(`actor=user:${elena!.id}&limit=200`);
    expect(byElena.length).toBeGreaterThan(0);
    expect(byElena.every((e) => e.actor.email === "comms@northwind.example")).toBe(true);
    expect(byElena.length).toBe(await app.db.count("AuditEvent", `"actorId" = ?`, elena!.id));

    const bySystem = await allPages(`actor=system&limit=200`);
    expect(bySystem.every((e) => e.actor.kind === "system")).toBe(true);
    expect(bySystem.length).toBe(await app.db.count("AuditEvent", `"actorId" IS NULL AND "tokenId" IS NULL`));

    expect(await allPages(`entityId=${incident.id}&from=${today()}&to=${today()}`)).toHaveLength(2);
    expect(await allPages(`entityId=${incident.id}&from=${dayAfter(1)}`)).toHaveLength(0);
    expect(await allPages(`entityId=${incident.id}&to=${dayAfter(-1)}`)).toHaveLength(0);
  });

  it("pages by cursor without losing or repeating an event while new ones are written", async () => {
    for (const severity of ["SEV1", "SEV2", "SEV3", "SEV4", "SEV1"]) await setSeverity(severity);
    const before = await allPages(`entityId=${incident.id}&limit=200`);
    expect(before).toHaveLength(7);
    let written = 0;
    const paged = await allPages(`entityId=${incident.id}&limit=2`, app.api, async () => {
      await setSeverity(written++ % 2 ? "SEV2" : "SEV3");
    });
    // The pages read are the events that existed when the first was read, in the same order.
    expect(paged.map((e) => e.id)).toEqual(before.map((e) => e.id));
    const after = await allPages(`entityId=${incident.id}&limit=200`);
    expect(after).toHaveLength(7 + written);
    expect(new Set(after.map((e) => e.id)).size).toBe(after.length);
  });

  it("exports the filtered events as CSV and as JSON Lines, in the API's order", async () => {
    const expected = await allPages(`entityType=Incident&entityId=${incident.id}&limit=200`);
    const csv = await fetch(`${app.baseUrl}/admin/audit.csv?entityType=Incident&entityId=${incident.id}`, {
      headers: { authorization: `Bearer ${app.adminToken}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-.*\.csv"$/);
    const lines = (await csv.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "id,at_utc,actor_kind,actor_name,actor_email,actor_id,token_name,token_id,action,action_text,entity_type,entity_label,entity_id,entity_link,changed_fields,before,after,request_id",
    );
    expect(lines).toHaveLength(expected.length + 1);
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 2).join(","))).toEqual(expected.map((e) => `${e.id},${e.at}`));
    const declaredLine = lines[lines.length - 1]!;
    expect(declaredLine).toContain(`,token,`);
    expect(declaredLine).toContain(`,incident.declared,Incident declared,Incident,${incident.ref} `);
    expect(declaredLine).toContain(`,${incident.id},/incidents/${incident.ref},`);

    const jsonl = await fetch(`${app.baseUrl}/admin/audit.jsonl?entityType=Incident&entityId=${incident.id}`, {
      headers: { authorization: `Bearer ${app.adminToken}` },
    });
    expect(jsonl.status).toBe(200);
    expect(jsonl.headers.get("content-type")).toBe("application/jsonl; charset=utf-8");
    const records = (await jsonl.text())
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(records.map((r) => r.id)).toEqual(expected.map((e) => e.id));
    expect(records[0]).toEqual(expected[0]);
    expect(
      records.find((r) => r.action === "incident.updated" && r.before.severity === "SEV3" && r.after.severity === "SEV2"),
    ).toBeTruthy();
  });

  it("exports more than one batch of events whole, in order", async () => {
    // 1,234 events from 2020 (inserting is what the app does; only changing is refused).
    const client = rawClient(app.databaseUrl);
    try {
      const base = Date.UTC(2020, 0, 15, 12);
      const values = Array.from({ length: 1234 }, (_, i) => {
        const at = new Date(base + Math.floor(i / 3) * 1000).toISOString().replace("Z", "+00:00");
        return `('bulk${String(i).padStart(6, "0")}', 'component.updated', 'BulkCheck', 'c${i % 7}', '${at}')`;
      });
      await client.$executeRawUnsafe(
        `INSERT INTO "AuditEvent" ("id", "action", "entityType", "entityId", "at") VALUES ${values.join(", ")}`,
      );
    } finally {
      await client.$disconnect();
    }
    const csv = await fetch(`${app.baseUrl}/admin/audit.csv?entityType=BulkCheck&from=2020-01-01&to=2020-12-31`, {
      headers: { authorization: `Bearer ${app.adminToken}` },
    });
    const rows = (await csv.text()).trimEnd().split("\r\n").slice(1);
    expect(rows).toHaveLength(1234);
    const ids = rows.map((r) => r.split(",")[0]);
    expect(new Set(ids).size).toBe(1234);
    const order = rows.map((r) => r.split(",").slice(1, 2).concat(r.split(",")[0]!).join(" "));
    expect([...order].sort().reverse()).toEqual(order);
    const paged = await allPages("entityType=BulkCheck&entityId=c3&limit=50");
    expect(paged).toHaveLength(Math.ceil((1234 - 3) / 7));
  });

  it("lets only admins read it: others get 403, anonymous readers 401 or the sign-in page", async () => {
    const viewerToken = (await app.api.post("/api/v1/tokens", { name: "viewer for audit", role: "viewer" })).body.token;
    const viewer = api(app.baseUrl, viewerToken);
    expect((await viewer.get("/api/v1/audit-events")).status).toBe(403);
    expect((await viewer.get("/admin/audit.csv")).status).toBe(403);
    const responder = await signedInApi(app, "responder@northwind.example");
    expect((await responder.get("/api/v1/audit-events")).status).toBe(403);
    const comms = await cookieOf(app, "comms@northwind.example");
    const page = await fetch(`${app.baseUrl}/admin/audit`, { headers: { cookie: comms }, redirect: "manual" });
    expect(page.status).toBe(403);
    expect((await fetch(`${app.baseUrl}/admin/audit.jsonl`, { headers: { cookie: comms } })).status).toBe(403);

    const anonymous = api(app.baseUrl, null);
    expect((await anonymous.get("/api/v1/audit-events")).status).toBe(401);
    const anonymousPage = await fetch(`${app.baseUrl}/admin/audit?entityType=Incident`, { redirect: "manual" });
    expect(anonymousPage.status).toBe(302);
    expect(anonymousPage.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent("/admin/audit?entityType=Incident")}`);
    const anonymousCsv = await fetch(`${app.baseUrl}/admin/audit.csv`, { redirect: "manual" });
    expect(anonymousCsv.status).toBe(302);

    const admin = await cookieOf(app, "admin@northwind.example");
    const adminPage = await fetch(`${app.baseUrl}/admin/audit?entityId=${incident.id}`, { headers: { cookie: admin } });
    expect(adminPage.status).toBe(200);
    const html = await adminPage.text();
    expect(html).toContain("Incident declared");
    expect(html).toContain(`href="/incidents/${incident.ref}"`);
  });

  it("refuses bad parameters with each one's reason, as JSON and on the page", async () => {
    const response = await app.api.get("/api/v1/audit-events?actor=bob&from=yesterday&limit=1000&cursor=bm90LWEtY3Vyc29y");
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toMatchObject({
      actor: "must be user:<id>, token:<id> or system",
      from: expect.stringMatching(/^must be a date \(YYYY-MM-DD\)/),
      limit: "must be at most 200",
    });
    const cursor = await app.api.get("/api/v1/audit-events?cursor=bm90LWEtY3Vyc29y");
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.fields).toEqual({ cursor: "is not a cursor from this log" });
    const backwards = await app.api.get("/api/v1/audit-events?from=2026-03-02&to=2026-03-01");
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields).toEqual({ to: "must not be before from" });
    expect((await app.api.get("/admin/audit.csv?from=31/12/2025")).status).toBe(400);

    const admin = await cookieOf(app, "admin@northwind.example");
    const page = await fetch(`${app.baseUrl}/admin/audit?from=31/12/2025`, { headers: { cookie: admin } });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("Some filters are not valid: from must be a date (YYYY-MM-DD)");
  });

  it("cannot be changed or deleted, not even with raw SQL through Prisma", async () => {
    const client = rawClient(app.databaseUrl);
    try {
      const rows = () => app.db.rows(`SELECT "id", "action", "after" FROM "AuditEvent" WHERE "entityId" = ? ORDER BY "id"`, incident.id);
      const kept = await rows();
      const total = await app.db.count("AuditEvent");
      await expect(
        client.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'forged' WHERE "entityId" = '${incident.id}'`),
      ).rejects.toThrow(/audit events cannot be changed/);
      await expect(client.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "entityId" = '${incident.id}'`)).rejects.toThrow(
        /audit events cannot be (deleted|changed or deleted)/,
      );
      await expect(client.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/audit events cannot be/);
      if (database === "postgres") await expect(client.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/TRUNCATE refused/);
      // A person who acted cannot be deleted either: their name stays on what they did.
      await expect(client.$executeRawUnsafe(`DELETE FROM "User" WHERE "email" = 'comms@northwind.example'`)).rejects.toThrow();
      expect(await rows()).toEqual(kept);
      expect(await app.db.count("AuditEvent")).toBe(total);
      expect(await app.db.count("User", `"email" = 'comms@northwind.example'`)).toBe(1);
    } finally {
      await client.$disconnect();
    }
  });
});
