// The headers every response carries (CSP with a fresh nonce, enforced; HSTS only behind https;
// no framing but for the status widget) and ALLOWED_HOSTS, which decides where links in emails
// may point.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { addConfirmedSubscribers, noticesOf, publishNotifyingUpdate, waitUntilSent } from "../setup/delivery-helpers.ts";
import { startResendStandIn, type ResendStandIn } from "../setup/resend-stand-in.ts";

const directives = (csp: string | null) =>
  Object.fromEntries(
    (csp ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values.join(" ")]),
  );

describe("security headers (SQLite)", () => {
  let app: TestApp;
  beforeAll(async () => (app = await startApp({ database: "sqlite" })));
  afterAll(() => app?.stop());

  it("enforces a CSP whose script nonce is new on every page and on every script the page runs", async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${app.baseUrl}/login`);
      expect(response.headers.get("content-security-policy-report-only")).toBeNull();
      const csp = directives(response.headers.get("content-security-policy"));
      const nonce = /'nonce-([^']+)'/.exec(csp["script-src"])?.[1];
      expect(nonce).toBeTruthy();
      expect(csp["script-src"]).not.toContain("unsafe-inline");
      expect(csp["frame-ancestors"]).toBe("'none'");
      expect(csp["object-src"]).toBe("'none'");
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      nonces.push(nonce!);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("sends no HSTS without HSTS=1 (plain http)", async () => {
    expect((await fetch(`${app.baseUrl}/login`)).headers.get("strict-transport-security")).toBeNull();
    expect((await fetch(`${app.baseUrl}/status`)).headers.get("strict-transport-security")).toBeNull();
  });

  it("lets no site frame the status page, and any site frame the status widget, which runs no script", async () => {
    const page = await fetch(`${app.baseUrl}/status`);
    expect(directives(page.headers.get("content-security-policy"))["frame-ancestors"]).toBe("'none'");
    expect(page.headers.get("x-frame-options")).toBe("DENY");

    const widget = await fetch(`${app.baseUrl}/status/embed`);
    expect(widget.status).toBe(200);
    const csp = directives(widget.headers.get("content-security-policy"));
    expect(csp["frame-ancestors"]).toBe("*");
    expect(csp["default-src"]).toBe("'none'");
    expect(csp["script-src"]).toBeUndefined();
    expect(widget.headers.get("x-frame-options")).toBeNull();
    const html = await widget.text();
    expect(html).not.toContain("<script");
    const summary = (await (await fetch(`${app.baseUrl}/api/v2/status.json`)).json()) as { status: { description: string } };
    expect(html).toContain(summary.status.description);
  });
});

describe("behind https: HSTS and a chosen set of sites for the widget (SQLite)", () => {
  let app: TestApp;
  beforeAll(
    async () =>
      (app = await startApp({
        database: "sqlite",
        env: { HSTS: "1", STATUS_EMBED_ANCESTORS: "https://www.northwind.example https://help.northwind.example" },
      })),
  );
  afterAll(() => app?.stop());

  it("sends HSTS on the app's pages and on the status page", async () => {
    for (const path of ["/login", "/status", "/api/v2/summary.json"]) {
      expect((await fetch(`${app.baseUrl}${path}`)).headers.get("strict-transport-security"), path).toMatch(/max-age=\d{7,}/);
    }
  });

  it("lets only the listed sites frame the widget", async () => {
    const csp = directives((await fetch(`${app.baseUrl}/status/embed`)).headers.get("content-security-policy"));
    expect(csp["frame-ancestors"]).toBe("https://www.northwind.example https://help.northwind.example");
  });
});

describe.each(databases())("ALLOWED_HOSTS and the links in emails on %s", (database) => {
  let before: TestApp;
  let app: TestApp;
  let standIn: ResendStandIn;
  beforeAll(async () => {
    standIn = await startResendStandIn({ requestsPerSecond: 20 });
    // An installation whose public URL was set before ALLOWED_HOSTS existed…
    before = await startApp({ database, env: { DELIVERY_WORKER: "off" } });
    expect((await savePublicUrl(before, "https://status.old-brand.example")).status).toBe(200);
    // …and the same database served with ALLOWED_HOSTS set.
    app = await startApp({
      database,
      databaseUrl: before.databaseUrl,
      env: {
        RESEND_API_KEY: standIn.apiKey,
        RESEND_BASE_URL: standIn.url,
        EMAIL_REQUESTS_PER_SECOND: "20",
        PUBLIC_URL: "https://status.northwind.example",
        ALLOWED_HOSTS: "status.northwind.example, *.northwind.dev",
      },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await before?.stop();
    await standIn?.close();
  });

  async function savePublicUrl(on: TestApp, publicUrl: string) {
    const body = new URLSearchParams({
      name: "Northwind",
      publicUrl,
      timeZone: "Europe/Berlin",
      uptimePartialWeight: "0.3",
      uptimeDegradedWeight: "0.1",
    });
    const response = await fetch(`${on.baseUrl}/admin/settings`, {
      method: "POST",
      headers: { authorization: `Bearer ${on.adminToken}` },
      body,
      redirect: "manual",
    });
    return { status: response.status, text: await response.text() };
  }

  it("never puts a stored URL that is no longer allowed into an email: PUBLIC_URL stands in", async () => {
    const [reader] = await addConfirmedSubscribers(app.api, "allowed-hosts", 1);
    const published = await publishNotifyingUpdate(app.api, `Allowed hosts ${database}`);
    await waitUntilSent(app.api, published.updateId, 1, 30_000);
    const [email] = noticesOf(standIn, published.updateId);
    expect(email.to).toEqual([reader]);
    const links = [...(email.html ?? "").matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(new URL(link).host).toBe("status.northwind.example");
    expect(email.html).not.toContain("old-brand.example");
  });

  it("refuses a public URL on a host outside ALLOWED_HOSTS, with the field and reason, and takes one inside", async () => {
    const refused = await savePublicUrl(app, "https://status.evil.example");
    expect(refused.status).toBe(422);
    expect(refused.text).toContain("publicUrl");
    expect(refused.text).toContain("ALLOWED_HOSTS");
    expect((await savePublicUrl(app, "https://status.northwind.dev")).status).toBe(200);
  });
});
