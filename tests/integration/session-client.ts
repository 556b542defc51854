// Signing in and using pages as a browser does, with cookies and a user agent, for the
// session, password and rate-limit tests.
import { expect } from "vitest";

export const DEMO_PASSWORD = "demo-password-2026";
export const CHROME_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";
export const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

export type PageResponse = { status: number; location: string | null; html: string; headers: Headers };

export function sessionClient(baseUrl: string) {
  async function send(
    method: string,
    path: string,
    cookie: string | null,
    fields?: Record<string, string>,
    userAgent = CHROME_ON_LINUX,
  ): Promise<PageResponse> {
    const response = await fetch(baseUrl + path, {
      method,
      redirect: "manual",
      // A page of the site names its origin on every form it posts (decision 0030).
      headers: { "user-agent": userAgent, origin: baseUrl, ...(cookie ? { cookie } : {}) },
      body: fields ? new URLSearchParams(fields) : undefined,
    });
    return { status: response.status, location: response.headers.get("location"), html: await response.text(), headers: response.headers };
  }
  return {
    /** Posts the sign-in form; `cookie` is the browser's current one (for rotation). */
    signIn: (email: string, password = DEMO_PASSWORD, options: { cookie?: string; userAgent?: string } = {}) =>
      send("POST", "/login", options.cookie ?? null, { email, password }, options.userAgent),
    /** Signs in and returns the new session cookie ("__session=…"). */
    async session(email: string, password = DEMO_PASSWORD, userAgent = CHROME_ON_LINUX): Promise<string> {
      const response = await send("POST", "/login", null, { email, password }, userAgent);
      expect(response.status, response.html.slice(0, 300)).toBe(302);
      return response.headers.get("set-cookie")!.split(";")[0];
    },
    open: (path: string, cookie: string | null) => send("GET", path, cookie),
    post: (path: string, cookie: string | null, fields: Record<string, string>) => send("POST", path, cookie, fields),
  };
}

/** The page answered for a signed-in person (not a redirect to the sign-in page). */
export function expectSignedIn(response: PageResponse) {
  expect(response.status, `redirected to ${response.location}`).toBe(200);
}

/** The page sent the browser to sign in again, saying why (`reason` null: no reason given). */
export function expectSentToSignIn(response: PageResponse, redirectTo: string, reason?: string | null) {
  expect(response.status).toBe(302);
  const location = new URL(response.location!, "http://x");
  expect(location.pathname).toBe("/login");
  expect(location.searchParams.get("redirectTo")).toBe(redirectTo);
  if (reason !== undefined) expect(location.searchParams.get("reason")).toBe(reason);
}
