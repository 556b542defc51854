// Offboarding (issue 13, item 2): an admin disables someone, and they are out within seconds: no
// sign-in, sessions ended with a reason, tokens 401, their open event streams and live editors
// closed (a reconnect refused) and nothing they type afterwards stored. A role change, a password
// change and "end all sessions" close streams and editors too (today an open editor kept writing
// after its person was demoted). The last active admin can be neither demoted nor disabled.
// (The periodic access check, for changes made behind the app's back: offboarding-access-check.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { collaborate, waitFor } from "../setup/collab-client.ts";
import { openEventStream } from "../setup/sse-client.ts";
import {
  addPerson,
  changeRoleOnPage,
  CLOSED_WITHIN_MS,
  formerAdminWithTokens,
  NEW_PASSWORD,
  newPostmortem,
  postUsersPage,
  signInAs,
  sleep,
  userIdOf,
  waitUntilClosed,
  type Live,
} from "./people.ts";
import { expectSentToSignIn, sessionClient } from "./session-client.ts";

describe.each(databases())("offboarding on %s", (database) => {
  let app: TestApp;
  let admin: string;
  let incidentId: string;
  let postmortemId: string;
  const open: Live[] = [];

  beforeAll(async () => {
    // the periodic check is a minute here: what closes within seconds is the announcement
    app = await startApp({ database, env: { ACCESS_RECHECK_SECONDS: "60" } });
    admin = await signInAs(app, "admin@northwind.example");
    incidentId = (await app.api.post("/api/v1/incidents", { title: "Offboarding checks", severity: "SEV3" })).body.incident.id;
    postmortemId = await newPostmortem(app);
  });
  afterAll(async () => {
    for (const { stream, editor } of open) {
      stream.close();
      editor.destroy();
    }
    await app?.stop();
  });

  /** An event stream and a live editor, opened with a session cookie or a token. */
  async function goLive(as: { cookie?: string; token?: string }, scope = "read-write"): Promise<Live> {
    const url = `${app.baseUrl}/api/v1/incidents/${incidentId}/events`;
    const stream = await openEventStream(url, as.token ? { token: as.token } : { headers: { cookie: as.cookie! } });
    const editor = collaborate(app.baseUrl, postmortemId, as.cookie ?? null, as.token);
    open.push({ stream, editor });
    expect(await editor.scope).toBe(scope);
    await editor.synced();
    return { stream, editor };
  }

  /** Both closed by the server within seconds; the editor's reconnection is answered `answer` (its first answer was on opening). */
  async function expectClosed({ stream, editor }: Live, answer: string) {
    expect(await waitUntilClosed(stream, CLOSED_WITHIN_MS)).toBeLessThan(CLOSED_WITHIN_MS);
    await waitFor(
      () => editor.closes.length,
      (n) => n > 0,
      "the editor's socket closed by the server",
      CLOSED_WITHIN_MS,
    );
    await waitFor(
      () => editor.answers.slice(1),
      (a) => a.includes(answer),
      `the editor's reconnection answered ${answer}`,
      CLOSED_WITHIN_MS * 2,
    );
  }

  async function expectStillOpen({ stream, editor }: Live) {
    await sleep(1_500);
    expect(stream.closed).toBe(false);
    expect(editor.closes).toEqual([]);
  }

  const storedRootCause = async () =>
    ((await app.api.get(`/api/v1/postmortems/${postmortemId}`)).body.postmortem.sections as { key: string; markdown: string }[]).find(
      (s) => s.key === "root_cause",
    )!.markdown;

  const audits = (action: string, userId: string) => app.db.count("AuditEvent", `"action" = ? AND "entityId" = ?`, action, userId);

  it("disabling someone on the admin page signs them out everywhere within seconds, and enabling lets them back", async () => {
    const { person, tokens } = await formerAdminWithTokens(app, admin, "responder", ["responder"]);
    const cookie = await signInAs(app, person.email, NEW_PASSWORD); // the role change ended the first session
    const bySession = await goLive({ cookie });
    const byToken = await goLive({ token: tokens.responder.token });

    const disabled = await postUsersPage(app, admin, { intent: "disable", userId: person.id });
    expect(disabled.status).toBe(200);
    await expectClosed(bySession, "refused: sign-in-required");
    await expectClosed(byToken, "refused: sign-in-required");
    // what the open editor still holds and types now goes nowhere
    bySession.editor.write("root_cause", "Typed after being disabled.");
    await sleep(3_000); // past the store's debounce
    expect(await storedRootCause()).not.toContain("Typed after being disabled");

    const client = sessionClient(app.baseUrl);
    const sent = await client.open("/incidents", cookie);
    expectSentToSignIn(sent, "/incidents", "disabled");
    expect((await client.open(sent.location!, null)).html).toContain("An admin disabled your account");
    expect((await tokens.responder.get("/api/v1/incidents")).status).toBe(401);
    expect((await client.signIn(person.email, NEW_PASSWORD)).status).toBe(422);
    const row = (await client.open("/admin/users", admin)).html.split("<tr").find((r) => r.includes(person.email))!;
    expect(row).toContain("Disabled");
    expect(row).toContain(`Enable Trust`);
    expect(await audits("user.disabled", person.id)).toBe(1);

    expect((await postUsersPage(app, admin, { intent: "enable", userId: person.id })).status).toBe(200);
    expect((await client.signIn(person.email, NEW_PASSWORD)).status).toBe(302);
    expect((await tokens.responder.get("/api/v1/incidents")).status).toBe(200);
    expect(await audits("user.enabled", person.id)).toBe(1);
  });

  it("disabling through the API does the same", async () => {
    const person = await addPerson(app, admin, "responder", "api-disabled");
    const live = await goLive({ cookie: person.cookie });
    const patched = await app.api.patch(`/api/v1/users/${person.id}`, { disabled: true });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.user).toMatchObject({ id: person.id, disabled: true });
    await expectClosed(live, "refused: sign-in-required");
    expect((await sessionClient(app.baseUrl).signIn(person.email, NEW_PASSWORD)).status).toBe(422);
    expect((await app.api.patch(`/api/v1/users/${person.id}`, { disabled: false })).body.user.disabled).toBe(false);
    await signInAs(app, person.email, NEW_PASSWORD);
  });

  it("a role change closes the person's streams and editors; they come back with the new role", async () => {
    const { person, tokens } = await formerAdminWithTokens(app, admin, "responder", ["responder"]);
    const cookie = await signInAs(app, person.email, NEW_PASSWORD);
    const bySession = await goLive({ cookie });
    const byToken = await goLive({ token: tokens.responder.token });
    await changeRoleOnPage(app, admin, person, "viewer");
    // the session ended: signed out; the token acts as a viewer now: back, read-only
    await expectClosed(bySession, "refused: sign-in-required");
    await expectClosed(byToken, "readonly");
    byToken.editor.write("root_cause", "Typed by a token whose owner is a viewer now.");
    const again = await goLive({ cookie: await signInAs(app, person.email, NEW_PASSWORD) }, "readonly");
    expect(again.stream.closed).toBe(false);
    await sleep(3_000);
    expect(await storedRootCause()).not.toContain("owner is a viewer now");
  });

  it("a password change closes the streams and editors of the person's other sessions, not of this one", async () => {
    const person = await addPerson(app, admin, "responder", "password");
    const elsewhere = await goLive({ cookie: person.cookie });
    const hereCookie = await signInAs(app, person.email, NEW_PASSWORD);
    const here = await goLive({ cookie: hereCookie });
    const changed = await sessionClient(app.baseUrl).post("/account", hereCookie, {
      intent: "change-password",
      currentPassword: NEW_PASSWORD,
      newPassword: "lantern orchard violet",
      confirmPassword: "lantern orchard violet",
    });
    expect(changed.status).toBe(200);
    await expectClosed(elsewhere, "refused: sign-in-required");
    await expectStillOpen(here);
  });

  it("ending all of someone's sessions closes the streams and editors of those sessions; their tokens keep theirs", async () => {
    const { person, tokens } = await formerAdminWithTokens(app, admin, "responder", ["responder"]);
    const bySession = await goLive({ cookie: await signInAs(app, person.email, NEW_PASSWORD) });
    const byToken = await goLive({ token: tokens.responder.token });
    expect((await postUsersPage(app, admin, { intent: "end-sessions", userId: person.id })).status).toBe(200);
    await expectClosed(bySession, "refused: sign-in-required");
    await expectStillOpen(byToken);
  });

  it("signing out and revoking a token close what they opened", async () => {
    const { person, tokens } = await formerAdminWithTokens(app, admin, "responder", ["responder"]);
    const cookie = await signInAs(app, person.email, NEW_PASSWORD);
    const bySession = await goLive({ cookie });
    const byToken = await goLive({ token: tokens.responder.token });
    expect(
      (await fetch(`${app.baseUrl}/logout`, { method: "POST", headers: { cookie, origin: app.baseUrl }, redirect: "manual" })).status,
    ).toBe(302);
    await expectClosed(bySession, "refused: sign-in-required");
    const [{ id: tokenId }] = await app.db.rows<{ id: string }>(`SELECT "id" FROM "ApiToken" WHERE "userId" = ?`, person.id);
    expect(
      (
        await fetch(`${app.baseUrl}/admin/tokens`, {
          method: "POST",
          headers: { cookie: admin, origin: app.baseUrl },
          body: new URLSearchParams({ intent: "revoke", tokenId }),
        })
      ).status,
    ).toBe(200);
    await expectClosed(byToken, "refused: sign-in-required");
  });

  it("the last active admin can be neither demoted nor disabled, on the page or through the API, and says why", async () => {
    const priya = await userIdOf(app, "admin@northwind.example");
    const marcus = await userIdOf(app, "marcus.okafor@northwind.example");
    // a disabled admin is no admin to fall back on
    expect((await app.api.patch(`/api/v1/users/${marcus}`, { disabled: true })).status).toBe(200);
    const users = () => app.db.rows<{ role: string; disabledAt: unknown }>(`SELECT "role", "disabledAt" FROM "User" WHERE "id" = ?`, priya);
    const before = await users();

    // the page answers a conflict as the API does: 409 (decision 0051), with the reason on the form
    const demote = await postUsersPage(app, admin, { intent: "change-role", userId: priya, role: "responder" });
    expect(demote.status).toBe(409);
    expect(await demote.text()).toContain("is the last active admin");
    const disable = await postUsersPage(app, admin, { intent: "disable", userId: priya });
    expect(disable.status).toBe(409);
    expect(await disable.text()).toContain("is the last active admin");
    const byApi = await app.api.patch(`/api/v1/users/${priya}`, { role: "viewer" });
    expect(byApi.status).toBe(409);
    expect(byApi.body.error).toMatchObject({ code: "conflict", fields: { role: "is the last active admin" } });
    expect(byApi.body.error.message).toContain("Priya Raman is the last active admin");
    const disableByApi = await app.api.patch(`/api/v1/users/${priya}`, { disabled: true });
    expect(disableByApi.status).toBe(409);
    expect(disableByApi.body.error.fields).toEqual({ disabled: "is the last active admin" });
    expect(await users()).toEqual(before);

    // with another admin active, one may not disable oneself either, but may demote the other
    expect((await app.api.patch(`/api/v1/users/${marcus}`, { disabled: false })).status).toBe(200);
    const self = await app.api.patch(`/api/v1/users/${priya}`, { disabled: true });
    expect(self.status).toBe(409);
    expect(self.body.error.fields).toEqual({ disabled: "is your own account" });
    expect((await app.api.patch(`/api/v1/users/${marcus}`, { role: "responder" })).status).toBe(200);
    expect((await app.api.patch(`/api/v1/users/${marcus}`, { role: "admin" })).status).toBe(200);
  });

  it("two admins demoting each other at the same moment leave one admin, never none", async () => {
    const priya = await userIdOf(app, "admin@northwind.example");
    const marcus = await userIdOf(app, "marcus.okafor@northwind.example");
    const marcusCookie = await signInAs(app, "marcus.okafor@northwind.example");
    const activeAdmins = () => app.db.count("User", `"role" = 'admin' AND "disabledAt" IS NULL`);
    // only the two of them (earlier tests made other admins: they step aside first)
    for (const { id } of await app.db.rows<{ id: string }>(
      `SELECT "id" FROM "User" WHERE "role" = 'admin' AND "id" NOT IN (?, ?)`,
      priya,
      marcus,
    )) {
      expect((await app.api.patch(`/api/v1/users/${id}`, { role: "viewer" })).status).toBe(200);
    }
    expect(await activeAdmins()).toBe(2);
    const answers = await Promise.all([
      postUsersPage(app, admin, { intent: "change-role", userId: marcus, role: "responder" }),
      postUsersPage(app, marcusCookie, { intent: "change-role", userId: priya, role: "responder" }),
    ]);
    // the other is refused: as the last admin (422), or signed out already by the change that won (302)
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 200)[0]).toBeOneOf([302, 422]);
    expect(await activeAdmins()).toBe(1);
    // put things back as the seed had them, by whoever is still the admin
    const [remaining] = await app.db.rows<{ id: string }>(`SELECT "id" FROM "User" WHERE "role" = 'admin' AND "disabledAt" IS NULL`);
    const restorer = remaining.id === priya ? admin : marcusCookie;
    await changeRoleOnPage(app, restorer, { id: remaining.id === priya ? marcus : priya }, "admin");
    expect(await activeAdmins()).toBe(2);
  });
});
