// One clock (decision 0040), the remaining inputs: the declare form's Started/Detected, the room's
// impact table and the maintenance schedule are read in the zone their form names (checked), else
// the reader's. A Los Angeles reader's 10:00 in January is stored as 18:00Z; an unknown zone is a
// 422 naming the field and stores nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { addPerson, signInAs, type Person } from "./people.ts";

const LA = "America/Los_Angeles";

describe.each(databases())("time inputs in the reader's zone on %s", (database) => {
  let app: TestApp;
  let reader: Person;
  let component: string;

  beforeAll(async () => {
    app = await startApp({ database });
    const adminCookie = await signInAs(app, "admin@northwind.example");
    // an admin may declare, correct the impact and schedule maintenance
    reader = await addPerson(app, adminCookie, "admin", "la-reader");
    const zoned = await post("/account", { intent: "time-zone", timeZone: LA });
    expect(zoned.status).toBe(200);
    const { components } = (await app.api.get("/api/v1/components")).body as { components: { id: string; group: boolean }[] };
    component = components.find((c) => !c.group)!.id;
  });
  afterAll(() => app?.stop());

  const post = (path: string, fields: Record<string, string>) =>
    fetch(app.baseUrl + path, {
      method: "POST",
      headers: { cookie: reader.cookie, origin: app.baseUrl },
      body: new URLSearchParams(fields),
      redirect: "manual",
    });
  const incident = async (id: string) => (await app.api.get(`/api/v1/incidents/${id}`)).body.incident;

  it("declares with Started and Detected read in Los Angeles", async () => {
    const declared = await post("/incidents/new", {
      title: "Clock check declare",
      severity: "SEV3",
      timeZone: LA,
      startedAt: "2026-01-15T10:00",
      detectedAt: "2026-01-15T10:20",
    });
    expect(declared.status).toBe(302);
    const id = declared.headers.get("location")!.split("/").pop()!;
    expect(await incident(id)).toMatchObject({ startedAt: "2026-01-15T18:00:00.000Z", detectedAt: "2026-01-15T18:20:00.000Z" });

    // without the field, the reader's zone; either side of the spring change, an hour apart
    const implicit = await post("/incidents/new", {
      title: "Clock check spring",
      severity: "SEV3",
      startedAt: "2026-03-08T01:30",
      detectedAt: "2026-03-08T03:30",
    });
    expect(implicit.status).toBe(302);
    expect(await incident(implicit.headers.get("location")!.split("/").pop()!)).toMatchObject({
      startedAt: "2026-03-08T09:30:00.000Z",
      detectedAt: "2026-03-08T10:30:00.000Z",
    });

    const before = (await app.db.rows(`SELECT "id" FROM "Incident"`)).length;
    const bad = await post("/incidents/new", {
      title: "Clock check bad",
      severity: "SEV3",
      timeZone: "Mars/Olympus_Mons",
      startedAt: "2026-01-15T10:00",
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("timeZone: must be a time zone from the list");
    expect((await app.db.rows(`SELECT "id" FROM "Incident"`)).length).toBe(before);
  });

  it("corrects the impact windows in the room as typed in Los Angeles", async () => {
    const declared = await app.api.post("/api/v1/incidents", {
      title: "Clock check impact",
      severity: "SEV3",
      startedAt: "2026-01-15T17:00:00.000Z",
      components: [{ id: component, impact: "major_outage" }],
    });
    expect(declared.status).toBe(201);
    const id = declared.body.incident.id as string;
    const window = (startedAt: string, endedAt: string) => ({
      intent: "impact",
      componentId: component,
      impact: "partial_outage",
      startedAt,
      startedAtShown: "",
      startedAtWas: "",
      endedAt,
      endedAtShown: "",
      endedAtWas: "",
    });

    const bad = await post(`/incidents/${id}`, { ...window("2026-01-15T10:00", "2026-01-15T11:00"), timeZone: "Nowhere/Else" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("timeZone");
    expect((await incident(id)).impactHistory).toMatchObject([{ impact: "major_outage", startedAt: "2026-01-15T17:00:00.000Z" }]);

    const typed = await post(`/incidents/${id}`, { ...window("2026-01-15T10:00", "2026-01-15T11:00"), timeZone: LA });
    expect(typed.status, await typed.clone().text()).toBe(200);
    expect((await incident(id)).impactHistory).toMatchObject([
      { impact: "partial_outage", startedAt: "2026-01-15T18:00:00.000Z", endedAt: "2026-01-15T19:00:00.000Z" },
    ]);

    const implicit = await post(`/incidents/${id}`, window("2026-01-15T09:30", "2026-01-15T10:45"));
    expect(implicit.status).toBe(200);
    expect((await incident(id)).impactHistory).toMatchObject([
      { startedAt: "2026-01-15T17:30:00.000Z", endedAt: "2026-01-15T18:45:00.000Z" },
    ]);
  });

  it("schedules maintenance as typed in Los Angeles", async () => {
    const schedule = (title: string, extra: Record<string, string>) =>
      post("/maintenance", {
        intent: "schedule",
        title,
        scheduledFor: "2030-01-05T10:00",
        scheduledUntil: "2030-01-05T12:30",
        components: component,
        ...extra,
      });
    const stored = async (title: string) =>
      (
        (await app.api.get("/api/v1/maintenances")).body.maintenances as { title: string; scheduledFor: string; scheduledUntil: string }[]
      ).find((m) => m.title === title);

    const bad = await schedule("Clock check bad zone", { timeZone: "Europe/Atlantis" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("timeZone");
    expect(await stored("Clock check bad zone")).toBeUndefined();

    expect((await schedule("Clock check upgrade", { timeZone: LA })).status).toBe(200);
    expect(await stored("Clock check upgrade")).toMatchObject({
      scheduledFor: "2030-01-05T18:00:00.000Z",
      scheduledUntil: "2030-01-05T20:30:00.000Z",
    });

    // without the field, the reader's zone
    expect((await schedule("Clock check implicit", {})).status).toBe(200);
    expect(await stored("Clock check implicit")).toMatchObject({ scheduledFor: "2030-01-05T18:00:00.000Z" });
  });
});
