// "Refresh from the incident" (decision 0042): a section's generated part is rendered again from
// the incident as it is now, and what people wrote stays word for word. Only those who may write
// post-mortems refresh, each refresh is audited, a bad section name is a 422 naming the field,
// and a section stored before the parts were kept apart is refused rather than repeated.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import { cookieOf, generatedPostmortem, signedInApi } from "./postmortem-fixtures.ts";

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const doc = (...content: unknown[]) => ({ type: "doc", content });
type Section = { doc: unknown; generated: unknown; written: unknown; markdown: string; generatedAt: string | null };

describe.each(databases())("refreshing a post-mortem section from the incident on %s", (database) => {
  let app: TestApp;
  let author: Api;

  beforeAll(async () => {
    app = await startApp({ database });
    author = await signedInApi(app, "responder@northwind.example");
  });
  afterAll(async () => {
    await app?.stop();
  });

  const section = async (id: string, key: string): Promise<Section> =>
    (await app.api.get(`/api/v1/postmortems/${id}/sections/${key}`)).body.section;

  async function refresh(email: string, id: string, key: string) {
    const response = await fetch(`${app.baseUrl}/postmortems/${id}/refresh`, {
      method: "POST",
      headers: { cookie: await cookieOf(app, email), origin: app.baseUrl, accept: "application/json" },
      body: new URLSearchParams({ section: key }),
      redirect: "manual",
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // a page: the test sees the text
    }
    return { status: response.status, body: body as { errors?: Record<string, string>; generated?: unknown } };
  }

  it("renders the generated part again from the incident and keeps what people wrote", async () => {
    const pm = await generatedPostmortem(app, author);
    const incidentId = (await app.api.get(`/api/v1/postmortems/${pm.id}`)).body.postmortem.incident.id;
    const before = await section(pm.id, "summary");
    expect(JSON.stringify(before.generated)).toContain("Routing failed after a config push.");
    expect(before.written).toEqual(doc());

    const words = "A config push overloaded routing for 12 minutes; rolling it back fixed it.";
    const put = await author.raw("PUT", `/api/v1/postmortems/${pm.id}/sections/summary`, JSON.stringify({ doc: doc(paragraph(words)) }), {
      "content-type": "application/json",
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(
      (await app.api.patch(`/api/v1/incidents/${incidentId}`, { summary: "Routing and search failed after a config push." })).status,
    ).toBe(200);

    const refreshed = await refresh("responder@northwind.example", pm.id, "summary");
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
    const after = await section(pm.id, "summary");
    expect(JSON.stringify(after.generated)).toContain("Routing and search failed after a config push.");
    expect(JSON.stringify(after.generated)).not.toContain(words);
    expect(after.written).toEqual(doc(paragraph(words)));
    // Reading order: the generated part, then the words.
    expect(after.markdown.indexOf("Routing and search failed")).toBeGreaterThanOrEqual(0);
    expect(after.markdown.indexOf("Routing and search failed")).toBeLessThan(after.markdown.indexOf(words));
    // Search finds the new generated text and the words.
    const [stored] = await app.db.rows<{ text: string }>(
      `SELECT "text" FROM "PostmortemSection" WHERE "postmortemId" = ? AND "key" = 'summary'`,
      pm.id,
    );
    expect(stored!.text).toContain("Routing and search failed");
    expect(stored!.text).toContain(words);

    const audit = await app.db.rows<{ actorId: string; after: unknown }>(
      `SELECT "actorId", "after" FROM "AuditEvent" WHERE "entityId" = ? AND "action" = 'postmortem.section_refreshed'`,
      pm.id,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(pm.author.id);
    expect(JSON.stringify(audit[0]!.after)).toContain("Routing and search failed");
  });

  it("refuses those who may not write post-mortems, and a section that does not exist, changing nothing", async () => {
    const pm = await generatedPostmortem(app, author);
    const before = await section(pm.id, "summary");
    for (const email of ["viewer@northwind.example", "comms@northwind.example"]) {
      const refused = await refresh(email, pm.id, "summary");
      expect(refused.status, email).toBe(403);
    }
    const unknown = await refresh("responder@northwind.example", pm.id, "nope");
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors?.section).toMatch(/must be one of summary/);
    expect(await section(pm.id, "summary")).toEqual(before);
    expect(await app.db.count("AuditEvent", `"entityId" = ? AND "action" = 'postmortem.section_refreshed'`, pm.id)).toBe(0);
  });

  it("refuses a section stored before generated text was kept apart: its generated sentences are in what was written", async () => {
    const pm = await generatedPostmortem(app, author);
    const legacy = doc(paragraph("Written and generated, mixed, as stored before decision 0042."));
    await app.db.execute(
      `UPDATE "PostmortemSection" SET "generated" = NULL, "doc" = ? WHERE "postmortemId" = ? AND "key" = 'impact'`,
      JSON.stringify(legacy),
      pm.id,
    );
    const refused = await refresh("responder@northwind.example", pm.id, "impact");
    expect(refused.status).toBe(409);
    expect(refused.body.errors?._).toMatch(/refreshing would repeat them/);
    const read = await section(pm.id, "impact");
    expect(read.generated).toBeNull();
    expect(read.doc).toEqual(legacy);
  });
});
