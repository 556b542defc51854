// The comms tab and the incident room answer their forms with the one FormOutcome (decision 0057):
// `{ ok: true, form, ... }` when done, `{ ok: false, form, errors }` when refused, `form` naming the
// form that posted, with the status codes and messages they always had. Read as the page's fetchers
// read them: a single-fetch `.data` post (form-outcome-client.ts). The room's form is posted to
// /incidents/:id, whose layout answers it as the Timeline tab (?index) does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { postForOutcome } from "./form-outcome-client.ts";
import { cookieOf } from "./postmortem-fixtures.ts";

describe.each(databases())("the comms tab's and the room's form outcomes, on %s", (database) => {
  let app: TestApp;
  let cookie: string;

  /** Posts `fields` to the page at `path` as a fetcher does: its status and its outcome (decision 0057). */
  const post = async (path: string, fields: Record<string, string>) => {
    const { status, outcome } = await postForOutcome(app.baseUrl, cookie, path, fields);
    return { status, outcome: outcome as Record<string, any> };
  };

  async function declare() {
    const response = await app.api.post("/api/v1/incidents", {
      title: `Outcomes ${Math.random().toString(36).slice(2, 8)}`,
      severity: "SEV3",
    });
    expect(response.status).toBe(201);
    return response.body.incident.id as string;
  }

  beforeAll(async () => {
    app = await startApp({ database });
    cookie = await cookieOf(app, "tomas.rivera@northwind.example");
  });
  afterAll(() => app?.stop());

  it("names the comms tab's form in every answer, done or refused", async () => {
    const id = await declare();
    const other = await declare();
    const comms = (fields: Record<string, string>, incident = id) => post(`/incidents/${incident}/comms`, fields);

    const drafted = await comms({ intent: "draft", status: "investigating", body: "We are looking into it.", nextUpdateInMinutes: "30" });
    expect(drafted.status).toBe(200);
    expect(drafted.outcome).toMatchObject({ ok: true, form: "composer", update: { state: "draft", body: "We are looking into it." } });
    const updateId = drafted.outcome.update.id as string;

    const empty = await comms({ intent: "draft", status: "investigating", body: "", nextUpdateInMinutes: "30" });
    expect(empty.status).toBe(422);
    expect(empty.outcome).toMatchObject({ ok: false, form: "composer", errors: { body: expect.any(String) } });

    const edited = await comms({ intent: "edit", updateId, body: "Reworded." });
    expect(edited.outcome).toMatchObject({ ok: true, form: `edit:${updateId}`, update: { body: "Reworded." } });
    const unworded = await comms({ intent: "edit", updateId, body: "" });
    expect(unworded.status).toBe(422);
    expect(unworded.outcome).toMatchObject({ ok: false, form: `edit:${updateId}`, errors: { body: expect.any(String) } });

    const crossed = await comms({ intent: "publish", updateId }, other);
    expect(crossed.status).toBe(404);
    expect(crossed.outcome).toMatchObject({ ok: false, form: `publish:${updateId}`, errors: { _: expect.any(String) } });

    const noReason = await comms({ intent: "refuse", updateId, reason: "" });
    expect(noReason.status).toBe(422);
    expect(noReason.outcome).toMatchObject({ ok: false, form: `refuse:${updateId}`, errors: { reason: expect.any(String) } });

    const promoted = await comms({ intent: "promote" });
    expect(promoted.status).toBe(400);
    expect(promoted.outcome).toMatchObject({ ok: false, form: "promote:", errors: expect.any(Object) });

    const unknown = await comms({ intent: "shout" });
    expect(unknown.status).toBe(400);
    expect(unknown.outcome).toEqual({
      ok: false,
      form: "comms",
      code: "bad_request",
      errors: { _: "Unknown action.", intent: expect.any(String) },
    });

    const discarded = await comms({ intent: "discard", updateId });
    expect(discarded).toEqual({ status: 200, outcome: { ok: true, form: `discard:${updateId}` } });
  });

  it("names the room's form in every answer, done or refused, and refuses a bad shown zone once for every control", async () => {
    const id = await declare();
    const other = await declare();
    cookie = await cookieOf(app, "responder@northwind.example");
    const room = (fields: Record<string, string>, incident = id) => post(`/incidents/${incident}`, fields);

    const changed = await room({ intent: "status", status: "identified" });
    expect(changed.status).toBe(200);
    expect(changed.outcome).toMatchObject({ ok: true, form: "status", incident: { id, status: "identified" } });

    for (const intent of ["impact", "status", "details", "components", "milestones"]) {
      const zoned = await room({ intent, timeZone: "Mars/Olympus_Mons" });
      expect(zoned.status, intent).toBe(422);
      expect(zoned.outcome, intent).toMatchObject({ ok: false, form: intent, errors: { timeZone: expect.any(String) } });
      expect(Object.keys(zoned.outcome.errors), intent).toEqual(["timeZone"]);
    }

    const entry = (await app.api.post(`/api/v1/incidents/${id}/timeline`, { body: "Written in the room.", kind: "note" })).body.entry;
    const pinned = await room({ intent: "pin-entry", entryId: entry.id, pinned: "true" });
    expect(pinned.outcome).toMatchObject({ ok: true, form: `pin-entry:${entry.id}`, entry: { id: entry.id, pinned: true } });
    const blank = await room({ intent: "edit-entry", entryId: entry.id, body: "" });
    expect(blank.status).toBe(422);
    expect(blank.outcome).toMatchObject({ ok: false, form: `edit-entry:${entry.id}`, errors: { body: expect.any(String) } });
    const elsewhere = await room({ intent: "delete-entry", entryId: entry.id }, other);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.outcome).toMatchObject({ ok: false, form: `delete-entry:${entry.id}`, errors: { _: expect.any(String) } });
    const deleted = await room({ intent: "delete-entry", entryId: entry.id });
    expect(deleted.outcome).toMatchObject({ ok: true, form: `delete-entry:${entry.id}`, entry: { id: entry.id } });

    const unknown = await room({ intent: "shout" });
    expect(unknown.status).toBe(400);
    expect(unknown.outcome).toMatchObject({ ok: false, form: "room", errors: { _: "Unknown action." } });
  });
});
