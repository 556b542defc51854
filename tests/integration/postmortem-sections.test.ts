// Writing a post-mortem section through the API: people editing it live see the new text at
// once; a document with `javascript:` links or raw HTML is stored sanitized; one of 10 MB, or
// one that is not a document, is refused with the reason and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import { collaborate, docText, signIn, waitFor, type Collaborator } from "../setup/collab-client.ts";

const paragraph = (text: string, marks?: unknown[]) => ({
  type: "paragraph",
  content: [{ type: "text", text, ...(marks ? { marks } : {}) }],
});
const doc = (...content: unknown[]) => ({ type: "doc", content });

describe.each(databases())("replacing a post-mortem section on %s", (database) => {
  let app: TestApp;
  let viewer: Api;
  let id: string;
  const open: Collaborator[] = [];

  beforeAll(async () => {
    app = await startApp({ database });
    viewer = api(app.baseUrl, (await app.api.post("/api/v1/tokens", { name: "viewer", role: "viewer" })).body.token);
    id = (await app.api.post("/api/v1/incidents/INC-2/postmortem")).body.postmortem.id;
  });
  afterAll(async () => {
    for (const c of open) c.destroy();
    await app?.stop();
  });

  const section = async (key: string) => (await app.api.get(`/api/v1/postmortems/${id}/sections/${key}`)).body.section;

  it("reaches people editing live at once, and is stored", async () => {
    const editor = collaborate(app.baseUrl, id, await signIn(app.baseUrl, "responder@northwind.example"));
    open.push(editor);
    await editor.synced();
    const text = "The peering change halved the capacity of the Singapore to Tokyo path.";
    const put = await app.api.raw("PUT", `/api/v1/postmortems/${id}/sections/root_cause`, JSON.stringify({ doc: doc(paragraph(text)) }), {
      "content-type": "application/json",
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.section.markdown).toBe(text);
    await waitFor(
      () => docText(editor.doc, "root_cause"),
      (t) => t === text,
      "the live editor to show the new text",
    );
    // The section reads as its generated part (the incident's hypotheses), then the new text; the PUT replaced the written part only.
    const stored = await section("root_cause");
    expect(stored.written).toEqual(doc(paragraph(text)));
    expect(stored.markdown.endsWith(`\n\n${text}`)).toBe(true);
    // the lint no longer finds the root cause empty
    const lint = (await app.api.get(`/api/v1/postmortems/${id}`)).body.postmortem.lint;
    expect(lint.map((p: { rule: string }) => p.rule)).not.toContain("root-cause-empty");
    const audit = await app.db.rows(
      `SELECT "action" FROM "AuditEvent" WHERE "entityId" = ? AND "action" = 'postmortem.section_replaced'`,
      id,
    );
    expect(audit).toHaveLength(1);
  });

  it("stores a document with a javascript: link, raw HTML and unknown nodes sanitized", async () => {
    const hostile = doc(
      paragraph("click me", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]),
      paragraph("<script>alert(2)</script><img src=x onerror=alert(3)>"),
      { type: "html", content: [{ type: "text", text: "kept as text" }] },
      { type: "iframe", attrs: { src: "https://evil.example" } },
      paragraph("safe", [{ type: "link", attrs: { href: "https://status.example/incidents/1", onclick: "alert(4)" } }]),
    );
    const put = await app.api.raw("PUT", `/api/v1/postmortems/${id}/sections/contributing_factors`, JSON.stringify({ doc: hostile }), {
      "content-type": "application/json",
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const stored = JSON.stringify((await section("contributing_factors")).doc);
    expect(stored).not.toContain("javascript:");
    expect(stored).not.toContain("iframe");
    expect(stored).not.toContain("onclick");
    expect(stored).toContain("click me");
    expect(stored).toContain("<script>alert(2)</script>"); // literal text, rendered escaped
    expect(stored).toContain("kept as text");
    expect(stored).toContain('"href":"https://status.example/incidents/1"');
  });

  it("refuses 10 MB, a body that is not a document, an unknown section and a viewer, and leaves the section as it was", async () => {
    const before = await section("summary");
    const huge = JSON.stringify({ doc: doc(paragraph("x".repeat(10 * 1024 * 1024))) });
    const tooBig = await app.api.raw("PUT", `/api/v1/postmortems/${id}/sections/summary`, huge, { "content-type": "application/json" });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toMatch(/larger than/);

    const notADoc = await app.api.raw("PUT", `/api/v1/postmortems/${id}/sections/summary`, JSON.stringify({ doc: "<p>hello</p>" }), {
      "content-type": "application/json",
    });
    expect(notADoc.status).toBe(422);
    expect(notADoc.body.error.fields.doc).toMatch(/tiptap document/);
    const extra = await app.api.raw("PUT", `/api/v1/postmortems/${id}/sections/summary`, JSON.stringify({ doc: doc(), html: "<b>" }), {
      "content-type": "application/json",
    });
    expect(extra.status).toBe(422);

    const unknown = await app.api.raw("PUT", `/api/v1/postmortems/${id}/sections/secrets`, JSON.stringify({ doc: doc() }), {
      "content-type": "application/json",
    });
    expect(unknown.status).toBe(404);
    const asViewer = await viewer.raw(
      "PUT",
      `/api/v1/postmortems/${id}/sections/summary`,
      JSON.stringify({ doc: doc(paragraph("viewer words")) }),
      { "content-type": "application/json" },
    );
    expect(asViewer.status).toBe(403);
    expect(await section("summary")).toEqual(before);
  });
});
