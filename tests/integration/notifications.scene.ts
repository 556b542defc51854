// The people of notifications.test.ts, each signed in with their own API client, and the helpers its tests
// read and write with: a person's notifications, who was told what about an incident, a fresh incident, a
// SEV1 update Elena sent for approval, an update's state and its audit rows.
import { afterAll, beforeAll, expect } from "vitest";
import { startApp, type Api, type DatabaseKind, type TestApp } from "../setup/app-server.ts";
import { sectionWriter, signedInApi } from "./postmortem-fixtures.ts";

export const EMAILS = {
  priya: "admin@northwind.example",
  marcus: "marcus.okafor@northwind.example",
  dana: "responder@northwind.example",
  kenji: "kenji.tanaka@northwind.example",
  sofia: "sofia.lindqvist@northwind.example",
  elena: "comms@northwind.example",
  tomas: "tomas.rivera@northwind.example",
  alex: "viewer@northwind.example",
} as const;
export type Name = keyof typeof EMAILS;
type Note = { id: string; kind: string; text: string; link: string; incidentId: string | null; readAt: string | null };

/** Starts the app and signs everyone in before the file's tests; stops it after them. */
export function useNotificationsScene(database: DatabaseKind) {
  const scene = {} as { app: TestApp; writer: ReturnType<typeof sectionWriter> };
  const as = {} as Record<Name, Api>;
  const ids = {} as Record<Name, string>;

  beforeAll(async () => {
    scene.app = await startApp({ database });
    scene.writer = sectionWriter(scene.app.databaseUrl);
    for (const who of Object.keys(EMAILS) as Name[]) {
      as[who] = await signedInApi(scene.app, EMAILS[who]);
      ids[who] = (await scene.app.db.rows<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = ?`, EMAILS[who]))[0].id;
    }
  });
  afterAll(async () => {
    await scene.writer?.close();
    await scene.app?.stop();
  });

  const notesOf = async (who: Name, incidentId?: string) => {
    const response = await as[who].get("/api/v1/notifications?limit=100");
    expect(response.status).toBe(200);
    const all = (response.body as { notifications: Note[] }).notifications;
    return incidentId ? all.filter((n) => n.incidentId === incidentId) : all;
  };
  const kindsFor = async (incidentId: string) => {
    const told: Record<string, string[]> = {};
    for (const who of Object.keys(EMAILS) as Name[]) {
      const kinds = (await notesOf(who, incidentId)).map((n) => n.kind);
      if (kinds.length) told[who] = kinds;
    }
    return told;
  };
  async function declare(severity: string, extra: Record<string, unknown> = {}) {
    const response = await scene.app.api.post("/api/v1/incidents", {
      title: `Told ${severity} ${Math.random().toString(36).slice(2, 8)}`,
      severity,
      ...extra,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.incident.id as string;
  }
  /** A SEV1 update Elena (comms) drafted and sent for approval. */
  async function elenasSev1Update() {
    const incidentId = await declare("SEV1");
    const drafted = await as.elena.post(`/api/v1/incidents/${incidentId}/updates`, {
      status: "investigating",
      body: "Chat is down for most customers.",
    });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    const sent = await as.elena.post(`/api/v1/updates/${drafted.body.update.id}/request-approval`);
    expect(sent.status).toBe(200);
    return { incidentId, updateId: drafted.body.update.id as string };
  }
  const stateOf = async (updateId: string) =>
    (await scene.app.api.get(`/api/v1/updates/${updateId}`)).body.update as { state: string; approvedBy: { id: string } | null };
  const auditActions = async (updateId: string) =>
    (
      await scene.app.db.rows<{ action: string; actorId: string }>(
        `SELECT "action", "actorId" FROM "AuditEvent" WHERE "entityId" = ? ORDER BY "at", "id"`,
        updateId,
      )
    ).map((r) => `${r.action} by ${r.actorId}`);

  return { scene, as, ids, notesOf, kindsFor, declare, elenasSev1Update, stateOf, auditActions };
}
