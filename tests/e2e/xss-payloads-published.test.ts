// Script payloads (tests/e2e/support/xss.ts) in published updates, their titles, an admin's update template and
// email notice: none runs in Chromium on the public pages, in the feeds, the emails, the webhooks' JSON or the
// pages inside, and no dangerous link keeps its href. Pages are opened with the CSP bypassed, so each render
// path is tested on its own, not rescued by the nonce; emails and feed entries are loaded with setContent, as
// a mail client or feed reader would show them. (The other inputs: xss-payloads.test.ts.)
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startResendStandIn } from "../setup/resend-stand-in.ts";
import { USERS, waitUntil } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { guardedPages } from "./support/guarded-page.ts";
import { useSuite } from "./support/suite.ts";
import { XSS_PAYLOADS } from "./support/xss.ts";

const standIn = await startResendStandIn();
const suite = useSuite("xss-payloads-published", {
  env: {
    RESEND_API_KEY: standIn.apiKey,
    RESEND_BASE_URL: standIn.url,
    EMAIL_REQUESTS_PER_SECOND: "50",
    WEBHOOK_ALLOWED_HOSTS: "localhost",
  },
});
afterAll(() => standIn.close());
const { guardedPage, expectInert, visit } = guardedPages(suite);

describe("script payloads in published updates", () => {
  const webhookBodies: { contentType: string; body: string }[] = [];
  let receiver: http.Server;
  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        webhookBodies.push({ contentType: String(req.headers["content-type"]), body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  const stamp = Date.now().toString(36);
  const reader = `reader-${stamp}@example.com`;
  const titles: string[] = [];
  const insideIds = new Map<string, string>();
  const liquidTitle = `Liquid ${stamp} {{ page_name }} {% raw %}x{% endraw %} \${7*7}`;
  let ours: { id: string; name: string; incident_updates: { body: string }[] }[] = [];

  beforeAll(async () => {
    expect((await suite.admin.call("POST", "/api/v1/subscribers", { email: reader, confirmedAt: new Date().toISOString() })).status).toBe(
      201,
    );
    const hook = await suite.admin.call("POST", "/api/v1/webhooks", {
      url: `http://localhost:${(receiver.address() as AddressInfo).port}/hook`,
      secret: "a-long-enough-secret-0123456789",
      events: ["incident", "component"],
    });
    expect(hook.status, JSON.stringify(hook.json)).toBe(201);

    // An admin's update template and email notice with their own markup around the variables.
    const template = await suite.admin.call("PUT", "/api/v1/templates/update.investigating", {
      source: `We are looking into {{ title }} on {{ components_text }}. <script>window.__xss(50)</script> {{ "{{ 7 | plus: 1 }}" }}`,
    });
    expect(template.status, JSON.stringify(template.json)).toBe(200);
    const notice = await suite.admin.call("PUT", "/api/v1/notice-templates/incident.created", {
      html: `<h1 onclick="window.__xss(51)">{{ title }}</h1><p>{{ body }}</p><a href="{{ body }}">as a link</a> <a href=javascript:window.__xss(52)>js</a>
<img src=x onerror="window.__xss(53)"><svg onload="window.__xss(54)"></svg><iframe srcdoc="<script>parent.__xss(55)</script>"></iframe>
<a href="{{ incident_url }}" style="background:url(javascript:window.__xss(56))">follow</a><script>window.__xss(57)</script>`,
    });
    expect(notice.status, JSON.stringify(notice.json)).toBe(200);

    const component = await suite.admin.call<{ component: { id: string } }>("POST", "/api/v1/components", {
      name: `Edge ${XSS_PAYLOADS[1]}`.slice(0, 120),
    });
    expect(component.status, JSON.stringify(component.json)).toBe(201);
    const componentId = component.json.component.id;

    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      const title = `Payload ${i + 1} ${stamp} ${payload}`.slice(0, 200);
      titles.push(title);
      const incident = await suite.admin.createIncident({
        title,
        severity: "SEV4",
        components: [{ id: componentId, impact: "degraded_performance" }],
      });
      insideIds.set(title, incident.id);
      const published = await suite.admin.call("POST", `/api/v1/incidents/${incident.id}/updates`, {
        status: "investigating",
        title,
        body: `${payload}\n\n${XSS_PAYLOADS.join("\n")}`,
        components: [{ id: componentId, status: "degraded_performance" }],
        notify: i < 3,
        publish: true,
      });
      expect(published.status, JSON.stringify(published.json)).toBe(201);
    }
    // One body written by the admin's template, from a title that looks like liquid.
    const liquid = await suite.admin.createIncident({ title: liquidTitle, severity: "SEV4" });
    const fromTemplate = await suite.admin.call<{ update: { body: string } }>("POST", `/api/v1/incidents/${liquid.id}/updates`, {
      status: "investigating",
      title: liquidTitle,
      notify: false,
      publish: true,
    });
    expect(fromTemplate.status, JSON.stringify(fromTemplate.json)).toBe(201);
    expect(fromTemplate.json.update.body).toContain(`We are looking into ${liquidTitle}`);
    expect(fromTemplate.json.update.body).toContain("{{ 7 | plus: 1 }}");

    const incidentsJson = (await (await fetch(`${suite.server.baseUrl}/api/v2/incidents.json`)).json()) as { incidents: typeof ours };
    ours = incidentsJson.incidents.filter((i) => i.name.includes(stamp));
  }, 180_000);

  it("are data in the JSON API, byte for byte", async () => {
    expect(ours.map((i) => i.name).sort()).toEqual([...titles, liquidTitle].sort());
    for (const payload of XSS_PAYLOADS)
      expect(
        ours.some((i) => i.incident_updates[0].body.startsWith(`${payload}\n\n`)),
        payload,
      ).toBe(true);
  });

  it("stay text on the public page, the incident pages and the history", async () => {
    const visitor = await guardedPage("public");
    await visit(visitor, "/status", "the public status page");
    expect(await visitor.page.getByText(titles[1]).count()).toBeGreaterThan(0);
    await screenshot(visitor.page, "xss-payloads-published--status");
    await visit(visitor, "/status/history", "the incident history");
    for (const incident of ours) await visit(visitor, `/status/incidents/${incident.id}`, `the public page of ${incident.name}`);
    await visitor.page.goto(`/status/incidents/${ours.find((i) => i.name === liquidTitle)!.id}`);
    expect(await visitor.page.locator("main").innerText()).toContain(`We are looking into ${liquidTitle}`);
  }, 120_000);

  it("stay text in the Atom and RSS feeds, opened in Chromium and shown as a feed reader would", async () => {
    const visitor = await guardedPage("feeds");
    for (const feed of ["/history.atom", "/history.rss"]) {
      await visit(visitor, feed);
      const xml = await (await fetch(`${suite.server.baseUrl}${feed}`)).text();
      const entries = await visitor.page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, "application/xml");
        return Array.from(doc.querySelectorAll("entry, item")).map((e) => ({
          title: e.querySelector("title")?.textContent ?? "",
          html: (e.querySelector("content") ?? e.querySelector("description"))?.textContent ?? "",
        }));
      }, xml);
      const mine = entries.filter((e) => e.title.includes(stamp));
      expect(mine.length, feed).toBe(XSS_PAYLOADS.length + 1);
      await visitor.page.setContent(`<main>${mine.map((e) => `<article><h2>${e.title}</h2>${e.html}</article>`).join("")}</main>`);
      await expectInert(visitor, `${feed} in a reader`);
      expect(await visitor.page.locator("main").innerText()).toContain(XSS_PAYLOADS[0]);
    }
  });

  it("stay text in the emails, shown as a mail client would (through the Resend stand-in)", async () => {
    const visitor = await guardedPage("mail");
    await waitUntil(
      () => standIn.received.filter((e) => e.to.includes(reader)).length,
      (n) => n >= 3,
      "three notices to the reader",
      20_000,
      250,
    );
    const mails = standIn.received.filter((e) => e.to.includes(reader));
    for (const mail of mails) {
      expect(mail.subject).not.toMatch(/[\r\n]/);
      await visitor.page.setContent(mail.html ?? "");
      await expectInert(visitor, `the email "${mail.subject}"`);
      expect(await visitor.page.locator("body").innerText()).toContain(XSS_PAYLOADS[0]);
    }
    await screenshot(visitor.page, "xss-payloads-published--email");
  });

  it("are data in the webhooks' JSON", async () => {
    // webhooks go out with the notices, for the three updates that notify
    await waitUntil(
      () => webhookBodies.length,
      (n) => n >= 3,
      "a webhook per notified update",
      30_000,
      250,
    );
    for (const call of webhookBodies) expect(call.contentType).toMatch(/^application\/json/);
    const names = webhookBodies.map((c) => (JSON.parse(c.body) as { incident?: { name: string } }).incident?.name).filter(Boolean);
    for (const title of titles.slice(0, 3)) expect(names).toContain(title);
  });

  it("stay text inside: the comms tab, the room, the admin's templates, the outbox and the catalog", async () => {
    const comms = await guardedPage("comms", USERS.admin);
    for (const title of [titles[1], titles[11]]) {
      await visit(comms, `/incidents/${insideIds.get(title)}/comms`, `the comms tab of ${title}`);
      await visit(comms, `/incidents/${insideIds.get(title)}`, `the room of ${title}`);
    }
    await visit(comms, "/admin/templates", "the update templates");
    await visit(comms, "/admin/notices", "the notice templates");
    await visit(comms, "/admin/outbox", "the outbox");
    await visit(comms, "/components", "the component catalog");
  }, 120_000);
});
