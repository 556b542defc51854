// The audit log reads in names: the page names each event's incident ("INC-12 Checkout errors"),
// update, person and component, and the people, components and incidents a change recorded by id,
// where it showed ids before. The ids stay on hover (title) and in the exports' columns.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { addPerson, signInAs, userIdOf } from "./people.ts";

/** What a reader sees: the page's text without its scripts, the raw JSON on demand, tags and attributes. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<pre[\s\S]*?<\/pre>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"');
}

describe.each(databases())("the audit log in names on %s", (database) => {
  let app: TestApp;
  let cookie: string;
  let incident: { id: string; ref: string; title: string };
  let responder: { id: string; name: string };
  let updateId: string;

  const page = async (query: string) => {
    const response = await fetch(`${app.baseUrl}/admin/audit?${query}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    app = await startApp({ database });
    cookie = await signInAs(app, "admin@northwind.example");
    const title = `Names not ids ${Math.random().toString(36).slice(2, 8)}`;
    incident = (await app.api.post("/api/v1/incidents", { title, severity: "SEV3" })).body.incident;
    const id = await userIdOf(app, "responder@northwind.example");
    const [row] = await app.db.rows<{ name: string }>(`SELECT "name" FROM "User" WHERE "id" = ?`, id);
    responder = { id, name: row!.name };
    expect((await app.api.patch(`/api/v1/incidents/${incident.id}`, { commanderId: id })).status).toBe(200);
    const drafted = await app.api.post(`/api/v1/incidents/${incident.id}/updates`, { status: "investigating", body: "Looking into it." });
    expect(drafted.status).toBe(201);
    updateId = drafted.body.update.id;
  });
  afterAll(() => app?.stop());

  it("names the incident of its events, and the commander a change recorded by id; the ids are on hover only", async () => {
    const html = await page(`entityType=Incident&entityId=${incident.id}`);
    const text = visibleText(html);
    expect(text).toContain(`${incident.ref} ${incident.title}`);
    expect(html).toMatch(
      new RegExp(`<a href="/incidents/${incident.ref}"[^>]*title="Incident id ${incident.id}"[^>]*>${incident.ref} ${incident.title}</a>`),
    );
    expect(html).toMatch(new RegExp(`<ins[^>]*title="after: [^"]*${responder.id}[^"]*"[^>]*>${responder.name}</ins>`));
    expect(text).not.toContain(incident.id);
    expect(text).not.toContain(responder.id);
  });

  it("names an update by its status and incident, and the incident its draft recorded by id", async () => {
    const html = await page(`entityType=StatusUpdate&entityId=${updateId}`);
    const text = visibleText(html);
    expect(text).toContain(`Investigating update of ${incident.ref} ${incident.title}`);
    expect(html).toMatch(new RegExp(`<ins[^>]*title="after: ${incident.id}"[^>]*>${incident.ref} ${incident.title}</ins>`));
    expect(text).not.toContain(updateId);
    expect(text).not.toContain(incident.id);
  });

  it("names a person an admin added, and a component changed in the catalog", async () => {
    const person = await addPerson(app, cookie, "viewer", "named");
    const userPage = visibleText(await page(`entityType=User&entityId=${person.id}`));
    expect(userPage).toMatch(new RegExp(`Trust named \\d+ \\(${person.email.replace(/\./g, "\\.")}\\)`));
    expect(userPage).not.toContain(person.id);

    const { components } = (await app.api.get("/api/v1/components")).body;
    const component = components.find((c: { group: boolean }) => !c.group);
    const patched = await app.api.patch(`/api/v1/components/${component.id}`, { description: "Renamed for the audit test." });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const componentPage = visibleText(await page(`entityType=Component&entityId=${component.id}`));
    expect(componentPage).toContain(component.name);
    expect(componentPage).not.toContain(component.id);
  });

  it("keeps the ids in the exports, beside the names", async () => {
    const csv = await (
      await fetch(`${app.baseUrl}/admin/audit.csv?entityType=Incident&entityId=${incident.id}`, { headers: { cookie } })
    ).text();
    const [header, ...lines] = csv.trimEnd().split("\r\n");
    expect(header).toContain("entity_type,entity_label,entity_id,entity_link");
    for (const line of lines)
      expect(line).toContain(`,Incident,${incident.ref} ${incident.title},${incident.id},/incidents/${incident.ref},`);
    const jsonl = (
      await (await fetch(`${app.baseUrl}/admin/audit.jsonl?entityType=Incident&entityId=${incident.id}`, { headers: { cookie } })).text()
    )
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(jsonl[0].entity).toEqual({
      type: "Incident",
      id: incident.id,
      label: `${incident.ref} ${incident.title}`,
      link: `/incidents/${incident.ref}`,
    });
  });
});
