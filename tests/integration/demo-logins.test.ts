// Small leaks (issue 13, item 11): the sign-in page shows a demo login only while its user still has the demo
// password, and the password only while one does. (The others: small-leaks.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { sessionClient } from "./session-client.ts";

describe.each(databases())("the demo logins on the sign-in page on %s", (database) => {
  let app: TestApp;
  beforeAll(async () => (app = await startApp({ database })));
  afterAll(() => app?.stop());

  const signInPage = async () => (await fetch(`${app.baseUrl}/login`)).text();

  it("shows a demo login only while its user still has the demo password, and the password only while one does", async () => {
    const before = await signInPage();
    expect(before).toContain("demo-password-2026");
    expect(before).toContain("viewer@northwind.example");

    const browser = sessionClient(app.baseUrl);
    const changePassword = async (email: string) => {
      const session = await browser.session(email);
      const changed = await browser.post("/account", session, {
        intent: "change-password",
        currentPassword: "demo-password-2026",
        newPassword: `a new secret for ${email}`,
        confirmPassword: `a new secret for ${email}`,
      });
      expect(changed.status, changed.html.slice(0, 300)).toBeLessThan(400);
    };
    await changePassword("viewer@northwind.example");
    const after = await signInPage();
    expect(after).not.toContain("viewer@northwind.example");
    expect(after).toContain("admin@northwind.example");
    expect(after).toContain("demo-password-2026");

    for (const role of ["admin", "responder", "comms"]) await changePassword(`${role}@northwind.example`);
    const none = await signInPage();
    expect(none).not.toContain("demo-password-2026");
    expect(none).not.toContain("Demo logins");
  });
});
