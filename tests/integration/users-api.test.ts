// The users API for automation (issue 13, item 3), admin only: list, create (with a password, or
// with a one-time password handed back once), and change role, name and whether someone is
// disabled. Every change audited; no answer ever holds a password hash; bad input is a 422
// naming the field, and stores nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type ApiResponse, type TestApp } from "../setup/app-server.ts";
import { NEW_PASSWORD, signInAs } from "./people.ts";
import { sessionClient } from "./session-client.ts";

const USER_KEYS = ["createdAt", "disabled", "disabledAt", "email", "id", "name", "role", "timeZone"];

function expectNoSecrets(response: ApiResponse) {
  const text = JSON.stringify(response.body);
  expect(text).not.toMatch(/passwordHash|scrypt\$/);
}

describe.each(databases())("the users API on %s", (database) => {
  let app: TestApp;
  let n = 0;
  const email = () => `api-person-${++n}@northwind.example`;
  const audits = (action: string, userId: string) => app.db.count("AuditEvent", `"action" = ? AND "entityId" = ?`, action, userId);

  beforeAll(async () => {
    app = await startApp({ database });
  });
  afterAll(() => app?.stop());

  it("lists everyone with role, state and active sessions, and never a password hash", async () => {
    const listed = await app.api.get("/api/v1/users");
    expect(listed.status).toBe(200);
    expect(listed.headers.get("cache-control")).toBe("no-store");
    const priya = listed.body.users.find((u: { email: string }) => u.email === "admin@northwind.example");
    expect(Object.keys(priya).sort()).toEqual([...USER_KEYS, "activeSessions"].sort());
    expect(priya).toMatchObject({ name: "Priya Raman", role: "admin", disabled: false, disabledAt: null });
    expect(listed.body.users.length).toBe(await app.db.count("User"));
    expectNoSecrets(listed);
  });

  it("creates a user with the password given: 201, audited, and they sign in with it", async () => {
    const address = email();
    const created = await app.api.post("/api/v1/users", {
      email: address.toUpperCase(),
      name: "  Ravi Patel ",
      role: "responder",
      password: NEW_PASSWORD,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(Object.keys(created.body)).toEqual(["user"]);
    expect(Object.keys(created.body.user).sort()).toEqual(USER_KEYS);
    expect(created.body.user).toMatchObject({ email: address, name: "Ravi Patel", role: "responder", disabled: false });
    expectNoSecrets(created);
    expect(await audits("user.created", created.body.user.id)).toBe(1);
    await signInAs(app, address, NEW_PASSWORD);
  });

  it("creates a user without a password: a one-time password, returned once, signs them in and is stored nowhere readable", async () => {
    const address = email();
    const created = await app.api.post("/api/v1/users", { email: address, name: "Mina Costa", role: "comms" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { oneTimePassword } = created.body;
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const cookie = await signInAs(app, address, oneTimePassword);
    expect((await sessionClient(app.baseUrl).open("/incidents", cookie)).status).toBe(200);
    // not in the list, the audit log or the database as it was given
    const everywhere = JSON.stringify([
      (await app.api.get("/api/v1/users")).body,
      (await app.api.get("/api/v1/audit-events?entityType=User")).body,
    ]);
    expect(everywhere).not.toContain(oneTimePassword);
    expect(JSON.stringify(await app.db.rows(`SELECT * FROM "User" WHERE "email" = ?`, address))).not.toContain(oneTimePassword);
    // a second person gets another one
    const other = await app.api.post("/api/v1/users", { email: email(), name: "Noor Haddad", role: "viewer" });
    expect(other.body.oneTimePassword).not.toBe(oneTimePassword);
  });

  it("refuses bad input with 422 naming the field, an address in use with 409, and stores nothing", async () => {
    const users = await app.db.count("User");
    const auditRows = await app.db.count("AuditEvent");
    const cases: [unknown, string][] = [
      [{ email: "not an address", name: "X", role: "viewer" }, "email"],
      [{ email: email(), name: "", role: "viewer" }, "name"],
      [{ email: email(), name: "X", role: "owner" }, "role"],
      [{ email: email(), name: "X", role: "viewer", password: "short" }, "password"],
      [{ email: email(), name: "X", role: "viewer", password: "1qaz2wsx3edc" }, "password"],
      [{ email: email(), name: "X", role: "viewer", password: 12345678901234 }, "password"],
      [{ name: "X", role: "viewer" }, "email"],
    ];
    for (const [body, field] of cases) {
      const refused = await app.api.post("/api/v1/users", body);
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(refused.body.error.fields), JSON.stringify(body)).toContain(field);
    }
    const taken = await app.api.post("/api/v1/users", { email: "viewer@northwind.example", name: "Again", role: "admin" });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields).toEqual({ email: "already in use" });
    expect(await app.db.count("User")).toBe(users);
    expect(await app.db.count("AuditEvent")).toBe(auditRows);
  });

  it("changes role, name and disabled with PATCH, each change audited on its own", async () => {
    const address = email();
    const { id } = (await app.api.post("/api/v1/users", { email: address, name: "Lee Park", role: "viewer", password: NEW_PASSWORD })).body
      .user;
    const cookie = await signInAs(app, address, NEW_PASSWORD);

    const renamed = await app.api.patch(`/api/v1/users/${id}`, { name: "Lee Park-Rivera" });
    expect(renamed.status).toBe(200);
    expect(renamed.body.user).toMatchObject({ id, name: "Lee Park-Rivera", role: "viewer" });
    expect((await sessionClient(app.baseUrl).open("/incidents", cookie)).status).toBe(200); // a new name signs no one out

    const promoted = await app.api.patch(`/api/v1/users/${id}`, { role: "responder", name: "Lee Park" });
    expect(promoted.body.user).toMatchObject({ name: "Lee Park", role: "responder" });
    expect((await sessionClient(app.baseUrl).open("/incidents", cookie)).location).toMatch(/reason=role_changed/);

    const disabled = await app.api.patch(`/api/v1/users/${id}`, { disabled: true });
    expect(disabled.body.user.disabled).toBe(true);
    expect(new Date(disabled.body.user.disabledAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const enabled = await app.api.patch(`/api/v1/users/${id}`, { disabled: false });
    expect(enabled.body.user).toMatchObject({ disabled: false, disabledAt: null });
    // the same values again change nothing and record nothing
    expect((await app.api.patch(`/api/v1/users/${id}`, { role: "responder", disabled: false })).status).toBe(200);
    expectNoSecrets(enabled);

    expect(await audits("user.renamed", id)).toBe(2);
    expect(await audits("user.role_changed", id)).toBe(1);
    expect(await audits("user.disabled", id)).toBe(1);
    expect(await audits("user.enabled", id)).toBe(1);
    const [role] = (await app.api.get(`/api/v1/audit-events?entityId=${id}&action=user.role_changed`)).body.auditEvents;
    expect(role).toMatchObject({ before: { role: "viewer" }, after: { role: "responder" }, actor: { kind: "token" } });
  });

  it("refuses a PATCH that says nothing, names a field it cannot change or a wrong value, naming it; an unknown id is 404", async () => {
    const { id } = (await app.api.post("/api/v1/users", { email: email(), name: "Sam Ortiz", role: "viewer", password: NEW_PASSWORD })).body
      .user;
    const auditRows = await app.db.count("AuditEvent");
    const cases: [unknown, string][] = [
      [{}, "_"],
      [{ role: "root" }, "role"],
      [{ disabled: "yes" }, "disabled"],
      [{ name: "   " }, "name"],
      [{ email: "new@northwind.example" }, "email"],
      [{ password: "lantern orchard violet" }, "password"],
      [{ role: "admin", passwordHash: "scrypt$1$1$1$x$y" }, "passwordHash"],
    ];
    for (const [body, field] of cases) {
      const refused = await app.api.patch(`/api/v1/users/${id}`, body);
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(refused.body.error.fields), JSON.stringify(body)).toContain(field);
    }
    expect((await app.api.raw("PATCH", `/api/v1/users/${id}`, "[]")).status).toBe(422);
    expect((await app.api.patch("/api/v1/users/no-such-user", { name: "Nobody" })).status).toBe(404);
    expect(await app.db.count("AuditEvent")).toBe(auditRows);
    const [row] = await app.db.rows<{ role: string; name: string }>(`SELECT "role", "name" FROM "User" WHERE "id" = ?`, id);
    expect(row).toEqual({ role: "viewer", name: "Sam Ortiz" });
  });

  it("answers 403 to every other role, with a session or a token, and 401 to no one", async () => {
    const [{ id }] = await app.db.rows<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = ?`, "viewer@northwind.example");
    const before = await app.db.count("User");
    for (const role of ["responder", "comms", "viewer"]) {
      const token = (await app.api.post("/api/v1/tokens", { name: `users API ${role}`, role })).body.token;
      const cookie = await signInAs(app, `${role}@northwind.example`);
      const asSession = (method: string, path: string, body?: unknown) =>
        fetch(app.baseUrl + path, {
          method,
          headers: { cookie, "content-type": "application/json" },
          body: body ? JSON.stringify(body) : undefined,
        });
      for (const caller of [api(app.baseUrl, token)]) {
        expect((await caller.get("/api/v1/users")).status, role).toBe(403);
        expect(
          (await caller.post("/api/v1/users", { email: email(), name: "Sneaky", role: "admin", password: NEW_PASSWORD })).status,
          role,
        ).toBe(403);
        expect((await caller.patch(`/api/v1/users/${id}`, { role: "admin" })).status, role).toBe(403);
      }
      expect((await asSession("GET", "/api/v1/users")).status, role).toBe(403);
      expect((await asSession("POST", "/api/v1/users", { email: email(), name: "Sneaky", role: "admin" })).status, role).toBe(403);
      expect((await asSession("PATCH", `/api/v1/users/${id}`, { role: "admin" })).status, role).toBe(403);
    }
    const anonymous = api(app.baseUrl, null);
    expect((await anonymous.get("/api/v1/users")).status).toBe(401);
    expect((await anonymous.patch(`/api/v1/users/${id}`, { role: "admin" })).status).toBe(401);
    expect(await app.db.count("User")).toBe(before);
    const [viewer] = await app.db.rows<{ role: string }>(`SELECT "role" FROM "User" WHERE "id" = ?`, id);
    expect(viewer.role).toBe("viewer");
  });
});
