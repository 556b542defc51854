// Search across incidents, timeline entries and post-mortems, on each database: the demo
// outage's entries found by a phrase, with the link that opens them in the room and the words
// highlighted; titles and post-mortem sections found; edits and deletions followed at once;
// full-text syntax in a query is only text; bad input is a 400.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type TestApp } from "../setup/app-server.ts";

type Segment = { text: string; match: boolean };
type Result = { kind: string; incident: { ref: string; title: string }; title: string; link: string; at: string; snippet: Segment[] };

const DEMO_OUTAGE = "Chat and API unavailable worldwide";
const marked = (r: Result) => r.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase());
const plain = (r: Result) => r.snippet.map((s) => s.text).join("");
const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

describe.each(databases())("search on %s", (database) => {
  let app: TestApp;
  let outage: { id: string; ref: string };

  const search = async (q: string, extra = ""): Promise<Result[]> => {
    const res = await app.api.get(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.results;
  };

  beforeAll(async () => {
    app = await startApp({ database });
    const listed = await app.api.get(`/api/v1/incidents?q=${encodeURIComponent(DEMO_OUTAGE)}`);
    outage = listed.body.incidents[0];
    expect(outage, "the demo outage is in the demo data").toBeTruthy();
  });
  afterAll(() => app?.stop());

  it("finds a phrase from the demo outage's timeline: that entry first, with its link and the words highlighted", async () => {
    const entries: { seq: number; body: string }[] = (await app.api.get(`/api/v1/incidents/${outage.id}/timeline`)).body.entries;
    const blocked = entries.find((e) => e.body.startsWith("Rollback blocked"))!;
    // The outage's published post-mortem quotes the entry in its timeline: found too, linked to that section.
    const everywhere = await search(`"rollback blocked"`);
    const postmortem = (await app.api.get(`/api/v1/incidents/${outage.ref}/postmortem`)).body.postmortem.id;
    expect(everywhere.map((r) => r.link)).toContain(`/postmortems/${postmortem}#section-timeline`);
    const [first, ...rest] = await search(`"rollback blocked"`, "&kinds=entry");
    expect(first).toMatchObject({
      kind: "entry",
      incident: { ref: outage.ref, title: DEMO_OUTAGE },
      link: `/incidents/${outage.ref}?entry=${blocked.seq}#entry-${blocked.seq}`,
    });
    expect(marked(first!)).toEqual(["rollback blocked"]);
    expect(plain(first!)).toContain("stuck in PENDING");
    expect(Date.parse(first!.at)).not.toBeNaN();
    expect(rest.every((r) => r.link !== first!.link)).toBe(true);
    expect(everywhere.map((r) => r.link)).toContain(first!.link);
    // typed without quotes, the entry where the words stand together still comes first
    expect((await search("rollback blocked", "&kinds=entry"))[0]!.link).toBe(first!.link);
    // the words in another order are not the phrase, but all of them still find it
    expect((await search(`"blocked rollback"`)).map((r) => r.link)).not.toContain(first!.link);
    expect((await search(`blocked rollback`)).map((r) => r.link)).toContain(first!.link);
  });

  it("finds words in other forms and leaves out -excluded ones", async () => {
    const found = await search("retries amplifying");
    expect(found[0]).toMatchObject({ kind: "entry", incident: { ref: outage.ref } });
    expect(marked(found[0]!)).toEqual(expect.arrayContaining(["retries", "amplifying"]));
    const links = (await search("router")).map((r) => r.link);
    const without = (await search("router -rollback")).map((r) => r.link);
    expect(without.length).toBeGreaterThan(0);
    expect(without.length).toBeLessThan(links.length);
  });

  it("finds an incident by its title, linked to its room", async () => {
    const declared = await app.api.post("/api/v1/incidents", {
      title: "Quokka gateway brownout in Frankfurt",
      severity: "SEV3",
      summary: "Elevated 502s.",
    });
    const { ref } = declared.body.incident;
    const [first] = await search("quokka brownout");
    expect(first).toMatchObject({
      kind: "incident",
      link: `/incidents/${ref}`,
      title: "Quokka gateway brownout in Frankfurt",
      incident: { ref },
    });
    expect(marked(first!)).toEqual(expect.arrayContaining(["quokka", "brownout"]));
    // renamed: found by its new title, not its old one
    const renamed = await app.api.patch(`/api/v1/incidents/${ref}`, { title: "Wombat gateway brownout in Frankfurt" });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(await search("quokka")).toEqual([]);
    expect((await search("wombat"))[0]).toMatchObject({ kind: "incident", link: `/incidents/${ref}` });
    // the demo outage by words of its title, among incidents only
    const incidents = await search("unavailable worldwide", "&kinds=incident");
    expect(incidents[0]).toMatchObject({ kind: "incident", link: `/incidents/${outage.ref}` });
    expect(incidents.every((r) => r.kind === "incident")).toBe(true);
  });

  it("finds a post-mortem section, generated or written, linked to that section", async () => {
    // The demo outage's post-mortem comes published, with what its author wrote beside what was generated.
    const id = (await app.api.get(`/api/v1/incidents/${outage.ref}/postmortem`)).body.postmortem.id;
    const generatedSections = await search("break-glass", "&kinds=postmortem");
    expect(generatedSections.length).toBeGreaterThan(0);
    expect(generatedSections.every((r) => r.link.startsWith(`/postmortems/${id}#section-`))).toBe(true);
    const [written] = await search(`"bastion host"`, "&kinds=postmortem");
    expect(written).toMatchObject({ kind: "postmortem", link: `/postmortems/${id}#section-root_cause`, incident: { ref: outage.ref } });

    // A draft's section written through the API is found by its new words.
    const draft = await app.api.post("/api/v1/incidents/INC-2/postmortem");
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const draftId = draft.body.postmortem.id;
    const text = "The zeppelin cache evicted every hot key when the router fleet restarted at once.";
    const body = JSON.stringify({ doc: paragraph(text) });
    const json = { "content-type": "application/json" };
    const put = await app.api.raw("PUT", `/api/v1/postmortems/${draftId}/sections/root_cause`, body, json);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const [first] = await search(`"zeppelin cache"`);
    expect(first).toMatchObject({ kind: "postmortem", link: `/postmortems/${draftId}#section-root_cause`, incident: { ref: "INC-2" } });
    expect(first!.title).toMatch(/Root cause/);
    expect(marked(first!)).toEqual(["zeppelin cache"]);
  });

  describe("timeline entries as they change", () => {
    let timeline: string;
    beforeAll(async () => {
      const declared = await app.api.post("/api/v1/incidents", { title: "Search follows the timeline", severity: "SEV4" });
      timeline = `/api/v1/incidents/${declared.body.incident.id}/timeline`;
    });

    it("finds an edited entry by its new words, not its old ones", async () => {
      const posted = await app.api.post(timeline, { body: "The walrus dashboard is flapping between green and red." });
      expect(posted.status).toBe(201);
      expect((await search("walrus")).map((r) => r.title)).toContain(`Note #${posted.body.entry.seq}`);
      const edited = await app.api.patch(`${timeline}/${posted.body.entry.id}`, {
        body: "The narwhal dashboard is flapping between green and red.",
      });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      expect(await search("walrus")).toEqual([]);
      const [found] = await search("narwhal");
      expect(found).toMatchObject({ kind: "entry", title: `Note #${posted.body.entry.seq}` });
      expect(marked(found!)).toEqual(["narwhal"]);
    });

    it("does not find a deleted entry", async () => {
      const posted = await app.api.post(timeline, { body: "Ocelot canary rolled out to eu-west." });
      expect(await search("ocelot")).toHaveLength(1);
      expect((await app.api.delete(`${timeline}/${posted.body.entry.id}`)).status).toBe(200);
      expect(await search("ocelot")).toEqual([]);
      expect(await search(`"ocelot canary"`, "&kinds=entry")).toEqual([]);
    });
  });

  it("pages through many results with a cursor, without repeating one", async () => {
    const first = await app.api.get("/api/v1/search?q=router&limit=3");
    expect(first.body.results).toHaveLength(3);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await app.api.get(`/api/v1/search?q=router&limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.status).toBe(200);
    const links = [...first.body.results, ...second.body.results].map((r: Result) => r.link);
    expect(new Set(links).size).toBe(links.length);
  });

  it("treats full-text syntax in a query as text: never a 500", async () => {
    const queries = [
      `"`,
      `""`,
      `"rollback`,
      `*`,
      `rollback*`,
      `NEAR(rollback blocked)`,
      `NEAR(`,
      `-`,
      `--`,
      `-rollback`,
      `text:rollback`,
      `:`,
      `^router`,
      `(`,
      `)`,
      `AND OR NOT`,
      `'`,
      `\\`,
      `%_`,
      `router | config & !x <-> y`,
      `a:*`,
      `{text}: router`,
      `the`,
      `🔥 outage`,
    ];
    for (const q of queries) {
      const res = await app.api.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.status, `${q}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(Array.isArray(res.body.results), q).toBe(true);
    }
  });

  it("refuses an empty, blank, missing or 500-character query, and a bad cursor or limit, with 400", async () => {
    for (const path of [
      "/api/v1/search?q=",
      "/api/v1/search?q=%20%20",
      "/api/v1/search",
      `/api/v1/search?q=${"a".repeat(500)}`,
      "/api/v1/search?q=router&cursor=xyz",
      "/api/v1/search?q=router&limit=0",
      "/api/v1/search?q=router&kinds=users",
    ]) {
      const res = await app.api.get(path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code, path).toBe("bad_request");
    }
  });

  it("lets a viewer search, and nobody without a token", async () => {
    const viewer = api(app.baseUrl, (await app.api.post("/api/v1/tokens", { name: "viewer", role: "viewer" })).body.token);
    expect((await viewer.get("/api/v1/search?q=router")).status).toBe(200);
    expect((await api(app.baseUrl, null).get("/api/v1/search?q=router")).status).toBe(401);
  });

  it("shows the results page with the matched words marked, and a 400 for a too long query", async () => {
    const page = await fetch(`${app.baseUrl}/search?q=${encodeURIComponent('"rollback blocked"')}`, {
      headers: { authorization: `Bearer ${app.adminToken}` },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<mark[^>]*>Rollback blocked<\/mark>/);
    expect(html).toContain(`href="/incidents/${outage.ref}?entry=`);
    // what an entry says is shown as text, never as markup
    const declared = await app.api.post("/api/v1/incidents", { title: "Markup in a timeline", severity: "SEV4" });
    await app.api.post(`/api/v1/incidents/${declared.body.incident.id}/timeline`, {
      body: "Pasted <img src=x onerror=alert(1)> from the pangolin dashboard",
    });
    const hostile = await (
      await fetch(`${app.baseUrl}/search?q=pangolin`, { headers: { authorization: `Bearer ${app.adminToken}` } })
    ).text();
    expect(hostile).toMatch(/<mark[^>]*>pangolin<\/mark>/);
    expect(hostile).not.toContain("<img src=x");
    const tooLong = await fetch(`${app.baseUrl}/search?q=${"a".repeat(500)}`, { headers: { authorization: `Bearer ${app.adminToken}` } });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain("at most 200 characters");
  });
});
