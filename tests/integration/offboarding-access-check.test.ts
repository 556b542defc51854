// Offboarding's backstop (issue 13, item 2): changes written behind the app's back announce nothing, so the
// periodic access check (ACCESS_RECHECK_SECONDS) closes the streams and editors of a person disabled, a token
// revoked or an owner whose role dropped, within a few seconds. (The announced changes: offboarding.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type TestApp } from "../setup/app-server.ts";
import { collaborate, waitFor } from "../setup/collab-client.ts";
import { openEventStream } from "../setup/sse-client.ts";
import { addPerson, formerAdminWithTokens, newPostmortem, signInAs, waitUntilClosed, type Live, type Person } from "./people.ts";

describe.each(databases())("the periodic access check on %s", (database) => {
  let app: TestApp;
  let admin: string;
  let incidentId: string;
  let postmortemId: string;
  const open: Live[] = [];

  beforeAll(async () => {
    app = await startApp({ database, env: { ACCESS_RECHECK_SECONDS: "2" } });
    admin = await signInAs(app, "admin@northwind.example");
    incidentId = (await app.api.post("/api/v1/incidents", { title: "Backstop checks", severity: "SEV3" })).body.incident.id;
    postmortemId = await newPostmortem(app);
  });
  afterAll(async () => {
    for (const { stream, editor } of open) {
      stream.close();
      editor.destroy();
    }
    await app?.stop();
  });

  async function liveAs(person: Person, token?: string): Promise<Live> {
    const stream = await openEventStream(
      `${app.baseUrl}/api/v1/incidents/${incidentId}/events`,
      token ? { token } : { headers: { cookie: person.cookie } },
    );
    const editor = collaborate(app.baseUrl, postmortemId, token ? null : person.cookie, token);
    open.push({ stream, editor });
    expect(await editor.scope).toBe("read-write");
    return { stream, editor };
  }

  // Changes written behind the app's back announce nothing: only the periodic check can see them.
  it("closes a stream and an editor whose person was disabled without an announcement, within a few seconds", async () => {
    const person = await addPerson(app, admin, "responder", "backstop");
    const live = await liveAs(person);
    await app.db.execute(`UPDATE "User" SET "disabledAt" = ? WHERE "id" = ?`, new Date(), person.id);
    expect(await waitUntilClosed(live.stream, 8_000)).toBeLessThan(8_000);
    await waitFor(
      () => live.editor.answers,
      (a) => a.includes("refused: sign-in-required"),
      "the editor refused on reconnecting",
      8_000,
    );
  });

  it("closes what a token opened once the token is revoked, or its owner's role drops, behind the app's back", async () => {
    const { person, tokens } = await formerAdminWithTokens(app, admin, "admin", ["responder", "admin"]);
    const revoked = await liveAs(person, tokens.responder.token);
    const demoted = await liveAs(person, tokens.admin.token);
    await app.db.execute(`UPDATE "ApiToken" SET "revokedAt" = ? WHERE "userId" = ? AND "role" = 'responder'`, new Date(), person.id);
    await app.db.execute(`UPDATE "User" SET "role" = 'viewer' WHERE "id" = ?`, person.id);
    expect(await waitUntilClosed(revoked.stream, 8_000)).toBeLessThan(8_000);
    expect(await waitUntilClosed(demoted.stream, 8_000)).toBeLessThan(8_000);
    await waitFor(
      () => demoted.editor.answers,
      (a) => a.includes("readonly"),
      "the demoted owner's token back read-only",
      8_000,
    );
    expect((await api(app.baseUrl, tokens.responder.token).get("/api/v1/incidents")).status).toBe(401);
  });
});
