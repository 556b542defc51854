// The two-person rule on post-mortems: whoever approves one wrote none of its text. Its author
// and everyone who changed a section (through the API's section PUT or typing in the live
// editor over the real websocket) are its contributors, listed by the API and the review
// panel, audited, and refused with 403 and the reason when they try to approve it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import { collaborate, signIn, type Collaborator } from "../setup/collab-client.ts";
import { cookieOf, generatedPostmortem, sectionWriter, signedInApi } from "./postmortem-fixtures.ts";

const EDITOR_REFUSAL = "You edited this post-mortem's text; someone who did not must approve it.";
type Person = { id: string; name: string };

describe.each(databases())("the two-person rule on post-mortems on %s", (database) => {
  let app: TestApp;
  let writer: ReturnType<typeof sectionWriter>;
  /** Dana Whitfield, a responder: the author of every post-mortem here */
  let dana: Api;
  /** Kenji Tanaka, a responder who edits them */
  let kenji: Api;
  /** Priya Raman, an admin who wrote nothing */
  let priya: Api;
  let people: Record<string, Person>;
  const open: Collaborator[] = [];

  const review = (as: Api, id: string, body: unknown) => as.post(`/api/v1/postmortems/${id}/review`, body);
  const stateOf = async (id: string) => (await app.api.get(`/api/v1/postmortems/${id}`)).body.postmortem.state as string;
  const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
  const putSection = (as: Api, id: string, key: string, text: string) =>
    as.raw("PUT", `/api/v1/postmortems/${id}/sections/${key}`, JSON.stringify({ doc: paragraph(text) }), {
      "content-type": "application/json",
    });

  /** Dana's post-mortem that passes lint, sections written straight into the database (no contributor). */
  async function cleanPostmortem() {
    const pm = await generatedPostmortem(app, dana);
    await writer.complete(pm.id);
    const item = await dana.post(`/api/v1/postmortems/${pm.id}/action-items`, {
      title: "Bound router fan-out",
      kind: "prevent",
      ownerEmail: "kenji.tanaka@northwind.example",
      dueAt: "2030-01-31",
    });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    return pm.id;
  }

  const auditOf = (id: string) =>
    app.db.rows<{ action: string; actorId: string; after: unknown }>(
      `SELECT "action", "actorId", "after" FROM "AuditEvent" WHERE "entityType" = 'Postmortem' AND "entityId" = ? ORDER BY "at", "id"`,
      id,
    );
  const json = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value) as Record<string, unknown>;

  beforeAll(async () => {
    app = await startApp({ database });
    writer = sectionWriter(app.databaseUrl);
    [dana, kenji, priya] = await Promise.all(
      ["responder@northwind.example", "kenji.tanaka@northwind.example", "admin@northwind.example"].map((e) => signedInApi(app, e)),
    );
    const person = async (email: string) => (await app.db.rows<Person>(`SELECT "id", "name" FROM "User" WHERE "email" = ?`, email))[0];
    people = {
      dana: await person("responder@northwind.example"),
      kenji: await person("kenji.tanaka@northwind.example"),
      sofia: await person("sofia.lindqvist@northwind.example"),
      priya: await person("admin@northwind.example"),
    };
  });
  afterAll(async () => {
    for (const c of open) c.destroy();
    await writer?.close();
    await app?.stop();
  });

  it("refuses a reviewer who replaced a section through the API; a third person approves", async () => {
    const id = await cleanPostmortem();
    expect((await app.api.get(`/api/v1/postmortems/${id}`)).body.postmortem.contributors).toEqual([people.dana]);
    const put = await putSection(
      kenji,
      id,
      "root_cause",
      "The router accepted a config with no upper bound on fan-out, and nothing checked it.",
    );
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect((await app.api.get(`/api/v1/postmortems/${id}`)).body.postmortem.contributors).toEqual([people.dana, people.kenji]);
    expect((await review(dana, id, { action: "submit" })).status).toBe(200);

    // The panel tells Kenji why he cannot approve, beside who wrote it.
    const panel = (await kenji.get(`/api/v1/postmortems/${id}/review`)).body.review;
    expect(panel.writtenBy).toBe("Written by Dana Whitfield, edited by Kenji Tanaka");
    expect(panel.actions.find((a: { action: string }) => a.action === "approve")).toMatchObject({ blocked: EDITOR_REFUSAL });

    const refused = await review(kenji, id, { action: "approve" });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "forbidden", message: EDITOR_REFUSAL });
    // The page's form too.
    const form = await fetch(`${app.baseUrl}/postmortems/${id}/review`, {
      method: "POST",
      headers: { cookie: await cookieOf(app, "kenji.tanaka@northwind.example"), origin: app.baseUrl },
      body: new URLSearchParams({ action: "approve" }),
      redirect: "manual",
    });
    expect(form.status).toBe(403);
    expect(await stateOf(id)).toBe("in_review");
    expect(await app.db.count("PostmortemChange", `"postmortemId" = ? AND "action" = 'approved'`, id)).toBe(0);

    const approved = await review(priya, id, { action: "approve" });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.postmortem).toMatchObject({
      state: "approved",
      approvedBy: people.priya,
      contributors: [people.dana, people.kenji],
    });

    const audit = await auditOf(id);
    const replaced = audit.find((a) => a.action === "postmortem.section_replaced")!;
    expect(replaced.actorId).toBe(people.kenji.id);
    expect(json(replaced.after).contributors).toEqual([people.dana, people.kenji]);
    expect(json(audit.find((a) => a.action === "postmortem.approved")!.after).contributors).toEqual([people.dana, people.kenji]);
  });

  it("refuses a live editor who typed over the websocket and approves at once, before the quiet-time store", async () => {
    const id = await cleanPostmortem();
    expect((await review(dana, id, { action: "submit" })).status).toBe(200);
    const sofia = collaborate(app.baseUrl, id, await signIn(app.baseUrl, "sofia.lindqvist@northwind.example"));
    open.push(sofia);
    expect(await sofia.scope).toBe("read-write");
    await sofia.synced();
    sofia.write("root_cause", "The canary covered one region only.");
    await sofia.sent();
    // Well within the 2 s quiet time: the words are in the server's memory, not yet stored.
    const refused = await review(await signedInApi(app, "sofia.lindqvist@northwind.example"), id, { action: "approve" });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(EDITOR_REFUSAL);
    expect(await stateOf(id)).toBe("in_review");
    const stored = (await app.api.get(`/api/v1/postmortems/${id}`)).body.postmortem;
    expect(stored.contributors).toEqual([people.dana, people.sofia]);
    expect(stored.sections.find((s: { key: string }) => s.key === "root_cause").markdown).toContain("The canary covered one region only.");
    const edited = (await auditOf(id)).find((a) => a.action === "postmortem.edited" && a.actorId === people.sofia.id)!;
    expect(json(edited.after).contributors).toEqual([people.dana, people.sofia]);

    expect((await review(kenji, id, { action: "approve" })).status).toBe(200);
  });

  it("never ends approved by someone whose section change arrived together with their approval", async () => {
    for (let round = 0; round < 3; round++) {
      const id = await cleanPostmortem();
      expect((await review(dana, id, { action: "submit" })).status).toBe(200);
      const [put, approve] = await Promise.all([
        putSection(kenji, id, "impact", `Raced words ${round}.`),
        review(kenji, id, { action: "approve" }),
      ]);
      const after = (await app.api.get(`/api/v1/postmortems/${id}`)).body.postmortem;
      const kenjiWrote = after.contributors.some((c: Person) => c.id === people.kenji.id);
      expect(kenjiWrote && after.state === "approved", `round ${round}: PUT ${put.status}, approve ${approve.status}`).toBe(false);
      if (approve.status === 200) expect(put.status).toBe(409);
    }
  });

  it("keeps the author out and lets anyone who wrote nothing approve", async () => {
    const id = await cleanPostmortem();
    expect((await review(dana, id, { action: "submit" })).status).toBe(200);
    const own = await review(dana, id, { action: "approve" });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/^The author of a post-mortem cannot approve it/);
    const panel = (await dana.get(`/api/v1/postmortems/${id}/review`)).body.review;
    expect(panel.writtenBy).toBe("Written by Dana Whitfield");
    expect(panel.actions.find((a: { action: string }) => a.action === "approve").blocked).toMatch(
      /author of a post-mortem cannot approve it/,
    );
    expect((await review(kenji, id, { action: "approve" })).status).toBe(200);
  });
});
