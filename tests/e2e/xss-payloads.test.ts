// Script payloads (tests/e2e/support/xss.ts) through the incidents' timeline, post-mortems and a public
// root-cause report: none runs in Chromium, and no dangerous link keeps its href (published updates:
// xss-payloads-published.test.ts). Pages are opened with the CSP bypassed, so each render path is tested on
// its own, not rescued by the nonce; emails and feed entries are loaded with setContent, as a mail client or
// feed reader would show them.
import MarkdownIt from "markdown-it";
import { afterAll, describe, expect, it } from "vitest";
import { startResendStandIn } from "../setup/resend-stand-in.ts";
import { openRoom, sendEntry, timelineEntry, uniqueText, USERS, waitUntil } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { guardedPages } from "./support/guarded-page.ts";
import { useSuite } from "./support/suite.ts";
import { CODE_PAYLOADS, LINK_HREFS, payloadDoc, XSS_PAYLOADS } from "./support/xss.ts";

const standIn = await startResendStandIn();
const suite = useSuite("xss-payloads", {
  env: {
    RESEND_API_KEY: standIn.apiKey,
    RESEND_BASE_URL: standIn.url,
    EMAIL_REQUESTS_PER_SECOND: "50",
    WEBHOOK_ALLOWED_HOSTS: "localhost",
  },
});
afterAll(() => standIn.close());
const { guardedPage, expectInert, visit } = guardedPages(suite);

/** Every link mark's href in a stored document, in order. */
function linkHrefs(node: unknown): string[] {
  const { marks = [], content = [] } = node as { marks?: { type: string; attrs?: { href?: string } }[]; content?: unknown[] };
  return [...marks.filter((m) => m.type === "link").map((m) => m.attrs?.href ?? ""), ...content.flatMap(linkHrefs)];
}

/** A Markdown link to a dangerous scheme (an escaped "\\](" is text, not a link). */
const UNESCAPED_DANGEROUS_LINK = /(?<!\\)\]\(\s*(javascript|data|vbscript):/i;

describe("script payloads in incidents and their timeline", () => {
  it("stay text in the room, the incident list and search: from the API, pasted and typed into the composer", async () => {
    const marker = uniqueText("room payload");
    const incident = await suite.admin.createIncident({
      title: `${marker} ${XSS_PAYLOADS[1]}`,
      severity: "SEV3",
      summary: XSS_PAYLOADS.join("\n"),
    });
    for (const payload of XSS_PAYLOADS) {
      const res = await suite.admin.call("POST", `/api/v1/incidents/${incident.id}/timeline`, { body: `${marker} ${payload}` });
      expect(res.status, payload).toBe(201);
    }
    // A document with dangerous link marks or unknown nodes is refused, naming the field.
    const refused = await suite.admin.call<{ error: { fields: Record<string, string> } }>(
      "POST",
      `/api/v1/incidents/${incident.id}/timeline`,
      { body: payloadDoc(marker) },
    );
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.json.error.fields).join()).toMatch(/body/);
    for (const href of LINK_HREFS.dangerous) {
      const doc = {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: `${marker} link`, marks: [{ type: "link", attrs: { href } }] }] }],
      };
      expect((await suite.admin.call("POST", `/api/v1/incidents/${incident.id}/timeline`, { body: doc })).status, href).toBe(422);
    }

    const room = await guardedPage("responder", USERS.responder);
    await openRoom(room.page, incident.id);
    // Pasted HTML with script, handlers and dangerous links: the editor keeps the text, the server only safe links.
    const pasted = `${marker} pasted`;
    const html = `<p>${pasted} <a href="${LINK_HREFS.dangerous[0]}">js</a> <a href="${LINK_HREFS.dangerous[4]}">data</a> <a href="${LINK_HREFS.safe[0]}">safe</a></p><img src=x onerror="window.__xss(40)"><script>window.__xss(41)</script>`;
    const composer = room.page.getByTestId("composer");
    await composer.click();
    await composer.evaluate((el, content) => {
      const data = new DataTransfer();
      data.setData("text/html", content);
      data.setData("text/plain", "pasted");
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, html);
    await waitUntil(
      () => composer.innerText(),
      (t) => t.includes(pasted),
      "the composer shows the pasted text",
    );
    await composer.press("Enter");
    await timelineEntry(room.page, pasted).waitFor();
    // … and typed.
    for (const payload of [XSS_PAYLOADS[0], XSS_PAYLOADS[9]]) await sendEntry(room.page, `${marker} typed ${payload}`);

    await expect.poll(() => timelineEntry(room.page, marker).count(), { timeout: 10_000 }).toBe(XSS_PAYLOADS.length + 3);
    const texts = (await timelineEntry(room.page, marker).allTextContents()).join("\n");
    for (const payload of [XSS_PAYLOADS[0], XSS_PAYLOADS[1], XSS_PAYLOADS[3], XSS_PAYLOADS[9]]) expect(texts).toContain(payload);
    const pastedHrefs = await timelineEntry(room.page, pasted)
      .locator("a")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(pastedHrefs).toEqual([LINK_HREFS.safe[0]]);
    await expectInert(room, "the room");
    await room.page.reload();
    await timelineEntry(room.page, pasted).waitFor();
    await expectInert(room, "the room after a reload");
    await screenshot(room.page, "xss-payloads--room");

    await visit(room, "/incidents", "the incident list");
    expect(await room.page.getByText(`${marker} ${XSS_PAYLOADS[1]}`).count()).toBeGreaterThan(0);
    await visit(room, `/search?q=${encodeURIComponent("room payload")}`, "search results");
    await visit(room, `/incidents/${incident.id}/comms`, "the comms tab");
  }, 180_000);
});

describe("script payloads in post-mortems", () => {
  it("stay text in the API, the editor, the leadership page, the incident's tab and the Markdown export", async () => {
    const marker = uniqueText("pm payload");
    const incident = await suite.admin.createIncident({
      title: `${marker} ${XSS_PAYLOADS[2]}`,
      severity: "SEV3",
      summary: XSS_PAYLOADS.join("\n"),
    });
    for (const payload of XSS_PAYLOADS.slice(0, 6)) {
      expect(
        (
          await suite.admin.call("POST", `/api/v1/incidents/${incident.id}/timeline`, {
            body: `${payload} ${marker}`,
            kind: "decision",
            pinned: true,
          })
        ).status,
      ).toBe(201);
    }
    expect((await suite.admin.call("PATCH", `/api/v1/incidents/${incident.id}`, { status: "resolved" })).status).toBe(200);
    const generated = await suite.admin.call<{ postmortem: { id: string } }>("POST", `/api/v1/incidents/${incident.id}/postmortem`);
    expect(generated.status, JSON.stringify(generated.json)).toBe(201);
    const id = generated.json.postmortem.id;

    const put = await suite.admin.call<{ section: { doc: unknown; markdown: string } }>(
      "PUT",
      `/api/v1/postmortems/${id}/sections/summary`,
      { doc: payloadDoc(marker) },
    );
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    expect(linkHrefs(put.json.section.doc)).toEqual([...LINK_HREFS.safe, ...LINK_HREFS.breaking].map((h) => h.trim()));
    expect(put.json.section.markdown).not.toMatch(UNESCAPED_DANGEROUS_LINK);

    const reader = await guardedPage("postmortem", USERS.responder);
    await visit(reader, `/postmortems/${id}`, "the leadership page");
    expect(await reader.page.locator("main").innerText()).toContain(XSS_PAYLOADS[0]);
    await screenshot(reader.page, "xss-payloads--leadership");
    await reader.page.goto(`/postmortems/${id}/edit`);
    await reader.page.locator(".ProseMirror").first().waitFor();
    await expect.poll(() => reader.page.locator("main").innerText(), { timeout: 15_000 }).toContain(XSS_PAYLOADS[1]);
    await expectInert(reader, "the post-mortem editor");
    await visit(reader, `/incidents/${incident.id}/postmortem`, "the incident's post-mortem tab");
    await visit(reader, `/postmortems/${id}/review`, "the review page");

    const markdown = await reader.page.goto(`/postmortems/${id}.md`);
    expect(markdown?.headers()["content-type"]).toMatch(/^text\/(markdown|plain)/);
    const md = (await markdown?.text()) ?? "";
    expect(md).toContain(marker);
    expect(md).not.toMatch(UNESCAPED_DANGEROUS_LINK);
    await expectInert(reader, "the Markdown export");

    // Pasted into a tool that renders Markdown with raw HTML on and no link check of its own.
    const renderer = new MarkdownIt({ html: true, linkify: true });
    renderer.validateLink = () => true;
    for (const [where, source] of [
      ["the Markdown export", md],
      ["the section's markdown in the API", put.json.section.markdown],
    ]) {
      await reader.page.setContent(`<main>${renderer.render(source)}</main>`);
      await expectInert(reader, `${where}, rendered`);
      const shown = await reader.page.locator("main").innerText();
      for (const payload of [XSS_PAYLOADS[0], XSS_PAYLOADS[1], CODE_PAYLOADS[0].split("\n")[1]]) expect(shown, where).toContain(payload);
    }
  }, 120_000);
});

describe("script payloads in a public root-cause report", () => {
  it("stay text where the rich report goes: the comms tab, the incident's page, the history, both feeds and the email", async () => {
    const marker = uniqueText("report payload");
    const reportReader = `report-reader-${Date.now().toString(36)}@example.com`;
    const confirmedAt = new Date().toISOString();
    const subscribed = await suite.admin.call("POST", "/api/v1/subscribers", { email: reportReader, confirmedAt });
    expect(subscribed.status).toBe(201);
    const incident = await suite.admin.createIncident({ title: `${marker} report`, severity: "SEV3" });
    for (const status of ["investigating", "resolved"]) {
      const input = { status, body: `${marker} ${status}.`, notify: false, publish: true };
      const update = await suite.admin.call("POST", `/api/v1/incidents/${incident.id}/updates`, input);
      expect(update.status, JSON.stringify(update.json)).toBe(201);
    }
    expect((await suite.admin.call("PATCH", `/api/v1/incidents/${incident.id}`, { status: "resolved" })).status).toBe(200);
    const pm = await suite.admin.call<{ postmortem: { id: string } }>("POST", `/api/v1/incidents/${incident.id}/postmortem`);
    expect(pm.status, JSON.stringify(pm.json)).toBe(201);
    const postmortem = `/api/v1/postmortems/${pm.json.postmortem.id}`;
    expect((await suite.admin.call("PUT", `${postmortem}/sections/root_cause`, { doc: payloadDoc(marker) })).status).toBe(200);
    const drafted = await suite.admin.call<{ update: { id: string; body: string } }>("POST", `${postmortem}/public-report`);
    expect(drafted.status, JSON.stringify(drafted.json)).toBe(201);
    const reportId = drafted.json.update.id;
    // every payload as Markdown the writer might type: as text, in a heading, a list, bold, and as a link's target
    const hrefs = [...LINK_HREFS.safe, ...LINK_HREFS.dangerous];
    const body = [
      drafted.json.update.body,
      ...XSS_PAYLOADS.map((p, i) => (i % 3 === 0 ? `## ${p}` : i % 3 === 1 ? `- **${p}**` : p)),
      hrefs.map((href, i) => `[link ${i}](${href})`).join(" "),
    ].join("\n\n");
    expect((await suite.admin.call("PATCH", `/api/v1/updates/${reportId}`, { body })).status).toBe(200);

    // a second person approves in the comms tab, where the report is drawn as it will be read
    const approver = await guardedPage("report-approver", USERS.comms);
    await visit(approver, `/incidents/${incident.id}/comms`, "the comms tab with the report");
    await approver.page.locator(`#update-${reportId}`).getByRole("button", { name: "Approve", exact: true }).click();
    await approver.page
      .locator(`#update-${reportId}`)
      .getByText(/approved by/)
      .waitFor();
    expect((await suite.admin.call("POST", `/api/v1/updates/${reportId}/publish`)).status).toBe(200);

    const visitor = await guardedPage("report-reader");
    await visit(visitor, `/status/incidents/${incident.id}`, "the report on the incident's page");
    expect(await visitor.page.locator(".report-prose").innerText()).toContain(XSS_PAYLOADS[1]);
    await visit(visitor, "/status", "the status page with the report's line");
    await visit(visitor, "/status/history", "the history with the report's line");
    for (const feed of ["/history.atom", "/history.rss"]) {
      const xml = await (await fetch(`${suite.server.baseUrl}${feed}`)).text();
      await visitor.page.goto("/status/uptime");
      const html = await visitor.page.evaluate(
        ([source, title]) => {
          const doc = new DOMParser().parseFromString(source, "application/xml");
          const entries = Array.from(doc.querySelectorAll("entry, item"));
          const entry = entries.find((e) => (e.querySelector("title")?.textContent ?? "").includes(title));
          const content =
            entry?.querySelector("content") ?? entry?.getElementsByTagName("content:encoded")[0] ?? entry?.querySelector("description");
          return content?.textContent ?? "";
        },
        [xml, marker],
      );
      expect(html, feed).toContain("<h3>");
      await visitor.page.setContent(`<main>${html}</main>`);
      await expectInert(visitor, `the report in ${feed}, in a reader`);
    }
    const reports = () => standIn.received.filter((e) => e.to.includes(reportReader) && /Root-cause report/.test(e.subject));
    await waitUntil(
      () => reports().length,
      (n) => n >= 1,
      "the report's email",
      20_000,
      250,
    );
    const mail = reports()[0];
    expect(mail.html).toContain("<h3>");
    await visitor.page.setContent(mail.html ?? "");
    await expectInert(visitor, "the report's email");
    expect(await visitor.page.locator("body").innerText()).toContain(XSS_PAYLOADS[1]);
  }, 180_000);
});
