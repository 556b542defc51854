// Action items through the API and the page's form: adding one to a post-mortem, refusing
// bad input field by field (storing nothing), moving its state (closing stamps closedAt,
// reopening clears it), the list everyone works from (overdue first, then due date, then
// priority, page by page), "mine", and what a viewer may not do.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import { cookieOf, generatedPostmortem, signedInApi } from "./postmortem-fixtures.ts";

const DAY = 24 * 60 * 60 * 1000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

type Item = {
  id: string;
  title: string;
  state: string;
  priority: string;
  dueAt: string | null;
  overdue: boolean;
  closedAt: string | null;
  owner: { id: string; name: string } | null;
};

describe.each(databases())("action items on %s", (database) => {
  let app: TestApp;
  let dana: Api;
  let viewer: Api;
  let postmortemId: string;

  const create = (body: Record<string, unknown>, as: Api = dana) => as.post(`/api/v1/postmortems/${postmortemId}/action-items`, body);
  async function created(body: Record<string, unknown>): Promise<Item> {
    const response = await create(body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.actionItem;
  }
  /** Every page of a list, following nextCursor. */
  async function allPages(as: Api, query: string): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const response = await as.get(`/api/v1/action-items?${query}${cursor ? `&cursor=${cursor}` : ""}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      items.push(...response.body.actionItems);
      cursor = response.body.nextCursor;
    } while (cursor);
    return items;
  }

  beforeAll(async () => {
    app = await startApp({ database });
    dana = await signedInApi(app, "responder@northwind.example");
    viewer = api(app.baseUrl, (await app.api.post("/api/v1/tokens", { name: "viewer for action items", role: "viewer" })).body.token);
    postmortemId = (await generatedPostmortem(app, dana)).id;
  });
  afterAll(() => app?.stop());

  it("adds an item with an owner by email, a due day and a tracker link, and audits it", async () => {
    const item = await created({
      title: "  Bound router fan-out ",
      kind: "prevent",
      priority: "high",
      ownerEmail: "Kenji.Tanaka@northwind.example",
      dueAt: "2030-01-31",
      trackerUrl: "https://tracker.example/NW-12",
    });
    expect(item).toMatchObject({
      title: "Bound router fan-out",
      kind: "prevent",
      priority: "high",
      state: "open",
      owner: { name: "Kenji Tanaka" },
      dueAt: "2030-01-31T23:59:59.999Z",
      overdue: false,
      trackerUrl: "https://tracker.example/NW-12",
      closedAt: null,
      postmortem: { id: postmortemId },
    });
    expect(item).toHaveProperty("incident.ref", expect.stringMatching(/^INC-\d+$/));
    const minimal = await created({ title: "Write the runbook", kind: "process" });
    expect(minimal).toMatchObject({ priority: "medium", owner: null, dueAt: null, trackerUrl: null });
    const audit = await app.db.rows(`SELECT "action" FROM "AuditEvent" WHERE "entityType" = 'ActionItem' AND "entityId" = ?`, item.id);
    expect(audit.map((r) => r.action)).toEqual(["action_item.created"]);
    const read = await viewer.get(`/api/v1/postmortems/${postmortemId}`);
    expect(read.body.postmortem.actionItems.map((i: Item) => i.id)).toEqual(expect.arrayContaining([item.id, minimal.id]));
  });

  it("refuses bad input with each field's reason and stores nothing", async () => {
    const before = await app.db.count("ActionItem");
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ kind: "prevent" }, "title", /must be text/],
      [{ title: "   ", kind: "prevent" }, "title", /must not be empty/],
      [{ title: "x".repeat(201), kind: "prevent" }, "title", /at most 200/],
      [{ title: "Fix it", kind: "fix" }, "kind", /must be one of mitigate, prevent, process/],
      [{ title: "Fix it", kind: "prevent", priority: "urgent" }, "priority", /must be one of high, medium, low/],
      [{ title: "Fix it", kind: "prevent", dueAt: "next week" }, "dueAt", /must be a date \(YYYY-MM-DD\) or an ISO-8601 time/],
      [{ title: "Fix it", kind: "prevent", dueAt: "12000-01-01" }, "dueAt", /YYYY-MM-DD|between 1970 and 9999/],
      [{ title: "Fix it", kind: "prevent", trackerUrl: "javascript:alert(1)" }, "trackerUrl", /must be an http\(s\) link/],
      [{ title: "Fix it", kind: "prevent", trackerUrl: "tracker.example/NW-1" }, "trackerUrl", /must be an http\(s\) link/],
      [{ title: "Fix it", kind: "prevent", ownerEmail: "not an address" }, "ownerEmail", /must be an email address/],
      [{ title: "Fix it", kind: "prevent", ownerEmail: "nobody@northwind.example" }, "ownerEmail", /no one here has this email address/],
      [{ title: "Fix it", kind: "prevent", ownerId: "nosuchperson" }, "ownerId", /no such person/],
      [{ title: "Fix it", kind: "prevent", ownerId: "x", ownerEmail: "a@b.example" }, "ownerEmail", /not both/],
      [{ title: "Fix it", kind: "prevent", colour: "red" }, "_", /colour/],
    ];
    for (const [body, field, reason] of cases) {
      const response = await create(body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body.error.code).toBe("invalid");
      expect(response.body.error.fields[field], JSON.stringify(response.body)).toMatch(reason);
    }
    expect((await app.api.raw("POST", `/api/v1/postmortems/${postmortemId}/action-items`, "{not json")).status).toBe(400);
    expect((await dana.post("/api/v1/postmortems/nosuchpostmo/action-items", { title: "Fix it", kind: "prevent" })).status).toBe(404);
    expect(await app.db.count("ActionItem")).toBe(before);
  });

  it("moves the state: closing stamps closedAt, reopening clears it; edits and clears fields", async () => {
    const item = await created({ title: "Alert on routing saturation", kind: "mitigate", dueAt: day(-2) });
    expect(item.overdue).toBe(true);
    const done = await dana.patch(`/api/v1/action-items/${item.id}`, { state: "done" });
    expect(done.status).toBe(200);
    expect(done.body.actionItem).toMatchObject({ state: "done", overdue: false });
    expect(Date.now() - Date.parse(done.body.actionItem.closedAt)).toBeLessThan(60_000);
    const reopened = await dana.patch(`/api/v1/action-items/${item.id}`, { state: "open" });
    expect(reopened.body.actionItem).toMatchObject({ state: "open", closedAt: null, overdue: true });

    const edited = await dana.patch(`/api/v1/action-items/${item.id}`, {
      priority: "low",
      ownerEmail: "responder@northwind.example",
      trackerUrl: "http://tracker.example/NW-3",
      dueAt: "2031-05-01T09:00:00Z",
    });
    expect(edited.body.actionItem).toMatchObject({
      priority: "low",
      owner: { name: "Dana Whitfield" },
      trackerUrl: "http://tracker.example/NW-3",
      dueAt: "2031-05-01T09:00:00.000Z",
    });
    const cleared = await dana.patch(`/api/v1/action-items/${item.id}`, { ownerId: null, dueAt: null, trackerUrl: null });
    expect(cleared.body.actionItem).toMatchObject({ owner: null, dueAt: null, trackerUrl: null });

    const bad = await dana.patch(`/api/v1/action-items/${item.id}`, { state: "finished", trackerUrl: "file:///etc/passwd" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toMatchObject({
      state: expect.stringMatching(/must be one of open, in_progress, done, wont_do/),
      trackerUrl: expect.stringMatching(/http\(s\)/),
    });
    expect((await dana.patch(`/api/v1/action-items/${item.id}`, {})).body.error.fields._).toBe("send at least one field to change");
    expect((await dana.patch("/api/v1/action-items/nosuchitem00", { state: "done" })).status).toBe(404);
    const audit = await app.db.rows(
      `SELECT "action" FROM "AuditEvent" WHERE "entityType" = 'ActionItem' AND "entityId" = ? ORDER BY "at"`,
      item.id,
    );
    expect(audit.map((r) => r.action)).toEqual([
      "action_item.created",
      "action_item.done",
      "action_item.reopened",
      "action_item.edited",
      "action_item.edited",
    ]);
  });

  it("lists open items overdue first, then by due date, then priority, the same across pages", async () => {
    const mine = {
      laterLow: await created({ title: "Later, low", kind: "process", priority: "low", dueAt: day(10) }),
      undated: await created({ title: "No date", kind: "process", priority: "high" }),
      laterHigh: await created({ title: "Later, high", kind: "process", priority: "high", dueAt: day(10) }),
      overdueLittle: await created({ title: "Overdue a little", kind: "process", priority: "high", dueAt: day(-1) }),
      overdueMost: await created({ title: "Overdue most", kind: "process", priority: "low", dueAt: day(-20) }),
      soon: await created({ title: "Soon", kind: "process", priority: "medium", dueAt: day(3) }),
      closed: await created({ title: "Closed overdue", kind: "process", priority: "high", dueAt: day(-30) }),
    };
    await dana.patch(`/api/v1/action-items/${mine.closed.id}`, { state: "wont_do" });
    const ours = new Set(Object.values(mine).map((i) => i.id));

    const whole = await allPages(dana, "state=open,in_progress&limit=200");
    expect(whole.filter((i) => ours.has(i.id)).map((i) => i.title)).toEqual([
      "Overdue most",
      "Overdue a little",
      "Soon",
      "Later, high",
      "Later, low",
      "No date",
    ]);
    const firstNotOverdue = whole.findIndex((i) => !i.overdue);
    expect(whole.slice(firstNotOverdue).some((i) => i.overdue)).toBe(false);
    expect(whole.every((i) => i.state === "open" || i.state === "in_progress")).toBe(true);

    const paged = await allPages(dana, "state=open,in_progress&limit=2");
    expect(paged.map((i) => i.id)).toEqual(whole.map((i) => i.id));

    const overdue = await allPages(dana, "overdue=1");
    expect(overdue.every((i) => i.overdue)).toBe(true);
    expect(overdue.map((i) => i.id)).toEqual(expect.arrayContaining([mine.overdueMost.id, mine.overdueLittle.id]));
    expect(overdue.map((i) => i.id)).not.toContain(mine.closed.id);

    const closed = await allPages(dana, "state=wont_do,done");
    expect(closed.map((i) => i.id)).toContain(mine.closed.id);
    expect((await dana.get("/api/v1/action-items?state=finished")).status).toBe(400);
    expect((await dana.get("/api/v1/action-items?cursor=bm9wZQ")).status).toBe(400);
  });

  it("owner=me gives each person their own; owner=<id> anyone's", async () => {
    const kenji = await signedInApi(app, "kenji.tanaka@northwind.example");
    const forKenji = await created({ title: "Kenji's item", kind: "prevent", ownerEmail: "kenji.tanaka@northwind.example", dueAt: day(5) });
    const forDana = await created({ title: "Dana's item", kind: "prevent", ownerEmail: "responder@northwind.example", dueAt: day(5) });
    const kenjisOwn = await allPages(kenji, "owner=me");
    expect(kenjisOwn.map((i) => i.id)).toContain(forKenji.id);
    expect(kenjisOwn.every((i) => i.owner?.id === forKenji.owner!.id)).toBe(true);
    const danasOwn = await allPages(dana, "owner=me");
    expect(danasOwn.map((i) => i.id)).toContain(forDana.id);
    expect(danasOwn.map((i) => i.id)).not.toContain(forKenji.id);
    expect((await allPages(viewer, `owner=${forKenji.owner!.id}`)).map((i) => i.id)).toContain(forKenji.id);
  });

  it("lets a viewer read but not add or change, through the API or the page's form", async () => {
    const item = await created({ title: "Viewer cannot touch", kind: "process" });
    expect((await viewer.get("/api/v1/action-items")).status).toBe(200);
    const added = await create({ title: "Nope", kind: "process" }, viewer);
    expect(added.status).toBe(403);
    expect(added.body.error.code).toBe("forbidden");
    expect((await viewer.patch(`/api/v1/action-items/${item.id}`, { state: "done" })).status).toBe(403);

    const cookie = await cookieOf(app, "viewer@northwind.example");
    const post = (path: string, fields: Record<string, string>) =>
      fetch(app.baseUrl + path, {
        method: "POST",
        headers: { cookie, origin: app.baseUrl },
        body: new URLSearchParams(fields),
        redirect: "manual",
      });
    expect((await post("/action-items", { id: item.id, state: "done" })).status).toBe(403);
    expect((await post(`/postmortems/${postmortemId}/action-items`, { intent: "create", title: "Nope", kind: "process" })).status).toBe(
      403,
    );
    expect((await dana.get(`/api/v1/action-items/${item.id}`)).body.actionItem.state).toBe("open");
  });

  it("takes the page's form posts from a responder: a state change, and an add that returns to the editor", async () => {
    const item = await created({ title: "Form moves me", kind: "process", dueAt: day(-1) });
    const cookie = await cookieOf(app, "responder@northwind.example");
    const post = (path: string, fields: Record<string, string>) =>
      fetch(app.baseUrl + path, {
        method: "POST",
        headers: { cookie, origin: app.baseUrl },
        body: new URLSearchParams(fields),
        redirect: "manual",
      });
    const moved = await post("/action-items", { id: item.id, state: "in_progress" });
    expect(moved.status).toBe(200);
    expect((await dana.get(`/api/v1/action-items/${item.id}`)).body.actionItem.state).toBe("in_progress");

    const addedFromEditor = await post(`/postmortems/${postmortemId}/action-items`, {
      intent: "create",
      title: "Added from the editor",
      kind: "prevent",
      priority: "",
      ownerId: "",
      dueAt: "2030-03-01",
      trackerUrl: "",
      returnTo: `/postmortems/${postmortemId}/edit`,
    });
    expect(addedFromEditor.status).toBe(303);
    expect(addedFromEditor.headers.get("location")).toBe(`/postmortems/${postmortemId}/edit`);
    const list = (await dana.get(`/api/v1/postmortems/${postmortemId}/action-items?limit=200`)).body.actionItems as Item[];
    expect(list.find((i) => i.title === "Added from the editor")).toMatchObject({ priority: "medium", dueAt: "2030-03-01T23:59:59.999Z" });

    const refused = await post(`/postmortems/${postmortemId}/action-items`, {
      intent: "update",
      id: item.id,
      title: "Form moves me",
      trackerUrl: "javascript:alert(1)",
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("must be an http(s) link");
    expect((await dana.get(`/api/v1/action-items/${item.id}`)).body.actionItem.trackerUrl).toBeNull();

    const page = await fetch(`${app.baseUrl}/postmortems/${postmortemId}/action-items`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Added from the editor");
    expect((await fetch(`${app.baseUrl}/postmortems/nosuchpostmo/action-items`, { headers: { cookie } })).status).toBe(404);

    // A post-mortem's form cannot change an item of another post-mortem.
    const other = (await app.api.post("/api/v1/incidents/INC-1/postmortem")).body.postmortem.id as string;
    const crossed = await post(`/postmortems/${other}/action-items`, { intent: "update", id: item.id, title: "Renamed from elsewhere" });
    expect(crossed.status).toBe(404);
    expect((await dana.get(`/api/v1/action-items/${item.id}`)).body.actionItem.title).toBe("Form moves me");
  });
});
