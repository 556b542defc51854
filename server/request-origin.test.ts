import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { foreignSource, mustComeFromThisSite, ownOrigins, refusedOrigin, refusedSocketOrigin, type OwnOrigins } from "./request-origin.ts";

const SITE: OwnOrigins = { encrypted: false, trustProxy: false };
const HOST = "desk.example:3000";
const headers = (extra: IncomingHttpHeaders): IncomingHttpHeaders => ({ host: HOST, ...extra });
const refused = (method: string, path: string, extra: IncomingHttpHeaders, options = SITE) =>
  refusedOrigin(method, path, headers(extra), options);

describe("ownOrigins", () => {
  it("is the scheme and Host the request was sent to, and PUBLIC_URL", () => {
    expect([...ownOrigins(headers({}), { ...SITE, publicUrl: "https://Status.Example/" })]).toEqual([
      "http://desk.example:3000",
      "https://status.example",
    ]);
    expect([...ownOrigins({ host: "desk.example:443" }, { ...SITE, encrypted: true })]).toEqual(["https://desk.example"]);
  });

  it("counts X-Forwarded-Host and -Proto only behind a trusted proxy", () => {
    const forwarded = headers({ "x-forwarded-host": "desk.example.com, inner", "x-forwarded-proto": "https" });
    expect([...ownOrigins(forwarded, SITE)]).toEqual(["http://desk.example:3000"]);
    expect([...ownOrigins(forwarded, { ...SITE, trustProxy: true })]).toEqual(["https://desk.example:3000", "https://desk.example.com"]);
  });
});

describe("which requests must come from this site", () => {
  it("asks writes that carry cookies, and every sign-in", () => {
    expect(mustComeFromThisSite("POST", "/admin/users", { cookie: "__session=x" })).toBe(true);
    for (const method of ["PUT", "PATCH", "DELETE", "PROPFIND"])
      expect(mustComeFromThisSite(method, "/api/v1/incidents/x", { cookie: "a=b" })).toBe(true);
    expect(mustComeFromThisSite("POST", "/login", {})).toBe(true);
  });

  it("does not ask reads, bearer tokens, cookieless requests or the one-click unsubscribe", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"])
      expect(mustComeFromThisSite(method, "/admin/users", { cookie: "__session=x" })).toBe(false);
    expect(mustComeFromThisSite("POST", "/api/v1/incidents", { cookie: "__session=x", authorization: "Bearer idk_x" })).toBe(false);
    expect(mustComeFromThisSite("POST", "/api/v1/email-events", {})).toBe(false);
    expect(mustComeFromThisSite("POST", "/status/subscriptions/tok/unsubscribe", { cookie: "__session=x" })).toBe(false);
    // Slack's signed endpoints: the signature is the credential, even if a cookie came along
    for (const path of ["/api/v1/slack/commands", "/api/v1/slack/events", "/api/v1/slack/interactions"])
      expect(
        refusedOrigin("POST", path, headers({ cookie: "__session=x", "content-type": "application/x-www-form-urlencoded" }), SITE),
      ).toBeNull();
    expect(mustComeFromThisSite("POST", "/api/v1/slack/other", { cookie: "__session=x" })).toBe(true);
    expect(mustComeFromThisSite("POST", "/admin/users", { cookie: "__session=x", authorization: "Basic eDp5" })).toBe(true);
  });
});

describe("foreignSource", () => {
  const own = new Set(["http://desk.example:3000"]);
  const form = { "content-type": "application/x-www-form-urlencoded" };
  const check = (extra: IncomingHttpHeaders, nameless = true) => foreignSource(extra, own, { namelessFormsRefused: nameless });

  it("refuses cross-site, a foreign or null Origin, and a same-site page that is not this one", () => {
    expect(check({ "sec-fetch-site": "cross-site", origin: "http://desk.example:3000" })).toMatch(/cross-site/);
    expect(check({ origin: "https://evil.example" })).toMatch(/Origin/);
    expect(check({ origin: "null" })).toMatch(/Origin/);
    expect(check({ origin: "https://desk.example:3000" })).toMatch(/Origin/);
    expect(check({ origin: "http://desk.example:3000.evil.example" })).toMatch(/Origin/);
    expect(check({ "sec-fetch-site": "same-site" })).toMatch(/same-site/);
  });

  it("takes this site's own pages", () => {
    expect(check({ origin: "http://desk.example:3000", ...form })).toBeNull();
    expect(check({ origin: "HTTP://DESK.EXAMPLE:3000" })).toBeNull();
    expect(check({ "sec-fetch-site": "same-origin", ...form })).toBeNull();
    expect(check({ referer: "http://desk.example:3000/admin/users", ...form })).toBeNull();
  });

  it("asks a request that names no origin for a Referer only when it is shaped like another site's form", () => {
    expect(check({ referer: "https://evil.example/", "content-type": "application/json" })).toMatch(/Referer/);
    for (const type of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain;charset=UTF-8"]) {
      expect(check({ "content-type": type })).toMatch(/names no Origin/);
      expect(check({ "content-type": type }, false)).toBeNull();
    }
    expect(check({ "content-type": "application/json" })).toBeNull();
    expect(check({})).toBeNull();
  });
});

describe("the verdicts", () => {
  it("refuses a cross-site form post with a cookie, and the same post from this site passes", () => {
    expect(refused("POST", "/admin/users", { cookie: "__session=x", origin: "https://evil.example" })).not.toBeNull();
    expect(refused("POST", "/admin/users", { cookie: "__session=x", origin: "http://desk.example:3000" })).toBeNull();
    expect(
      refused(
        "POST",
        "/admin/users",
        { cookie: "__session=x", origin: "https://status.example" },
        { ...SITE, publicUrl: "https://status.example" },
      ),
    ).toBeNull();
  });

  it("lets a script sign in without naming an origin, but not another site", () => {
    expect(refused("POST", "/login", { "content-type": "application/x-www-form-urlencoded" })).toBeNull();
    expect(refused("POST", "/login", { origin: "https://evil.example" })).not.toBeNull();
  });

  it("judges a websocket by the same rule, letting a script without Origin through", () => {
    expect(refusedSocketOrigin(headers({ origin: "https://evil.example", cookie: "__session=x" }), SITE)).not.toBeNull();
    expect(refusedSocketOrigin(headers({ "sec-fetch-site": "cross-site" }), SITE)).not.toBeNull();
    expect(refusedSocketOrigin(headers({ origin: "http://desk.example:3000" }), SITE)).toBeNull();
    expect(refusedSocketOrigin(headers({ cookie: "__session=x" }), SITE)).toBeNull();
  });
});
