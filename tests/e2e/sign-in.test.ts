// Signing in and out through the login page, as a person would.
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, fillLogin, signIn, USERS } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("sign-in");

describe("sign in", () => {
  it("a wrong password shows an error and stays on /login", async () => {
    const { page } = await suite.newPage("visitor");
    await page.goto("/login");
    await screenshot(page, "sign-in--login-page");
    await fillLogin(page, USERS.responder, "not-the-password");

    const error = page.getByRole("alert").filter({ hasText: /not correct|incorrect|invalid|wrong|did not match/i });
    await error.waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
    await screenshot(page, "sign-in--wrong-password");

    // Nothing was signed in: the incident list still sends us to the login page.
    await page.goto("/incidents");
    await page.waitForURL((url) => url.pathname === "/login");
  });

  it("the responder's login lands on /incidents with the demo incidents", async () => {
    const { page } = await suite.newPage("responder");
    await signIn(page, USERS.responder, DEMO_PASSWORD);
    expect(new URL(page.url()).pathname).toBe("/incidents");
    await page.getByText("Chat and API unavailable worldwide").first().waitFor();
    await page.getByTitle("Signed in as Dana Whitfield (responder)").waitFor(); // the signed-in user in the header
    await screenshot(page, "sign-in--incidents");
  });

  it("signing out returns to /login, and /incidents then redirects to the login page", async () => {
    const { page } = await suite.newPage("responder");
    await signIn(page, USERS.responder);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await screenshot(page, "sign-in--signed-out");

    await page.goto("/incidents");
    await page.waitForURL((url) => url.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("redirectTo")).toBe("/incidents");
    await page.locator('input[type="password"]').waitFor();
    // The old session is gone on the server too, not just the cookie in this browser.
    expect(await page.getByText("Chat and API unavailable worldwide").count()).toBe(0);
  });

  it("a signed-out visit to a page signs in and then returns to that page", async () => {
    const { page } = await suite.newPage("responder");
    await page.goto("/incidents/new");
    await page.waitForURL((url) => url.pathname === "/login");
    await fillLogin(page, USERS.responder, DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === "/incidents/new");
    await page.getByLabel("What is happening?").waitFor();
  });
});
