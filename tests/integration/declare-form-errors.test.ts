// The declare form answers a bad submission with 422 and the form again: each error beside its
// field, naming it ("Title: must not be empty"), the field marked aria-invalid and described by
// its error, and everything typed still there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { signInAs } from "./people.ts";

const GOOD = { title: "Checkout latency in eu-west", severity: "SEV2", summary: "Customers wait 20 s at checkout.", lead: "me" };

/** The tag of the control named `name` (input, select or textarea). */
function controlTag(html: string, name: string): string {
  const tag = html.match(new RegExp(`<(input|select|textarea)[^>]*name="${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>`));
  expect(tag, `a control named ${name}`).not.toBeNull();
  return tag![0];
}

/** The text of the element with this id. */
function textOf(html: string, id: string): string {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const element = html.match(new RegExp(`<p[^>]*id="${escaped}"[^>]*>([\\s\\S]*?)</p>`));
  expect(element, `an element with id ${id}`).not.toBeNull();
  return element![1]
    .replace(/<!-- -->/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The control is marked invalid and described by an error that names its field. */
function expectFieldError(html: string, name: string, text: RegExp) {
  const tag = controlTag(html, name);
  expect(tag, name).toContain('aria-invalid="true"');
  const describedBy = tag.match(/aria-describedby="([^"]+)"/)?.[1];
  expect(describedBy, `${name} is described by its error`).toBeTruthy();
  expect(textOf(html, describedBy!)).toMatch(text);
}

describe.each(databases())("the declare form's errors on %s", (database) => {
  let app: TestApp;
  let cookie: string;
  let messages: string;
  let incidentsBefore: number;

  const post = async (fields: Record<string, string>) => {
    const response = await fetch(`${app.baseUrl}/incidents/new`, {
      method: "POST",
      headers: { cookie, origin: app.baseUrl },
      body: new URLSearchParams(fields),
      redirect: "manual",
    });
    return { status: response.status, html: await response.text() };
  };

  beforeAll(async () => {
    app = await startApp({ database });
    cookie = await signInAs(app, "responder@northwind.example");
    const { components } = (await app.api.get("/api/v1/components")).body;
    messages = components.find((c: { name: string; group: boolean }) => c.name === "Messages" && !c.group).id;
    incidentsBefore = await app.db.count("Incident");
  });
  afterAll(() => app?.stop());

  it("an empty title: 422, 'Title: must not be empty' beside it, and what was typed kept", async () => {
    const { status, html } = await post({ ...GOOD, title: "", [`impact:${messages}`]: "partial_outage" });
    expect(status).toBe(422);
    expectFieldError(html, "title", /^Title: must not be empty$/);
    expect(controlTag(html, "summary")).not.toContain("aria-invalid");
    expect(html).toContain(">Customers wait 20 s at checkout.</textarea>");
    expect(html).toMatch(new RegExp(`<select[^>]*name="impact:${messages}"[^>]*>[\\s\\S]*?<option value="partial_outage" selected=""`));
  });

  it("a title of spaces, a short one and a long one each name the title", async () => {
    expectFieldError((await post({ ...GOOD, title: "   " })).html, "title", /^Title: must not be empty$/);
    expectFieldError((await post({ ...GOOD, title: "ab" })).html, "title", /^Title: must be at least 3 characters$/);
    const long = await post({ ...GOOD, title: "x".repeat(201) });
    expect(long.status).toBe(422);
    expectFieldError(long.html, "title", /^Title: must be at most 200 characters$/);
  });

  it("an unknown severity names Severity; a too long summary names Summary and keeps the title", async () => {
    const severity = await post({ ...GOOD, severity: "SEV9" });
    expect(severity.status).toBe(422);
    expectFieldError(severity.html, "severity", /^Severity: must be one of SEV1, SEV2, SEV3, SEV4$/);
    const summary = await post({ ...GOOD, summary: "y".repeat(5001) });
    expect(summary.status).toBe(422);
    expectFieldError(summary.html, "summary", /^Summary: must be at most 5,000 characters$/);
    expect(controlTag(summary.html, "title")).toContain(`value="${GOOD.title}"`);
  });

  it("an unknown component, an impact that does not exist and an unknown region name what is wrong", async () => {
    const unknown = await post({ ...GOOD, "impact:nosuchcomp": "major_outage" });
    expect(unknown.status).toBe(422);
    expect(unknown.html).toMatch(/Affected components: “nosuchcomp”: no such component/);
    const impact = await post({ ...GOOD, [`impact:${messages}`]: "melted" });
    expect(impact.status).toBe(422);
    expect(impact.html).toMatch(/Affected components: Messages: must be one of/);
    const region = await post({ ...GOOD, regions: "atlantis" });
    expect(region.status).toBe(422);
    expect(region.html).toMatch(/Regions: region 1: no such region/);
  });

  it("a start in the future names Started; several errors at once are each beside their field and summed up", async () => {
    const future = await post({ ...GOOD, startedAt: "2999-01-01T10:00" });
    expect(future.status).toBe(422);
    expectFieldError(future.html, "startedAt", /^Started: /);
    const several = await post({ ...GOOD, title: "", severity: "", summary: "z".repeat(5001) });
    expect(several.status).toBe(422);
    expectFieldError(several.html, "title", /^Title: must not be empty$/);
    expectFieldError(several.html, "severity", /^Severity: /);
    expectFieldError(several.html, "summary", /^Summary: /);
    expect(several.html).toMatch(/3 fields need attention/);
  });

  it("declares nothing while the form is refused, and a good one still lands in the room", async () => {
    expect(await app.db.count("Incident")).toBe(incidentsBefore);
    const good = await post(GOOD);
    expect(good.status).toBe(302);
  });
});
