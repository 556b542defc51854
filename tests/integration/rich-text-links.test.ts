// Links through the API, disguised the ways a filter misses them (tests/fixtures/xss-payloads.ts):
// a dangerous scheme in any case, after spaces or control characters, split by a tab, written with
// entities, each carrying https:, mailto: or a path further on. A timeline entry refuses them, a
// post-mortem section stores the text without the link, and a notice's HTML keeps no such href.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DISGUISED_HREFS } from "../fixtures/xss-payloads.ts";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";

/** NUL cannot be stored at all: a request carrying it is refused whole (422) before any check of links. */
const STORABLE = DISGUISED_HREFS.filter((h) => !h.includes("\u0000"));

const linked = (text: string, href: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text, marks: [{ type: "link", attrs: { href } }] }] }],
});

/** Every link mark's href in a document, in order. */
function linkHrefs(node: unknown): string[] {
  const { marks = [], content = [] } = node as { marks?: { type: string; attrs?: { href?: string } }[]; content?: unknown[] };
  return [...marks.filter((m) => m.type === "link").map((m) => m.attrs?.href ?? ""), ...content.flatMap(linkHrefs)];
}

describe.each(databases())("disguised links through the API on %s", (database) => {
  let app: TestApp;
  let incidentId: string;
  let postmortemId: string;

  beforeAll(async () => {
    app = await startApp({ database });
    incidentId = (await app.api.post("/api/v1/incidents", { title: "Links check", severity: "SEV4" })).body.incident.id;
    const generated = await app.api.post("/api/v1/incidents/INC-2/postmortem");
    expect(generated.status, JSON.stringify(generated.body)).toBe(201);
    postmortemId = generated.body.postmortem.id;
  });
  afterAll(() => app?.stop());

  it("refuses a timeline entry linking to any of them, naming the body, and stores nothing", async () => {
    const before = await app.db.count("TimelineEntry", `"incidentId" = ?`, incidentId);
    for (const href of DISGUISED_HREFS) {
      const refused = await app.api.post(`/api/v1/incidents/${incidentId}/timeline`, { body: linked("the runbook", href) });
      expect(refused.status, href).toBe(422);
      expect(Object.keys(refused.body.error.fields).join(), href).toMatch(/body/);
    }
    expect(await app.db.count("TimelineEntry", `"incidentId" = ?`, incidentId)).toBe(before);
    // The safe ones, in capitals too, are links.
    const ok = await app.api.post(`/api/v1/incidents/${incidentId}/timeline`, { body: linked("the runbook", "HTTPS://WIKI.EXAMPLE/RB") });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(linkHrefs(ok.body.entry.doc)).toEqual(["HTTPS://WIKI.EXAMPLE/RB"]);
  });

  it("keeps them text when typed as light Markdown", async () => {
    for (const href of STORABLE.filter((h) => !/\s/.test(h))) {
      const created = await app.api.post(`/api/v1/incidents/${incidentId}/timeline`, { body: `see [the runbook](${href})` });
      expect(created.status, href).toBe(201);
      expect(
        linkHrefs(created.body.entry.doc).filter((h) => !h.startsWith("https://evil.example/")),
        href,
      ).toEqual([]);
    }
  });

  it("stores a post-mortem section with their text and without their links", async () => {
    for (const href of STORABLE) {
      const put = await app.api.raw(
        "PUT",
        `/api/v1/postmortems/${postmortemId}/sections/lessons`,
        JSON.stringify({ doc: linked("the runbook", href) }),
        {
          "content-type": "application/json",
        },
      );
      expect(put.status, href).toBe(200);
      expect(linkHrefs(put.body.section.doc), href).toEqual([]);
      expect(put.body.section.markdown, href).toBe("the runbook");
    }
    const stored = (await app.api.get(`/api/v1/postmortems/${postmortemId}/sections/lessons`)).body.section;
    expect(linkHrefs(stored.doc)).toEqual([]);
  });

  it("keeps no such href in a notice's HTML", async () => {
    const attribute = (href: string) => href.replace(/&(?!#|colon)/g, "&amp;").replace(/"/g, "&quot;");
    const html =
      STORABLE.map((href, i) => `<p><a href="${attribute(href)}">link ${i}</a></p>`).join("") +
      '<p><a href="HTTPS://EXAMPLE.COM/OK">ok</a></p>';
    const saved = await app.api.raw("PUT", "/api/v1/notice-templates/incident.updated", JSON.stringify({ html }), {
      "content-type": "application/json",
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const { preview } = (await app.api.get("/api/v1/notice-templates/incident.updated")).body;
    expect(preview.html).toContain("link 0");
    expect([...preview.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(["HTTPS://EXAMPLE.COM/OK"]);
  });
});
