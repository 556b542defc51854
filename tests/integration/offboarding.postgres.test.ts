// Offboarding across instances: two app instances on one Postgres database. A person's event
// stream and live editor are open on instance B; an admin disables them (or demotes them) on
// instance A; B hears it through LISTEN/NOTIFY and closes both within seconds. The periodic check
// is set to a minute here, so only the announcement can do that in time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../setup/app-server.ts";
import { collaborate, waitFor, type Collaborator } from "../setup/collab-client.ts";
import { openEventStream, type EventStreamClient } from "../setup/sse-client.ts";
import { addPerson, changeRoleOnPage, newPostmortem, postUsersPage, signInAs, waitUntilClosed } from "./people.ts";

const CLOSED_WITHIN_MS = 5_000;

describe("offboarding across two instances on one Postgres database", () => {
  let first: TestApp;
  let second: TestApp;
  let admin: string;
  let incidentId: string;
  let postmortemId: string;
  const open: { close(): void }[] = [];

  beforeAll(async () => {
    const env = { ACCESS_RECHECK_SECONDS: "60" };
    first = await startApp({ database: "postgres", env });
    second = await startApp({ database: "postgres", databaseUrl: first.databaseUrl, env });
    admin = await signInAs(first, "admin@northwind.example");
    incidentId = (await first.api.post("/api/v1/incidents", { title: "Offboarding across instances", severity: "SEV3" })).body.incident.id;
    postmortemId = await newPostmortem(first);
  });
  afterAll(async () => {
    for (const o of open) o.close();
    await second?.stop();
    await first?.stop();
  });

  async function liveOnSecond(cookie: string): Promise<{ stream: EventStreamClient; editor: Collaborator }> {
    const stream = await openEventStream(`${second.baseUrl}/api/v1/incidents/${incidentId}/events`, { headers: { cookie } });
    const editor = collaborate(second.baseUrl, postmortemId, cookie);
    open.push(stream, { close: () => editor.destroy() });
    expect(await editor.scope).toBe("read-write");
    return { stream, editor };
  }

  it("closes the stream and the editor on instance B when an admin disables the person on instance A", async () => {
    const person = await addPerson(first, admin, "responder", "across");
    const { stream, editor } = await liveOnSecond(person.cookie);
    const disabledAt = Date.now();
    expect((await postUsersPage(first, admin, { intent: "disable", userId: person.id })).status).toBe(200);
    await waitUntilClosed(stream, CLOSED_WITHIN_MS);
    console.info(`stream on the other instance closed ${Date.now() - disabledAt} ms after the admin's answer`);
    await waitFor(
      () => editor.answers,
      (a) => a.includes("refused: sign-in-required"),
      "the editor on B refused on reconnecting",
      CLOSED_WITHIN_MS * 2,
    );
    expect(
      (await fetch(`${second.baseUrl}/incidents`, { headers: { cookie: person.cookie }, redirect: "manual" })).headers.get("location"),
    ).toMatch(/reason=disabled/);
  });

  it("closes them on instance B after a role change on instance A; the person comes back with the new role", async () => {
    const person = await addPerson(first, admin, "responder", "across-role");
    const { stream, editor } = await liveOnSecond(person.cookie);
    await changeRoleOnPage(first, admin, person, "viewer");
    await waitUntilClosed(stream, CLOSED_WITHIN_MS);
    await waitFor(
      () => editor.closes.length,
      (n) => n > 0,
      "the editor on B closed",
      CLOSED_WITHIN_MS,
    );
    const again = collaborate(second.baseUrl, postmortemId, await signInAs(second, person.email, "plum tractor seventeen"));
    open.push({ close: () => again.destroy() });
    expect(await again.scope).toBe("readonly");
  });
});
