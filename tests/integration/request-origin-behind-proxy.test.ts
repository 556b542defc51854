// This site's origins behind a proxy (decision 0030): with TRUST_PROXY=1 the forwarded host and scheme
// name this site, and so does PUBLIC_URL; another site is still refused, whatever it claims to be forwarded for.
// (Requests from other sites: request-origin.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { cookieOf } from "./postmortem-fixtures.ts";

describe.each(databases())("this site's origins behind a proxy on %s", (database) => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await startApp({ database, env: { TRUST_PROXY: "1", PUBLIC_URL: "https://status.northwind.example" } });
    admin = await cookieOf(app, "admin@northwind.example");
  });
  afterAll(() => app?.stop());

  const post = (email: string, headers: Record<string, string>) =>
    fetch(`${app.baseUrl}/admin/users`, {
      method: "POST",
      headers: { cookie: admin, "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({
        intent: "create",
        email,
        name: "Proxied",
        role: "viewer",
        password: "a-very-long-password-of-proxied-77",
      }),
      redirect: "manual",
    });

  it("takes the forwarded host and scheme with TRUST_PROXY=1, and PUBLIC_URL", async () => {
    const forwarded = await post("via-proxy@northwind.example", {
      origin: "https://desk.northwind.example",
      "x-forwarded-host": "desk.northwind.example",
      "x-forwarded-proto": "https",
    });
    expect(forwarded.status, await forwarded.text()).toBe(200);
    const fromPublicUrl = await post("via-public-url@northwind.example", { origin: "https://status.northwind.example" });
    expect(fromPublicUrl.status, await fromPublicUrl.text()).toBe(200);
    expect(await app.db.count("User", `"email" IN (?, ?)`, "via-proxy@northwind.example", "via-public-url@northwind.example")).toBe(2);
  });

  it("still refuses another site, whatever it claims to be forwarded for", async () => {
    const claimed = await post("claimed@evil.example", {
      origin: "https://evil.example",
      "x-forwarded-host": "desk.northwind.example",
      "x-forwarded-proto": "https",
    });
    expect(claimed.status).toBe(403);
    const http = await post("plain-http@evil.example", { origin: "http://status.northwind.example" });
    expect(http.status).toBe(403);
    expect(await app.db.count("User", `"email" LIKE ?`, "%@evil.example")).toBe(0);
  });
});
