// Editing the components catalog changes the public page at once (issue 15, item 9): a renamed,
// described, regrouped, reordered or added component shows on /status and in /api/v2 when the
// edit's answer arrives, through the admin page's form as through the API, not at the next
// hourly rebuild.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { sessionClient } from "./session-client.ts";

type V2Component = { id: string; name: string; description: string | null; position: number; group_id: string | null; group: boolean };

async function publicComponents(app: TestApp, path: "/api/v2/summary.json" | "/api/v2/components.json"): Promise<V2Component[]> {
  return ((await (await fetch(app.baseUrl + path)).json()) as { components: V2Component[] }).components;
}
const statusPage = async (app: TestApp) => (await fetch(`${app.baseUrl}/status`)).text();
const unique = (what: string) => `${what} ${Math.random().toString(36).slice(2, 8)}`;

describe.each(databases())("the catalog and the public page on %s", (database) => {
  let app: TestApp;
  let cookie: string;
  let components: { id: string; name: string; group: boolean; groupId: string | null }[];

  beforeAll(async () => {
    app = await startApp({ database });
    cookie = await sessionClient(app.baseUrl).session("admin@northwind.example");
    components = (await app.api.get("/api/v1/components")).body.components;
  });
  afterAll(() => app?.stop());

  it("shows a component renamed on the admin page on /status and in summary.json and components.json at once", async () => {
    const target = components.find((c) => !c.group && !c.groupId)!;
    // warm the snapshot as readers do, so nothing is built on the first read after the edit
    expect(await statusPage(app)).toContain(target.name);
    const renamed = unique("Payments gateway");
    const saved = await sessionClient(app.baseUrl).post("/components", cookie, {
      intent: "update",
      id: target.id,
      name: renamed,
      description: "Card and bank payments.",
    });
    expect(saved.status).toBe(302);

    const status = await statusPage(app);
    expect(status).toContain(renamed);
    expect(status).not.toContain(`>${target.name}<`);
    for (const path of ["/api/v2/summary.json", "/api/v2/components.json"] as const) {
      const listed = (await publicComponents(app, path)).find((c) => c.id === target.id)!;
      expect(listed.name).toBe(renamed);
      expect(listed.description).toBe("Card and bank payments.");
    }
  });

  it("shows a rename, a new group, a move into it, a new order and an added component made through the API at once", async () => {
    const [a, b] = components.filter((c) => !c.group && !c.groupId);
    const name = unique("Search API");
    expect((await app.api.patch(`/api/v1/components/${a.id}`, { name })).status).toBe(200);
    expect((await publicComponents(app, "/api/v2/summary.json")).find((c) => c.id === a.id)!.name).toBe(name);
    expect(await statusPage(app)).toContain(name);

    const groupName = unique("Data plane");
    const group = (await app.api.post("/api/v1/components", { name: groupName, group: true })).body.component;
    const member = await app.api.patch(`/api/v1/components/${b.id}`, { groupId: group.id });
    expect(member.status).toBe(200);
    const inGroup = (await publicComponents(app, "/api/v2/components.json")).find((c) => c.id === b.id)!;
    expect(inGroup.group_id).toBe(group.id);
    expect(await statusPage(app)).toContain(groupName);

    const added = (await app.api.post("/api/v1/components", { name: unique("Webhooks relay"), groupId: group.id })).body.component;
    const listed = (await publicComponents(app, "/api/v2/summary.json")).filter((c) => c.group_id === group.id).map((c) => c.id);
    expect(listed).toEqual([b.id, added.id]);

    const moved = await sessionClient(app.baseUrl).post("/components", cookie, { intent: "move", id: added.id, direction: "up" });
    expect(moved.status).toBe(200);
    const reordered = (await publicComponents(app, "/api/v2/components.json")).filter((c) => c.group_id === group.id).map((c) => c.id);
    expect(reordered).toEqual([added.id, b.id]);
  });
});
