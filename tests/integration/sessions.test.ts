// Sessions: rotation on sign-in, idle and absolute expiry, ending them from the account page
// and from the admin's users page, and a role change that signs the person out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { collaborate } from "../setup/collab-client.ts";
import { postForOutcome } from "./form-outcome-client.ts";
import { newPostmortem } from "./people.ts";
import { expectSentToSignIn, expectSignedIn, FIREFOX_ON_WINDOWS, sessionClient } from "./session-client.ts";

const HOUR = 60 * 60 * 1000;

describe.each(databases())("sessions on %s", (database) => {
  let app: TestApp;
  let client: ReturnType<typeof sessionClient>;

  beforeAll(async () => {
    app = await startApp({ database });
    client = sessionClient(app.baseUrl);
  });
  afterAll(() => app?.stop());

  /** The person's sessions still in use (not ended, not past their lifetime), oldest first. */
  async function sessionIds(email: string): Promise<string[]> {
    const rows = await app.db.rows<{ id: string; expiresAt: string | Date }>(
      `SELECT s."id", s."expiresAt" FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE u."email" = ? AND s."revokedAt" IS NULL ORDER BY s."createdAt", s."id"`,
      email,
    );
    return rows.filter((r) => new Date(r.expiresAt).getTime() > Date.now()).map((r) => r.id);
  }
  const newestSession = async (email: string) => (await sessionIds(email)).at(-1)!;
  const audits = (action: string) => app.db.count("AuditEvent", `"action" = ?`, action);

  it("sends a reader without a session to sign in and back, dropping a query too long to carry in the link", async () => {
    const page = async (path: string) => {
      const response = await fetch(app.baseUrl + path, { redirect: "manual" });
      return {
        status: response.status,
        location: response.headers.get("location"),
        html: await response.text(),
        headers: response.headers,
      };
    };
    expectSentToSignIn(await page("/insights?severity=SEV1"), "/insights?severity=SEV1");
    // A link pasted with a 12 KB query: the way back keeps the page, not a Location header
    // larger than clients and proxies read (undici gave up on it: HPE_HEADER_OVERFLOW).
    const long = await page(`/insights?from=${"x".repeat(12_000)}`);
    expectSentToSignIn(long, "/insights");
    expect(long.headers.get("location")!.length).toBeLessThan(2_100);
  });

  it("signing in again from the same browser replaces its session: the old cookie no longer works", async () => {
    const first = await client.session("comms@northwind.example");
    const again = await client.signIn("comms@northwind.example", undefined, { cookie: first });
    expect(again.status).toBe(302);
    const second = again.headers.get("set-cookie")!.split(";")[0];
    expect(second).not.toBe(first);
    expectSentToSignIn(await client.open("/incidents", first), "/incidents");
    expectSignedIn(await client.open("/incidents", second));
  });

  it("ends a session idle for longer than 12 hours (plus the 5-minute touch interval), and says so", async () => {
    const cookie = await client.session("responder@northwind.example");
    const id = await newestSession("responder@northwind.example");
    await app.db.execute(`UPDATE "Session" SET "lastSeenAt" = ? WHERE "id" = ?`, new Date(Date.now() - 12 * HOUR), id);
    expectSignedIn(await client.open("/incidents", cookie)); // 12 h exactly: not yet (lastSeenAt lags by up to 5 minutes)

    await app.db.execute(`UPDATE "Session" SET "lastSeenAt" = ? WHERE "id" = ?`, new Date(Date.now() - 12 * HOUR - 6 * 60 * 1000), id);
    const sent = await client.open("/incidents?status=open", cookie);
    expectSentToSignIn(sent, "/incidents?status=open", "idle");
    expect(sent.headers.get("set-cookie")).toMatch(/__session=;.*Expires=Thu, 01 Jan 1970/);
    const login = await client.open(sent.location!, null);
    expect(login.html).toContain("You were signed out after 12 hours without activity.");
    // the API says 401 for the same cookie, in its error shape
    const api = await fetch(`${app.baseUrl}/api/v1/incidents`, { headers: { cookie } });
    expect(api.status).toBe(401);
    expect((await api.json()).error.message).toMatch(/session has ended/);
  });

  it("ends a session at its absolute lifetime however recently it was used", async () => {
    const cookie = await client.session("viewer@northwind.example");
    const id = await newestSession("viewer@northwind.example");
    await app.db.execute(
      `UPDATE "Session" SET "expiresAt" = ?, "lastSeenAt" = ? WHERE "id" = ?`,
      new Date(Date.now() - 1000),
      new Date(),
      id,
    );
    const sent = await client.open("/postmortems", cookie);
    expectSentToSignIn(sent, "/postmortems", "expired");
    expect((await client.open(sent.location!, null)).html).toContain("Your session reached its 14-day limit.");
  });

  it("lists my sessions with browser, times and a this-session marker, and ends another one", async () => {
    const email = "responder@northwind.example";
    const here = await client.session(email);
    const hereId = await newestSession(email);
    const elsewhere = await client.session(email, undefined, FIREFOX_ON_WINDOWS);
    const elsewhereId = await newestSession(email);

    const page = await client.open("/account", here);
    expectSignedIn(page);
    expect(page.html).toContain("This session");
    expect(page.html).toContain("Chrome on Linux");
    expect(page.html).toContain("Firefox on Windows");
    expect(page.html).toContain("End all other sessions");

    const before = await audits("session.ended");
    const ended = await client.post("/account", here, { intent: "end-session", sessionId: elsewhereId });
    expect(ended.status).toBe(200);
    expect(ended.html).toContain("1 session was ended.");
    expectSentToSignIn(await client.open("/incidents", elsewhere), "/incidents", "ended_by_user");
    expectSignedIn(await client.open("/incidents", here));
    expect(await audits("session.ended")).toBe(before + 1);
    expect(await sessionIds(email)).toContain(hereId);
    expect(await sessionIds(email)).not.toContain(elsewhereId);
  });

  it("ends all my other sessions and keeps this one", async () => {
    const email = "comms@northwind.example";
    const others = [await client.session(email), await client.session(email, undefined, FIREFOX_ON_WINDOWS)];
    const here = await client.session(email);
    const response = await client.post("/account", here, { intent: "end-other-sessions" });
    expect(response.status).toBe(200);
    expect(response.html).toMatch(/\d+ sessions were ended\./);
    for (const cookie of others) expectSentToSignIn(await client.open("/incidents", cookie), "/incidents", "ended_by_user");
    expectSignedIn(await client.open("/account", here));
    expect(await sessionIds(email)).toHaveLength(1);
  });

  it("refuses to end someone else's session from the account page (403), and ends nothing", async () => {
    const victim = await client.session("viewer@northwind.example");
    const victimId = await newestSession("viewer@northwind.example");
    const responder = await client.session("responder@northwind.example");
    const refused = await client.post("/account", responder, { intent: "end-session", sessionId: victimId });
    expect(refused.status).toBe(403);
    expect(refused.html).toContain("You may end only your own sessions");
    expectSignedIn(await client.open("/incidents", victim));
  });

  it("answers every form of the account page with one outcome: ok and the form's name, done or refused", async () => {
    const email = "responder@northwind.example";
    const elsewhere = await client.session(email, undefined, FIREFOX_ON_WINDOWS);
    const elsewhereId = await newestSession(email);
    const here = await client.session(email);
    const post = (fields: Record<string, string>) => postForOutcome(app.baseUrl, here, "/account", fields);

    expect(await post({ intent: "time-zone", timeZone: "Europe/Paris" })).toEqual({
      status: 200,
      outcome: { ok: true, form: "time-zone", timeZone: "Europe/Paris" },
    });
    expect(await post({ intent: "time-zone", timeZone: "Mars/Olympus_Mons" })).toEqual({
      status: 422,
      outcome: { ok: false, form: "time-zone", errors: { timeZone: expect.stringContaining("must be a time zone from the list") } },
    });
    expect(await post({ intent: "end-session", sessionId: elsewhereId })).toEqual({
      status: 200,
      outcome: { ok: true, form: "end-session", ended: 1 },
    });
    expectSentToSignIn(await client.open("/incidents", elsewhere), "/incidents", "ended_by_user");
    await client.session("viewer@northwind.example");
    const victimId = await newestSession("viewer@northwind.example");
    const someoneElse = await post({ intent: "end-session", sessionId: victimId });
    expect(someoneElse).toEqual({
      status: 403,
      outcome: { ok: false, form: "end-session", errors: { _: expect.stringContaining("You may end only your own sessions") } },
    });
    expect(await post({ intent: "end-other-sessions" })).toEqual({
      status: 200,
      outcome: { ok: true, form: "end-other-sessions", ended: expect.any(Number) },
    });
    // refused by the rules before the current password is checked: no failed attempt counted
    const mismatch = await post({
      intent: "change-password",
      currentPassword: "x",
      newPassword: "lantern orchard violet",
      confirmPassword: "lantern",
    });
    expect(mismatch).toEqual({
      status: 422,
      outcome: {
        ok: false,
        form: "change-password",
        errors: { confirmPassword: expect.stringContaining("does not match the new password") },
      },
    });
    expect(await post({ intent: "sign-out-everyone" })).toMatchObject({
      status: 422,
      outcome: { ok: false, form: "sign-out-everyone", errors: { intent: expect.any(String) } },
    });
    expect(await post({ intent: "time-zone", timeZone: "Etc/UTC" })).toMatchObject({ status: 200, outcome: { ok: true } });
  });

  it("lets an admin see a user's active sessions and end them all; a non-admin gets 403", async () => {
    const victim = await client.session("viewer@northwind.example");
    const viewerId = (await app.db.rows<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = ?`, "viewer@northwind.example"))[0].id;
    const responder = await client.session("responder@northwind.example");
    const refused = await client.post("/admin/users", responder, { intent: "end-sessions", userId: viewerId });
    expect(refused.status).toBe(403);
    expectSignedIn(await client.open("/incidents", victim));

    const admin = await client.session("admin@northwind.example");
    const users = await client.open("/admin/users", admin);
    const active = (await sessionIds("viewer@northwind.example")).length;
    const row = users.html.slice(users.html.indexOf("viewer@northwind.example"));
    expect(row.slice(0, row.indexOf("</tr>"))).toContain(active === 1 ? ">1 session<" : `>${active} sessions<`);
    expect(users.html).toContain("End all of Alex Chen’s sessions");

    const before = await audits("user.sessions_ended");
    expect((await client.post("/admin/users", admin, { intent: "end-sessions", userId: viewerId })).status).toBe(200);
    expectSentToSignIn(await client.open("/incidents", victim), "/incidents", "ended_by_admin");
    expect(await sessionIds("viewer@northwind.example")).toHaveLength(0);
    expect(await audits("user.sessions_ended")).toBe(before + 1);
  });

  it("a role change ends that person's sessions; they sign in again with the new role", async () => {
    const email = "viewer@northwind.example";
    const old = await client.session(email);
    const userId = (await app.db.rows<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = ?`, email))[0].id;
    const admin = await client.session("admin@northwind.example");
    expect((await client.post("/admin/users", admin, { intent: "change-role", userId, role: "responder" })).status).toBe(200);

    const sent = await client.open("/incidents/new", old);
    expectSentToSignIn(sent, "/incidents/new", "role_changed");
    expect((await client.open(sent.location!, null)).html).toContain("An admin changed your role");
    const fresh = await client.session(email);
    expectSignedIn(await client.open("/incidents/new", fresh)); // a responder may declare; a viewer may not
  });

  it("takes a malformed session cookie for no session: sign-in on pages (cookie cleared), 401 on the API, refused on /collab", async () => {
    for (const cookie of ["__session=%E0%A4%A", "__session=%", "__session=%ZZ; theme=dark", "theme=dark; __session=%C0%AF"]) {
      const page = await client.open("/incidents?status=open", cookie);
      expectSentToSignIn(page, "/incidents?status=open", null);
      expect(page.headers.get("set-cookie"), cookie).toMatch(/__session=;.*Expires=Thu, 01 Jan 1970/);
      const api = await fetch(`${app.baseUrl}/api/v1/incidents`, { headers: { cookie } });
      expect(api.status, cookie).toBe(401);
      expect((await api.json()).error.code).toBe("unauthorized");
      expect((await client.open("/login", cookie)).status, cookie).toBe(200);
      expect((await client.open("/status", cookie)).status, cookie).toBe(200);
      // signing in from that browser replaces the broken cookie
      const signedIn = await client.signIn("viewer@northwind.example", undefined, { cookie });
      expect(signedIn.status, cookie).toBe(302);
    }
    const editor = collaborate(app.baseUrl, await newPostmortem(app), "__session=%E0%A4%A");
    expect(await editor.scope).toBe("refused: sign-in-required");
    editor.destroy();
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });
});
