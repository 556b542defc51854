// The account page in Chromium: signed in twice (two browsers), the first ends the second's
// session, and the second is signed out on its next page, told why.
import { describe, expect, it } from "vitest";
import { USERS } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("account-sessions");

describe("your sessions", () => {
  it("ending the other browser's session from the account page signs that browser out", async () => {
    const first = await suite.signedInPage("first", USERS.comms);
    const second = await suite.signedInPage("second", USERS.comms);

    await first.page
      .getByRole("link", { name: /Account|Elena Marsh/ })
      .first()
      .click();
    await first.page.waitForURL((url) => url.pathname === "/account");
    const rows = first.page.getByTestId("session");
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    await expect.poll(() => rows.first().innerText()).toContain("This session");
    await screenshot(first.page, "account-sessions--two-sessions");

    await rows
      .nth(1)
      .getByRole("button", { name: /^End the session/ })
      .click();
    await first.page.getByRole("status").filter({ hasText: "1 session was ended." }).waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    await screenshot(first.page, "account-sessions--ended");

    await second.page.goto("/incidents");
    await second.page.waitForURL((url) => url.pathname === "/login");
    expect(new URL(second.page.url()).searchParams.get("redirectTo")).toBe("/incidents");
    await second.page.getByText("This session was ended from your account page").waitFor();
    await screenshot(second.page, "account-sessions--signed-out");

    // the first browser is still signed in
    await first.page.goto("/incidents");
    expect(new URL(first.page.url()).pathname).toBe("/incidents");
  });
});
