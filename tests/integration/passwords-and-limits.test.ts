// Password rules where passwords are set (the admin's new user, one's own change), and the
// limits on guessing: failed sign-ins per account and per address, unknown bearer tokens per
// address, tokens created per account; each a 429 with Retry-After that lifts after the window.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type TestApp } from "../setup/app-server.ts";
import { expectSentToSignIn, expectSignedIn, sessionClient } from "./session-client.ts";

const WINDOW_S = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const waitForWindow = () => sleep(WINDOW_S * 1000 + 300);

describe.each(databases())("passwords and rate limits on %s", (database) => {
  let app: TestApp;
  let client: ReturnType<typeof sessionClient>;

  beforeAll(async () => {
    app = await startApp({
      database,
      env: {
        RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_S),
        LOGIN_FAILURES_PER_ACCOUNT: "3",
        LOGIN_FAILURES_PER_IP: "5",
        TOKEN_FAILURES_PER_IP: "3",
        TOKENS_CREATED_PER_ACCOUNT: "2",
      },
    });
    client = sessionClient(app.baseUrl);
  });
  afterAll(() => app?.stop());

  it("refuses a new user's password that is short, common or their own name, naming the field", async () => {
    const admin = await client.session("admin@northwind.example");
    const users = () => app.db.count("User");
    const before = await users();
    const attempt = (password: string) =>
      client.post("/admin/users", admin, {
        intent: "create",
        name: "Pat Example",
        email: "pat@northwind.example",
        role: "viewer",
        password,
      });
    for (const [password, reason] of [
      ["short-one", "must be at least 12 characters"],
      ["1qaz2wsx3edc", "is one of the most common passwords; choose another"],
      ["Pat Example", "must be at least 12 characters"],
      ["pat@northwind.example", "must not be your email address"],
      ["x".repeat(201), "must be at most 200 characters"],
    ]) {
      const refused = await attempt(password);
      expect(refused.status, password).toBe(422);
      expect(refused.html, password).toContain(reason);
    }
    expect(await users()).toBe(before);
    expect((await attempt("plum tractor seventeen")).status).toBe(200);
    expect(await users()).toBe(before + 1);
    await client.session("pat@northwind.example", "plum tractor seventeen"); // a session elsewhere, ended by the change below
  });

  it("changes my password only with the current one, by the rules, and ends my other sessions", async () => {
    const email = "pat@northwind.example";
    const elsewhere = await client.session(email, "plum tractor seventeen");
    const here = await client.session(email, "plum tractor seventeen");
    const change = (fields: Record<string, string>) => client.post("/account", here, { intent: "change-password", ...fields });

    const wrong = await change({
      currentPassword: "not my password",
      newPassword: "lantern orchard violet",
      confirmPassword: "lantern orchard violet",
    });
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain("is not correct");
    const common = await change({
      currentPassword: "plum tractor seventeen",
      newPassword: "qwertyuiop123",
      confirmPassword: "qwertyuiop123",
    });
    expect(common.status).toBe(422);
    expect(common.html).toContain("is one of the most common passwords");
    const mismatch = await change({
      currentPassword: "plum tractor seventeen",
      newPassword: "lantern orchard violet",
      confirmPassword: "lantern orchard violets",
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.html).toContain("does not match the new password");
    expectSignedIn(await client.open("/incidents", elsewhere)); // nothing changed yet

    const audits = await app.db.count("AuditEvent", `"action" = ?`, "user.password_changed");
    const changed = await change({
      currentPassword: "plum tractor seventeen",
      newPassword: "lantern orchard violet",
      confirmPassword: "lantern orchard violet",
    });
    expect(changed.status).toBe(200);
    expect(changed.html).toContain("Password changed. 2 other sessions were ended.");
    expect(await app.db.count("AuditEvent", `"action" = ?`, "user.password_changed")).toBe(audits + 1);
    expectSignedIn(await client.open("/incidents", here));
    expectSentToSignIn(await client.open("/incidents", elsewhere), "/incidents", "password_changed");
    expect((await client.signIn(email, "plum tractor seventeen")).status).toBe(422);
    expect((await client.signIn(email, "lantern orchard violet")).status).toBe(302);
    await waitForWindow(); // the failure above counts against the account and the address
  });

  it("after 3 failed sign-ins an account answers 429 with Retry-After, even to the right password, until the window passes", async () => {
    const email = "responder@northwind.example";
    for (let i = 0; i < 3; i++) expect((await client.signIn(email, "wrong password here")).status).toBe(422);
    const refused = await client.signIn(email);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_S);
    expect(refused.html).toContain("Too many failed sign-ins for this account.");
    expect(refused.html).toMatch(/Try again in \d+ seconds\./);
    // another account from the same address is not locked by this one
    expect((await client.signIn("comms@northwind.example")).status).toBe(302);

    await sleep(retryAfter * 1000 + 200);
    expect((await client.signIn(email)).status).toBe(302);
    await waitForWindow();
  });

  it("after 5 failed sign-ins from one address, any account from it answers 429 until the window passes", async () => {
    for (let i = 0; i < 5; i++) expect((await client.signIn(`nobody-${i}@northwind.example`, "wrong password here")).status).toBe(422);
    const refused = await client.signIn("viewer@northwind.example");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^[1-3]$/);
    expect(refused.html).toContain("Too many failed sign-ins from your network.");
    await waitForWindow();
    expect((await client.signIn("viewer@northwind.example")).status).toBe(302);
  });

  it("after 3 unknown bearer tokens the address gets the API's 429 with Retry-After, then works again", async () => {
    const stranger = api(app.baseUrl, "idk_this-is-not-a-token-of-ours");
    for (let i = 0; i < 3; i++) expect((await stranger.get("/api/v1/incidents")).status).toBe(401);
    const refused = await app.api.get("/api/v1/incidents");
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: "rate_limited", message: expect.stringContaining("invalid API token"), fields: {} } });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    await waitForWindow();
    expect((await app.api.get("/api/v1/incidents")).status).toBe(200);
  });

  it("an account may create 2 tokens per window; the third is a 429 and stores nothing", async () => {
    const tokens = () => app.db.count("ApiToken");
    const before = await tokens();
    expect((await app.api.post("/api/v1/tokens", { name: "one", role: "viewer" })).status).toBe(201);
    expect((await app.api.post("/api/v1/tokens", { name: "two", role: "viewer" })).status).toBe(201);
    const refused = await app.api.post("/api/v1/tokens", { name: "three", role: "viewer" });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("rate_limited");
    expect(refused.headers.get("retry-after")).toMatch(/^[1-3]$/);
    expect(await tokens()).toBe(before + 2);
    await waitForWindow();
    expect((await app.api.post("/api/v1/tokens", { name: "three", role: "viewer" })).status).toBe(201);
  });
});
