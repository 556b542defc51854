// The bad requests of bad-input.test.ts, for the objects its beforeAll made: every write endpoint, and on them
// malformed JSON, wrong types, unknown enum values and ids, text and times no database can store, and
// documents nested beyond anything a person writes, each with the status and the field it must be refused with.

export type Case = { name: string; method: string; path: string; body: string | null; status: number[]; field?: string };

/** The objects the requests aim at: an incident's and its entry's paths, a component, a group, another incident's entry. */
export type Targets = { incident: string; entry: string; component: string; group: string; otherIncidentEntry: string };

/** A document nested `depth` blockquotes deep, written out by hand so the test itself needs no deep recursion. */
function deepDocument(depth: number): string {
  const inner = '{"type":"paragraph","content":[{"type":"text","text":"deep"}]}';
  return `{"body":{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(depth)}${inner}${"]}".repeat(depth)}]}}`;
}

/** The write endpoints of the API, at the targets. */
export const writeEndpoints = ({ incident, entry, component }: Pick<Targets, "incident" | "entry" | "component">) => [
  { name: "declare", method: "POST", path: "/api/v1/incidents" },
  { name: "update incident", method: "PATCH", path: incident },
  { name: "add entry", method: "POST", path: `${incident}/timeline` },
  { name: "edit entry", method: "PATCH", path: entry },
  { name: "create component", method: "POST", path: "/api/v1/components" },
  { name: "edit component", method: "PATCH", path: `/api/v1/components/${component}` },
  { name: "create token", method: "POST", path: "/api/v1/tokens" },
];

export const json = (value: unknown) => JSON.stringify(value);
const invalid = (name: string, method: string, path: string, body: unknown, field: string): Case => ({
  name,
  method,
  path,
  body: json(body),
  status: [422],
  field,
});

/** Every bad request, its status and the field its error names. */
export function badRequests(targets: Targets): Case[] {
  const { incident, entry, component, group, otherIncidentEntry } = targets;
  const endpoints = writeEndpoints(targets);
  const declare = (body: object) => json({ title: "Valid title", severity: "SEV3", ...body });
  return [
    ...endpoints.flatMap((e) => [
      { ...e, name: `${e.name}: malformed JSON`, body: '{"title": "unterminated', status: [400] },
      { ...e, name: `${e.name}: JSON that is not an object`, body: "[1,2]", status: [422] },
      { ...e, name: `${e.name}: null`, body: "null", status: [422] },
    ]),
    // wrong types
    invalid("declare: title a number", "POST", "/api/v1/incidents", { title: 42, severity: "SEV2" }, "title"),
    invalid(
      "declare: components a string",
      "POST",
      "/api/v1/incidents",
      { title: "Valid title", severity: "SEV2", components: "api" },
      "components",
    ),
    invalid("update: title an array", "PATCH", incident, { title: ["a"] }, "title"),
    invalid("update: commanderId a number", "PATCH", incident, { commanderId: 7 }, "commanderId"),
    invalid("update: mitigatedAt not a time", "PATCH", incident, { mitigatedAt: "after lunch" }, "mitigatedAt"),
    invalid("update: unknown field", "PATCH", incident, { priority: "high" }, "_"),
    invalid("add entry: body a number", "POST", `${incident}/timeline`, { body: 42 }, "body"),
    invalid("add entry: pinned a string", "POST", `${incident}/timeline`, { body: "x", pinned: "yes" }, "pinned"),
    invalid("add entry: occurredAt not a time", "POST", `${incident}/timeline`, { body: "x", occurredAt: "soon" }, "occurredAt"),
    invalid("add entry: blank body", "POST", `${incident}/timeline`, { body: "   " }, "body"),
    invalid("edit entry: pinned a number", "PATCH", entry, { pinned: 1 }, "pinned"),
    invalid("create component: name a number", "POST", "/api/v1/components", { name: 7 }, "name"),
    invalid("create component: group a string", "POST", "/api/v1/components", { name: "Edge", group: "yes" }, "group"),
    invalid("edit component: position a string", "PATCH", `/api/v1/components/${component}`, { position: "first" }, "position"),
    invalid("create token: name a number", "POST", "/api/v1/tokens", { name: 1, role: "viewer" }, "name"),
    // unknown enum values
    invalid("declare: severity SEV9", "POST", "/api/v1/incidents", { title: "Valid title", severity: "SEV9" }, "severity"),
    invalid(
      "declare: impact melted",
      "POST",
      "/api/v1/incidents",
      { title: "Valid title", severity: "SEV1", components: [{ id: component, impact: "melted" }] },
      "components.0.impact",
    ),
    invalid("update: status done", "PATCH", incident, { status: "done" }, "status"),
    invalid("update: severity SEV9", "PATCH", incident, { severity: "SEV9" }, "severity"),
    invalid("add entry: kind bogus", "POST", `${incident}/timeline`, { body: "x", kind: "bogus" }, "kind"),
    invalid("add entry: kind status-change (not writable)", "POST", `${incident}/timeline`, { body: "x", kind: "status-change" }, "kind"),
    invalid("edit entry: kind bogus", "PATCH", entry, { kind: "bogus" }, "kind"),
    invalid("create token: role root", "POST", "/api/v1/tokens", { name: "x", role: "root" }, "role"),
    // unknown ids
    {
      name: "update: no such incident",
      method: "PATCH",
      path: "/api/v1/incidents/nosuchincid",
      body: json({ status: "resolved" }),
      status: [404],
    },
    {
      name: "add entry: no such incident",
      method: "POST",
      path: "/api/v1/incidents/INC-99999/timeline",
      body: json({ body: "x" }),
      status: [404],
    },
    {
      name: "edit entry: no such entry",
      method: "PATCH",
      path: `${incident}/timeline/nosuchentry`,
      body: json({ body: "x" }),
      status: [404],
    },
    { name: "delete entry: no such entry", method: "DELETE", path: `${incident}/timeline/nosuchentry`, body: null, status: [404] },
    {
      name: "edit entry: another incident's entry",
      method: "PATCH",
      path: `${incident}/timeline/${otherIncidentEntry}`,
      body: json({ body: "x" }),
      status: [404],
    },
    {
      name: "delete entry: another incident's entry",
      method: "DELETE",
      path: `${incident}/timeline/${otherIncidentEntry}`,
      body: null,
      status: [404],
    },
    {
      name: "edit component: no such component",
      method: "PATCH",
      path: "/api/v1/components/nosuchcomp",
      body: json({ name: "x" }),
      status: [404],
    },
    invalid(
      "declare: no such component",
      "POST",
      "/api/v1/incidents",
      { title: "Valid title", severity: "SEV1", components: [{ id: "nosuchcomp", impact: "major_outage" }] },
      "components.0.id",
    ),
    invalid(
      "declare: a group as a component",
      "POST",
      "/api/v1/incidents",
      { title: "Valid title", severity: "SEV1", components: [{ id: group, impact: "major_outage" }] },
      "components.0.id",
    ),
    invalid(
      "declare: no such region",
      "POST",
      "/api/v1/incidents",
      { title: "Valid title", severity: "SEV1", regions: ["mars-north"] },
      "regions.0",
    ),
    invalid(
      "declare: no such commander",
      "POST",
      "/api/v1/incidents",
      { title: "Valid title", severity: "SEV1", commanderId: "nosuchuser" },
      "commanderId",
    ),
    invalid("update: no such commander", "PATCH", incident, { commanderId: "nosuchuser" }, "commanderId"),
    invalid(
      "update: resolve with no such commander (all or nothing)",
      "PATCH",
      incident,
      { status: "resolved", commanderId: "nosuchuser" },
      "commanderId",
    ),
    invalid(
      "update: no such component",
      "PATCH",
      incident,
      { components: [{ id: "nosuchcomp", impact: "partial_outage" }] },
      "components.0.id",
    ),
    invalid("create component: no such group", "POST", "/api/v1/components", { name: "Orphan", groupId: "nosuchgroup" }, "groupId"),
    // text a database cannot store
    invalid("declare: NUL in the title", "POST", "/api/v1/incidents", { title: "nul \u0000 title", severity: "SEV2" }, "title"),
    invalid("add entry: NUL in the body", "POST", `${incident}/timeline`, { body: "nul \u0000 body" }, "body"),
    invalid("add entry: unpaired surrogate", "POST", `${incident}/timeline`, { body: "half \ud800 a pair" }, "body"),
    invalid("create component: NUL in the name", "POST", "/api/v1/components", { name: "c\u0000" }, "name"),
    invalid("create token: NUL in the name", "POST", "/api/v1/tokens", { name: "t\u0000", role: "viewer" }, "name"),
    invalid("update: NUL as commander id", "PATCH", incident, { commanderId: "\u0000" }, "commanderId"),
    // times no database can hold
    {
      name: "declare: startedAt in year 99999",
      method: "POST",
      path: "/api/v1/incidents",
      body: declare({ startedAt: "+099999-01-01T00:00:00Z" }),
      status: [422],
      field: "startedAt",
    },
    {
      name: "declare: startedAt the earliest JS date",
      method: "POST",
      path: "/api/v1/incidents",
      body: declare({ startedAt: -8.64e15 }),
      status: [422],
      field: "startedAt",
    },
    invalid("update: detectedAt year -1", "PATCH", incident, { detectedAt: "-000001-01-01T00:00:00Z" }, "detectedAt"),
    invalid(
      "add entry: occurredAt the earliest JS date",
      "POST",
      `${incident}/timeline`,
      { body: "x", occurredAt: -8.64e15 },
      "occurredAt",
    ),
    // documents nested beyond anything a person writes
    {
      name: "add entry: document 200 deep",
      method: "POST",
      path: `${incident}/timeline`,
      body: deepDocument(200),
      status: [422],
      field: "body",
    },
    {
      name: "add entry: document 5000 deep",
      method: "POST",
      path: `${incident}/timeline`,
      body: deepDocument(5000),
      status: [422],
      field: "body",
    },
  ];
}
