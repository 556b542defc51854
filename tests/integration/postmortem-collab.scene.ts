// The scene of the live post-mortem editing tests (postmortem-collab*.test.ts): an app on the database, a
// responder's and a viewer's session, collaborators that are closed after the file, a fresh resolved incident's
// generated post-mortem, and what the API says is stored in its sections.
import { afterAll, beforeAll, expect } from "vitest";
import { startApp, type DatabaseKind, type TestApp } from "../setup/app-server.ts";
import { collaborate, signIn, type Collaborator } from "../setup/collab-client.ts";

type StoredSection = { key: string; doc: { type: string; content?: unknown[] }; markdown: string };

/** Starts the app before the file's tests and stops it (and every collaborator) after them. */
export function useCollabScene(database: DatabaseKind) {
  const scene = {} as { app: TestApp; responder: string; viewer: string };
  const open: Collaborator[] = [];

  beforeAll(async () => {
    scene.app = await startApp({ database });
    [scene.responder, scene.viewer] = await Promise.all([
      signIn(scene.app.baseUrl, "responder@northwind.example"),
      signIn(scene.app.baseUrl, "viewer@northwind.example"),
    ]);
  });
  afterAll(async () => {
    for (const c of open) c.destroy();
    await scene.app?.stop();
  });

  const join = (baseUrl: string, postmortemId: string, cookie: string | null, token?: string) => {
    const collaborator = collaborate(baseUrl, postmortemId, cookie, token);
    open.push(collaborator);
    return collaborator;
  };

  /** A resolved incident with its generated post-mortem. */
  async function newPostmortem(): Promise<string> {
    const incident = await scene.app.api.post("/api/v1/incidents", {
      title: `Collab check ${Math.random().toString(36).slice(2, 8)}`,
      severity: "SEV3",
    });
    expect(incident.status).toBe(201);
    expect((await scene.app.api.patch(`/api/v1/incidents/${incident.body.incident.id}`, { status: "resolved" })).status).toBe(200);
    const created = await scene.app.api.post(`/api/v1/incidents/${incident.body.incident.id}/postmortem`);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.postmortem.id;
  }

  async function stored(postmortemId: string, baseUrl = scene.app.baseUrl) {
    const response = await fetch(`${baseUrl}/api/v1/postmortems/${postmortemId}`, {
      headers: { authorization: `Bearer ${scene.app.adminToken}` },
    });
    expect(response.status).toBe(200);
    const { postmortem } = await response.json();
    return postmortem as { revision: number; sections: StoredSection[] };
  }
  const storedSection = async (postmortemId: string, key: string) => (await stored(postmortemId)).sections.find((s) => s.key === key)!;

  return { scene, join, newPostmortem, stored, storedSection };
}
