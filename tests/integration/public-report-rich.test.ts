// The public root-cause report as rich text (issue 14, item 2), over real HTTP on each database:
// drafted from a post-mortem whose root cause names internal services and versions (the draft's
// lint names them), reworded with headings, lists and links, approved by a second person and
// published; then read everywhere it goes: the incident's page, both feeds, the Statuspage JSON,
// the email's two parts, and the history's one-line excerpt.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import { signedInApi } from "./postmortem-fixtures.ts";

const ROOT_CAUSE = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [{ type: "text", text: "The api-gateway-v2 rollout of v2.31.4 applied a per-replica limit to whole clusters." }],
    },
    {
      type: "bulletList",
      content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "redis-cluster-3 filled up" }] }] }],
    },
  ],
};

const REWORDED = `## What happened
Chat and the API failed for **most customers** for about five and a half hours.

## Why it happened
A configuration change limited how many requests each group of servers could take.

- The limit was meant for one server, not a group
- Nothing checked it before it went out

## What we will do
1. Check limits against the size of each group before a change goes out
2. Practise rolling back every quarter

More in [our engineering blog](https://northwind.test/blog/routing) · [do not follow](javascript:alert(1)) <script>alert(1)</script>`;

/** An element's text as a feed reader reads it: a CDATA section as it is, anything else with its entities decoded. */
function decoded(xml: string): string {
  const cdata = /<!\[CDATA\[([\s\S]*?)\]\]>/.exec(xml);
  if (cdata) return cdata[1];
  return xml
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

function expectRich(html: string, where: string) {
  expect(html, where).toMatch(/<h3>(<span>)?Why it happened(<\/span>)?<\/h3>/);
  expect(html, where).toMatch(/<ul><li><p>(<span>)?The limit was meant for one server/);
  expect(html, where).toMatch(/<ol><li><p>(<span>)?Check limits against the size/);
  expect(html, where).toMatch(/<strong>most customers<\/strong>/);
  expect(html, where).toMatch(/<a href="https:\/\/northwind\.test\/blog\/routing"[^>]*>(<span>)?our engineering blog/);
  expect(html, where).not.toMatch(/href="javascript:|<script>alert/i);
  expect(html, where).not.toContain("## ");
}

describe.each(databases())("the rich root-cause report on %s", (database) => {
  let app: TestApp;
  let comms: Api;
  let secondPerson: Api;
  let incidentId: string;
  let reportId: string;

  beforeAll(async () => {
    app = await startApp({ database });
    comms = await signedInApi(app, "comms@northwind.example");
    secondPerson = await signedInApi(app, "admin@northwind.example");
    incidentId = (await app.api.get("/api/v1/incidents/INC-2")).body.incident.id;
    const pm = (await app.api.post("/api/v1/incidents/INC-2/postmortem")).body.postmortem;
    const saved = await app.api.raw("PUT", `/api/v1/postmortems/${pm.id}/sections/root_cause`, JSON.stringify({ doc: ROOT_CAUSE }), {
      "content-type": "application/json",
    });
    expect(saved.status).toBe(200);
    expect(
      (await app.api.post("/api/v1/subscribers", { email: `rich-${database}@customer.example`, confirmedAt: "2026-01-01T00:00:00Z" }))
        .status,
    ).toBe(201);
    const drafted = await comms.post(`/api/v1/postmortems/${pm.id}/public-report`);
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    reportId = drafted.body.update.id;
  });
  afterAll(() => app?.stop());

  it("is drafted in rich text with what the writers formatted, and its lint names the internal words to reword", async () => {
    const draft = (await comms.get(`/api/v1/updates/${reportId}`)).body.update;
    expect(draft.body).toContain(
      "## Why it happened\nThe api-gateway-v2 rollout of v2.31.4 applied a per-replica limit to whole clusters.\n\n" +
        "- redis-cluster-3 filled up",
    );
    expect(draft.lint).toEqual([
      {
        rule: "internal-terms",
        severity: "warning",
        message: "Reword for customers: 'api-gateway-v2', 'v2.31.4', 'redis-cluster-3'",
        terms: ["api-gateway-v2", "v2.31.4", "redis-cluster-3"],
      },
    ]);
    // the comms tab lists it with the same lint
    const listed = (await comms.get(`/api/v1/incidents/${incidentId}/updates`)).body.updates.find((u: { id: string }) => u.id === reportId);
    expect(listed.lint[0].terms).toEqual(["api-gateway-v2", "v2.31.4", "redis-cluster-3"]);

    const edited = await comms.patch(`/api/v1/updates/${reportId}`, { body: REWORDED });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.update.lint).toEqual([]);
  });

  it("once published, has its headings, lists and links on its page, in both feeds and the email; plain text in the JSON", async () => {
    expect((await secondPerson.post(`/api/v1/updates/${reportId}/approve`)).status).toBe(200);
    const published = await comms.post(`/api/v1/updates/${reportId}/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(200);

    expectRich(await (await fetch(`${app.baseUrl}/status/incidents/${incidentId}`)).text(), "incident page");

    const atom = await (await fetch(`${app.baseUrl}/history.atom`)).text();
    const entry = atom.slice(atom.indexOf(`/status/incidents/${incidentId}</id>`));
    const content = entry.slice(entry.indexOf("<content"), entry.indexOf("</content>"));
    expect(content).toMatch(/^<content type="html">/);
    expectRich(decoded(content), "Atom");
    const rss = await (await fetch(`${app.baseUrl}/history.rss`)).text();
    const item = rss.slice(rss.indexOf(`/status/incidents/${incidentId}</link>`));
    expectRich(decoded(item.slice(item.indexOf("<content:encoded>"), item.indexOf("</content:encoded>"))), "RSS");

    const json = (await (await fetch(`${app.baseUrl}/api/v2/incidents.json`)).json()) as {
      incidents: { id: string; incident_updates: { status: string; body: string }[] }[];
    };
    const body = json.incidents.find((i) => i.id === incidentId)!.incident_updates[0].body;
    expect(body).toContain(
      "What happened\nChat and the API failed for most customers for about five and a half hours.\n\nWhy it happened\n",
    );
    expect(body).toContain("- The limit was meant for one server, not a group\n- Nothing checked it before it went out");
    expect(body).toContain("1. Check limits against the size of each group before a change goes out");
    expect(body).toContain("our engineering blog (https://northwind.test/blog/routing)");
    expect(body).not.toMatch(/##|\*\*/);

    const deadline = Date.now() + 20_000;
    let mail: { html: string; text: string } | undefined;
    while (!mail && Date.now() < deadline) {
      [mail] = await app.db.rows<{ html: string; text: string }>(
        `SELECT "html", "text" FROM "OutboxEmail" WHERE "to" = ? AND "subject" LIKE ?`,
        `rich-${database}@customer.example`,
        "%Root-cause report%",
      );
      if (!mail) await new Promise((r) => setTimeout(r, 200));
    }
    expect(mail, "the report's email in the outbox").toBeDefined();
    expectRich(mail!.html, "email HTML");
    expect(mail!.text).toContain(
      "Why it happened\nA configuration change limited how many requests each group of servers could take.\n\n- The limit was meant",
    );
    expect(mail!.text).toContain("our engineering blog (https://northwind.test/blog/routing)");
    expect(mail!.text).not.toMatch(/##|\*\*|<h3>/);
  });

  it("shows one clean line of it in the history list", async () => {
    const history = await (await fetch(`${app.baseUrl}/status/history`)).text();
    const at = history.indexOf(`/status/incidents/${incidentId}"`);
    const excerpt = /<span data-excerpt="">([^<]*)<\/span>/.exec(history.slice(at))![1];
    expect(excerpt).toBe("Chat and the API failed for most customers for about five and a half hours.");
    expect(history.slice(at, history.indexOf("</li>", at))).toContain(">Postmortem</span>");
  });
});
