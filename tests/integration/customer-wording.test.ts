// The words customers read, end to end: resolving restores every component, and the Resolved
// update drafted from the shipped template still names what was affected, in correct English,
// on the page, in the v2 JSON, in the feed and in the email. Named templates through the API:
// created, listed, used in a draft (by name, key or id), renamed, refused when broken, deleted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wordingDefects } from "~/modules/notices/wording-checks.ts";
import { api, databases, startApp, type TestApp } from "../setup/app-server.ts";
import { cookieOf, generatedPostmortem, signedInApi } from "./postmortem-fixtures.ts";

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const HOUR = 3_600_000;
/** How the page and the feed write text ("Login &amp; accounts"). */
const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

type Component = { id: string; name: string; group: boolean; groupId: string | null };
type Named = { id: string; key: string; status: string; name: string; source: string };

describe.each(databases())("customer wording on %s", (database) => {
  let app: TestApp;
  /** leaves, with the name the public sees ("API - Messages endpoint") */
  let leaves: { id: string; publicName: string }[];

  async function waitForEmail(subjectPart: string, to: string): Promise<{ subject: string; text: string }> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const rows = await app.db.rows<{ subject: string; text: string }>(
        `SELECT "subject", "text" FROM "OutboxEmail" WHERE "subject" LIKE ? AND "to" = ?`,
        `%${subjectPart}%`,
        to,
      );
      if (rows.length) return rows[0];
      if (Date.now() > deadline) throw new Error(`no email about "${subjectPart}" to ${to}\n${app.logs()}`);
      await delay(200);
    }
  }

  const put = (path: string, body: unknown) => app.api.raw("PUT", path, JSON.stringify(body), { "content-type": "application/json" });

  const checks = (names: string[]) => ({
    subjects: [
      { text: names.join(" and "), plural: names.length > 1 },
      ...names.map((text) => ({ text, plural: false })),
      { text: "some of our services", plural: true },
    ],
    components: [],
    forCustomers: true,
  });

  async function declare(title: string, components: { id: string; impact: string }[]) {
    const startedAt = new Date(Date.now() - 2 * HOUR - 14 * 60_000).toISOString();
    const response = await app.api.post("/api/v1/incidents", { title, severity: "SEV3", components, startedAt, detectedAt: startedAt });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.incident as { id: string };
  }

  /** Investigating, published with the shipped template, moving the components to their impact. */
  async function publishFirst(incidentId: string, moves: { id: string; status: string }[]) {
    const first = await app.api.post(`/api/v1/incidents/${incidentId}/updates`, {
      status: "investigating",
      components: moves,
      publish: true,
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    return first.body.update as { body: string };
  }

  /** Resolves the incident (every impact ends), then publishes the shipped Resolved update. */
  async function resolveAndPublish(incidentId: string, moves: { id: string; status: string }[]) {
    const resolved = await app.api.patch(`/api/v1/incidents/${incidentId}`, { status: "resolved" });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body.incident.components).toEqual([]);
    const update = await app.api.post(`/api/v1/incidents/${incidentId}/updates`, { status: "resolved", components: moves, publish: true });
    expect(update.status, JSON.stringify(update.body)).toBe(201);
    expect(update.body.update.state).toBe("published");
    return update.body.update as { id: string; body: string };
  }

  beforeAll(async () => {
    app = await startApp({ database });
    const { components } = (await app.api.get("/api/v1/components")).body as { components: Component[] };
    const groups = new Map(components.filter((c) => c.group).map((c) => [c.id, c.name]));
    leaves = components
      .filter((c) => !c.group)
      .map((c) => ({ id: c.id, publicName: c.groupId && groups.has(c.groupId) ? `${groups.get(c.groupId)} - ${c.name}` : c.name }));
    const added = await app.api.post("/api/v1/subscribers", {
      email: "wording-reader@example.com",
      confirmedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  });
  afterAll(() => app?.stop());

  it("publishes a Resolved update in correct English naming what was affected: page, v2 JSON, feed and email", async () => {
    const [a, b] = leaves.slice(0, 2);
    const title = "Wording check: errors and slow pages";
    const incident = await declare(title, [{ id: a.id, impact: "partial_outage" }]);
    // the second component is hit a moment later: the texts name them in the order they were affected
    const spread = await app.api.patch(`/api/v1/incidents/${incident.id}`, {
      components: [
        { id: a.id, impact: "partial_outage" },
        { id: b.id, impact: "degraded_performance" },
      ],
    });
    expect(spread.status, JSON.stringify(spread.body)).toBe(200);
    const first = await publishFirst(incident.id, [
      { id: a.id, status: "partial_outage" },
      { id: b.id, status: "degraded_performance" },
    ]);
    // each component with its own impact, not the worst one for both
    expect(first.body).toContain(
      `We are investigating a partial outage of ${a.publicName} and degraded performance of ${b.publicName}, which began at`,
    );

    const update = await resolveAndPublish(incident.id, [
      { id: a.id, status: "operational" },
      { id: b.id, status: "operational" },
    ]);
    expect(update.body).toMatch(
      new RegExp(
        `^This incident has been resolved\\. ${a.publicName} and ${b.publicName} are operating normally again\\. ` +
          `It began at \\d\\d:\\d\\d .+ and lasted about 2 hours 15 minutes\\. We apologise`,
      ),
    );
    expect(wordingDefects(update.body, checks([a.publicName, b.publicName]))).toEqual([]);

    const sentence = escapeXml(`${a.publicName} and ${b.publicName} are operating normally again.`);
    const page = await (await fetch(`${app.baseUrl}/status/incidents/${incident.id}`)).text();
    expect(page).toContain(sentence);
    const v2 = await (await fetch(`${app.baseUrl}/api/v2/incidents.json`)).json();
    const published = v2.incidents.find((i: { id: string }) => i.id === incident.id);
    expect(published.status).toBe("resolved");
    expect(published.incident_updates[0].body).toBe(update.body);
    const feed = await (await fetch(`${app.baseUrl}/history.atom`)).text();
    expect(feed).toContain(sentence);
    const email = await waitForEmail(`Resolved: ${title}`, "wording-reader@example.com");
    expect(email.text).toContain(`Resolved: ${update.body}`);
    const listed = email.text.split("\n").find((line) => line.startsWith("Component status: "));
    const statuses = listed?.slice("Component status: ".length).split("; ");
    expect(statuses?.sort()).toEqual([`${a.publicName}: Operational`, `${b.publicName}: Operational`].sort());
    expect(wordingDefects(email.text, checks([a.publicName, b.publicName]))).toEqual([]);
  });

  it("says it truthfully with one component (singular) and with none (no invented list)", async () => {
    const [one] = leaves.slice(2, 3);
    const single = await declare("Wording check: one component", [{ id: one.id, impact: "major_outage" }]);
    await publishFirst(single.id, [{ id: one.id, status: "major_outage" }]);
    const singleResolved = await resolveAndPublish(single.id, [{ id: one.id, status: "operational" }]);
    expect(singleResolved.body).toContain(`This incident has been resolved. ${one.publicName} is operating normally again. It began at`);
    expect(wordingDefects(singleResolved.body, checks([one.publicName]))).toEqual([]);

    const none = await declare("Wording check: no component", []);
    await publishFirst(none.id, []);
    const noneResolved = await resolveAndPublish(none.id, []);
    expect(noneResolved.body).toMatch(/^This incident has been resolved\. It began at .+ and lasted about 2 hours 15 minutes\./);
    expect(noneResolved.body).not.toMatch(/some of our services/i);
    expect(wordingDefects(noneResolved.body, checks([]))).toEqual([]);
  });

  it("keeps named templates per status: created, listed beside the unchanged defaults, used in a draft, renamed and deleted", async () => {
    const source = "We are investigating an outage at our payment provider affecting {{ components_text }}. Card payments may fail.";
    const created = await app.api.post("/api/v1/templates", { status: "investigating", name: "Card network outage", source });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const template = created.body.template as { id: string; key: string; name: string };
    expect(template).toMatchObject({
      key: "update.investigating.card-network-outage",
      name: "Card network outage",
      status: "investigating",
      source,
    });

    const listed = await app.api.get("/api/v1/templates");
    expect(listed.status).toBe(200);
    expect(listed.body.templates.map((t: { key: string }) => t.key)).toEqual([
      "update.investigating",
      "update.identified",
      "update.monitoring",
      "update.resolved",
    ]);
    expect(listed.body.templates.every((t: { isDefault: boolean }) => t.isDefault)).toBe(true);
    // beside the demo's own named templates, by status then name
    const named = listed.body.namedTemplates as Named[];
    expect(named).toContainEqual(expect.objectContaining({ id: template.id, key: template.key, name: "Card network outage" }));
    expect(named.map((t) => `${t.status}: ${t.name}`).slice(0, 3)).toEqual([
      "investigating: Card network outage",
      "investigating: Degraded performance in one region",
      "investigating: Third-party outage",
    ]);

    const [a] = leaves;
    const incident = await declare("Wording check: payments failing", [{ id: a.id, impact: "partial_outage" }]);
    for (const ref of ["Card network outage", "card network OUTAGE", template.key, template.id]) {
      const draft = await app.api.post(`/api/v1/incidents/${incident.id}/updates`, { status: "investigating", template: ref });
      expect(draft.status, `${ref}: ${JSON.stringify(draft.body)}`).toBe(201);
      expect(draft.body.update.body).toBe(
        `We are investigating an outage at our payment provider affecting ${a.publicName}. Card payments may fail.`,
      );
    }
    const [drafted] = await app.db.rows<{ after: unknown }>(
      `SELECT "after" FROM "AuditEvent" WHERE "action" = 'update.drafted' ORDER BY "at" DESC LIMIT 1`,
    );
    expect(typeof drafted.after === "string" ? JSON.parse(drafted.after) : drafted.after).toMatchObject({ template: template.id });

    // a template of another status, an unknown one, or one given with a body is named in a 422
    for (const body of [
      { status: "identified", template: "Card network outage" },
      { status: "investigating", template: "Nothing like it" },
      { status: "investigating", template: "Card network outage", body: "Typed by hand." },
    ]) {
      const refused = await app.api.post(`/api/v1/incidents/${incident.id}/updates`, body);
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.body.error.fields.template).toBeTruthy();
    }

    const renamed = await put(`/api/v1/templates/${template.key}`, { name: "Payment provider outage" });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.template).toMatchObject({ id: template.id, key: "update.investigating.payment-provider-outage", source });
    expect((await put(`/api/v1/templates/${template.key}`, { name: "Again" })).status).toBe(404);

    const duplicate = await app.api.post("/api/v1/templates", { status: "investigating", name: "payment provider OUTAGE", source });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toBe("There is already an investigating template called “Payment provider outage”.");
    expect(duplicate.body.error.fields.name).toBeTruthy();

    const removed = await app.api.delete(`/api/v1/templates/${template.id}`);
    expect(removed.status).toBe(204);
    const ids = (await app.api.get("/api/v1/templates")).body.namedTemplates.map((t: { id: string }) => t.id);
    expect(ids).not.toContain(template.id);
    expect(
      (await app.api.post(`/api/v1/incidents/${incident.id}/updates`, { status: "investigating", template: template.id })).status,
    ).toBe(422);
    const audited = await app.db.rows<{ action: string }>(
      `SELECT "action" FROM "AuditEvent" WHERE "entityId" = ? ORDER BY "at", "id"`,
      template.id,
    );
    expect(audited.map((r) => r.action)).toEqual(["template.created", "template.renamed", "template.deleted"]);
  });

  it("refuses a named template that does not parse, names an unknown variable or breaks on another incident, storing nothing", async () => {
    const before = await app.db.count("NamedTemplate");
    for (const [source, reason] of [
      ["{% if components.size > 0 %}unclosed", /does not parse/],
      ["Affected: {{ compnents_text }}.", /compnents_text/],
      ["{{ components | plural }} down", /plural needs two words/],
      ["{% if components.size > 0 %}{{ components.first }} is down.{% endif %}", /no text.*no component affected/],
    ] as const) {
      const refused = await app.api.post("/api/v1/templates", { status: "identified", name: "Broken one", source });
      expect(refused.status, source).toBe(422);
      expect(refused.body.error.fields.source, source).toMatch(reason);
    }
    const bad = await app.api.post("/api/v1/templates", { status: "postmortem", name: "", source: 3 });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["name", "source", "status"]);
    expect(await app.db.count("NamedTemplate")).toBe(before);

    const kept = await app.api.post("/api/v1/templates", {
      status: "resolved",
      name: "Resolved after a provider outage",
      source: "This incident has been resolved. Our provider has fixed the fault.",
    });
    expect(kept.status).toBe(201);
    const broken = await put(`/api/v1/templates/${kept.body.template.id}`, { source: "{{ nope }}" });
    expect(broken.status).toBe(422);
    const stored = ((await app.api.get("/api/v1/templates")).body.namedTemplates as Named[]).find((t) => t.id === kept.body.template.id);
    expect(stored?.source).toBe("This incident has been resolved. Our provider has fixed the fault.");
  });

  it("credits everyone who wrote any of the post-mortem's text as its authors, not only who generated it", async () => {
    const dana = await signedInApi(app, "responder@northwind.example");
    const sofia = await signedInApi(app, "sofia.lindqvist@northwind.example");
    const pm = await generatedPostmortem(app, dana, "Wording check: authors");
    const doc = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "A config push capped the router's connection pool." }] }],
    };
    const replaced = await sofia.raw("PUT", `/api/v1/postmortems/${pm.id}/sections/root_cause`, JSON.stringify({ doc }));
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    const cookie = await cookieOf(app, "viewer@northwind.example");
    const markdown = await (await fetch(`${app.baseUrl}/postmortems/${pm.id}.md`, { headers: { cookie } })).text();
    expect(markdown).toContain("- **Authors:** Dana Whitfield and Sofia Lindqvist; not approved yet");
    const page = await (await fetch(`${app.baseUrl}/postmortems/${pm.id}`, { headers: { cookie } })).text();
    expect(page).toMatch(/data-testid="authors">Dana Whitfield and Sofia Lindqvist<span[^>]*>; not approved yet/);
  });

  it("lets only admins keep templates", async () => {
    const comms = api(app.baseUrl, (await app.api.post("/api/v1/tokens", { name: "comms for wording", role: "comms" })).body.token);
    expect((await comms.post("/api/v1/templates", { status: "resolved", name: "Not mine", source: "Resolved." })).status).toBe(403);
    expect((await comms.delete("/api/v1/templates/update.resolved")).status).toBe(403);
  });
});
