import { describe, expect, it } from "vitest";
import { historyAtom, historyRss } from "./feeds.server.ts";
import type { PublicIncident, PublicMaintenance, PublicPage, PublicUpdate } from "~/modules/status-page/model.ts";

type XmlElement = { name: string; attributes: string; text: string; children: XmlElement[] };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const TOKEN =
  /<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)/y;

/** A strict reader: throws unless tags nest and close, there is one root, and text uses only XML's own entities. */
function readXml(xml: string): XmlElement {
  const root: XmlElement = { name: "#document", attributes: "", text: "", children: [] };
  const stack = [root];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < xml.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(xml);
    if (!m) throw new Error(`not well-formed at ${at}: ${xml.slice(at, at + 40)}`);
    const [, cdata, close, open, attributes, selfClosing, text] = m;
    const top = stack[stack.length - 1];
    if (cdata !== undefined) top.text += cdata;
    else if (close) {
      if (top.name !== close) throw new Error(`</${close}> closes <${top.name}>`);
      stack.pop();
    } else if (open) {
      const element: XmlElement = { name: open, attributes, text: "", children: [] };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    } else if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text)) throw new Error(`bare & in ${text}`);
      if (stack.length === 1 && text.trim()) throw new Error("text outside the root");
      top.text += text.replace(/&(\w+);/g, (_, e: string) => ENTITIES[e]);
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> never closed`);
  if (root.children.length !== 1) throw new Error("not exactly one root element");
  return root.children[0];
}

const child = (e: XmlElement, name: string) => e.children.find((c) => c.name === name);
const all = (e: XmlElement, name: string) => e.children.filter((c) => c.name === name);
const t = (s: string) => new Date(s);
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function update(id: string, status: PublicUpdate["status"], body: string, at: string): PublicUpdate {
  return { id, status, body, displayAt: t(at), createdAt: t(at), updatedAt: t(at), affectedComponents: [], deliverNotifications: true };
}

function incident(id: string, createdAt: string, extra: Partial<PublicIncident> = {}): PublicIncident {
  return {
    kind: "incident",
    id,
    name: `Incident ${id}`,
    status: "resolved",
    impact: "minor",
    createdAt: t(createdAt),
    updatedAt: t(createdAt),
    startedAt: t(createdAt),
    monitoringAt: null,
    resolvedAt: t(createdAt),
    componentIds: [],
    updates: [update(`u${id.slice(1)}`, "resolved", "This incident has been resolved.", createdAt)],
    ...extra,
  };
}

const outage = incident("i1a2b3c4d5e6", "2026-11-23T13:40:00.000Z", {
  name: 'Errors in <b>"Send"</b> & ]]> retries',
  status: "monitoring",
  updatedAt: t("2026-11-23T14:05:00.000Z"),
  resolvedAt: null,
  updates: [
    update("u1a2b3c4d5e6", "investigating", "We are looking into it.", "2026-11-23T13:45:00.000Z"),
    update(
      "u2a2b3c4d5e6",
      "monitoring",
      "A fix <script>alert(1)</script> is out & holding.\nNext update at 15:00.",
      "2026-11-23T14:05:00.000Z",
    ),
  ],
});
const older = incident("i2a2b3c4d5e6", "2026-11-20T08:00:00.000Z");
const upgrade: PublicMaintenance = {
  kind: "maintenance",
  id: "m1a2b3c4d5e6",
  name: "Database upgrade",
  status: "scheduled",
  impact: "maintenance",
  createdAt: t("2026-11-21T09:00:00.000Z"),
  updatedAt: t("2026-11-21T09:00:00.000Z"),
  startedAt: t("2026-11-30T02:00:00.000Z"),
  monitoringAt: null,
  resolvedAt: null,
  componentIds: [],
  updates: [
    update("u3a2b3c4d5e6", "scheduled", "We will be undergoing scheduled maintenance during this time.", "2026-11-21T09:00:00.000Z"),
  ],
  scheduledFor: t("2026-11-30T02:00:00.000Z"),
  scheduledUntil: t("2026-11-30T04:00:00.000Z"),
};

function fixture(extra: Partial<PublicPage> = {}): PublicPage {
  return {
    page: {
      id: "kctbh9vrtdwd",
      name: "Acme & Co",
      url: "https://status.acme.test/status",
      timeZone: "Europe/Berlin",
      updatedAt: t("2026-11-23T14:05:00.000Z"),
    },
    components: [],
    incidents: [outage, older],
    maintenances: [upgrade],
    history: [],
    weights: { partialOutage: 0.3, degradedPerformance: 0 },
    generatedAt: t("2026-11-23T14:10:00.000Z"),
    ...extra,
  };
}

const shortlink = (id: string) => `https://status.acme.test/status/incidents/${id}`;

describe("Atom history feed", () => {
  const feed = readXml(historyAtom(fixture()));
  const entries = all(feed, "entry");

  it("is an Atom feed named after the page", () => {
    expect(feed.name).toBe("feed");
    expect(feed.attributes).toContain('xmlns="http://www.w3.org/2005/Atom"');
    expect(child(feed, "title")?.text).toBe("Acme & Co status - incident history");
    expect(child(feed, "id")?.text).toBe("https://status.acme.test/status");
    expect(child(feed, "updated")?.text).toBe("2026-11-23T14:05:00.000Z");
    expect(child(feed, "link")?.attributes).toContain('href="https://status.acme.test/status"');
  });

  it("has one entry per incident and maintenance, newest first, linked to its page", () => {
    expect(entries.map((e) => child(e, "id")?.text)).toEqual([shortlink(outage.id), shortlink(upgrade.id), shortlink(older.id)]);
    expect(child(entries[0], "link")?.attributes).toContain(`href="${shortlink(outage.id)}"`);
    expect(child(entries[0], "updated")?.text).toBe("2026-11-23T14:05:00.000Z");
    expect(child(entries[0], "published")?.text).toBe("2026-11-23T13:40:00.000Z");
    for (const entry of entries) {
      expect(child(entry, "updated")?.text).toMatch(ISO_MS);
      expect(child(entry, "published")?.text).toMatch(ISO_MS);
    }
  });

  it("escapes the incident's name and the updates' text, so a reader shows them rather than runs them", () => {
    expect(child(entries[0], "title")?.text).toBe("Errors in &lt;b&gt;&quot;Send&quot;&lt;/b&gt; &amp; ]]&gt; retries");
    const content = child(entries[0], "content")?.text ?? "";
    expect(content).not.toContain("<script>");
    expect(content).toContain("A fix &lt;script&gt;alert(1)&lt;/script&gt; is out &amp; holding.<br>Next update at 15:00.");
  });

  it("lists each update newest first with its time in UTC and its status", () => {
    expect(child(entries[0], "content")?.text).toBe(
      "<p><small>Nov 23, 2026, 14:05 UTC</small><br><strong>Monitoring</strong> - A fix &lt;script&gt;alert(1)&lt;/script&gt; is out &amp; holding.<br>Next update at 15:00.</p>" +
        "<p><small>Nov 23, 2026, 13:45 UTC</small><br><strong>Investigating</strong> - We are looking into it.</p>",
    );
    expect(child(entries[1], "content")?.text).toContain("<strong>Scheduled</strong> - We will be undergoing scheduled maintenance");
  });
});

describe("RSS history feed", () => {
  const rss = readXml(historyRss(fixture()));
  const channel = child(rss, "channel")!;
  const items = all(channel, "item");

  it("is an RSS 2.0 channel named after the page", () => {
    expect(rss.name).toBe("rss");
    expect(rss.attributes).toContain('version="2.0"');
    expect(child(channel, "title")?.text).toBe("Acme & Co status - incident history");
    expect(child(channel, "link")?.text).toBe("https://status.acme.test/status");
    expect(child(channel, "lastBuildDate")?.text).toBe("Mon, 23 Nov 2026 14:05:00 GMT");
  });

  it("has one item per incident and maintenance with its link, id and date", () => {
    expect(items.map((i) => child(i, "guid")?.text)).toEqual([shortlink(outage.id), shortlink(upgrade.id), shortlink(older.id)]);
    expect(items.map((i) => child(i, "link")?.text)).toEqual([shortlink(outage.id), shortlink(upgrade.id), shortlink(older.id)]);
    expect(child(items[0], "pubDate")?.text).toBe(t("2026-11-23T13:40:00.000Z").toUTCString());
    const content = child(items[0], "content:encoded")?.text ?? "";
    expect(content).not.toContain("<script>");
    expect(content).toContain("&lt;script&gt;alert(1)&lt;/script&gt; is out &amp; holding.");
  });

  it("keeps the 50 most recent", () => {
    const base = t("2026-01-01T00:00:00.000Z").getTime();
    const many = Array.from({ length: 60 }, (_, n) =>
      incident(`i${n.toString(36).padStart(11, "0")}`, new Date(base + n * 3600_000).toISOString()),
    );
    const page = fixture({ incidents: many, maintenances: [] });
    const listed = all(child(readXml(historyRss(page)), "channel")!, "item");
    expect(listed).toHaveLength(50);
    expect(child(listed[0], "guid")?.text).toBe(shortlink(many[59].id));
    expect(all(readXml(historyAtom(page)), "entry")).toHaveLength(50);
  });
});

describe("a root-cause report in the feeds", () => {
  const body =
    "## Why it happened\nA **router** limit <b>was</b> wrong & nobody saw it.\n\n" +
    "- Cap [per cluster](https://acme.test/blog)\n- [click](javascript:alert(1))";
  const reported = incident("i3a2b3c4d5e6", "2026-11-22T08:00:00.000Z", {
    status: "postmortem",
    updates: [
      update("u4a2b3c4d5e6", "postmortem", body, "2026-11-23T09:00:00.000Z"),
      update("u5a2b3c4d5e6", "resolved", "Resolved.", "2026-11-22T09:00:00.000Z"),
    ],
  });
  const page = fixture({ incidents: [reported] });

  it("goes as HTML content with its headings, lists and links, its text escaped and a javascript: link dropped, in Atom and RSS", () => {
    const atom = child(all(readXml(historyAtom(page)), "entry")[0], "content")!;
    expect(atom.attributes).toContain('type="html"');
    const rss = child(all(child(readXml(historyRss(page)), "channel")!, "item")[0], "content:encoded")!;
    for (const content of [atom.text, rss.text]) {
      expect(content).toContain("<strong>Postmortem</strong>");
      expect(content).toMatch(/<h3>(<span>)?Why it happened(<\/span>)?<\/h3>/);
      expect(content).toMatch(/<ul><li><p>.*Cap .*<a href="https:\/\/acme\.test\/blog"[^>]*>(<span>)?per cluster/);
      expect(content).toContain("&lt;b&gt;was&lt;/b&gt; wrong &amp; nobody saw it.");
      expect(content).not.toMatch(/<b>was|href="javascript/i);
      expect(content).toContain("<p><small>Nov 22, 2026, 09:00 UTC</small><br><strong>Resolved</strong> - Resolved.</p>");
    }
  });
});

describe("characters XML cannot carry", () => {
  const body = "Before\u0000\u0001\u0008\u000B\u001F after \uFFFE\uD800 lone; tab\tand\nline kept, 😀 kept";
  const page = fixture({
    incidents: [
      incident("i9a2b3c4d5e6", "2026-11-22T08:00:00.000Z", {
        updates: [update("u9a2b3c4d5e6", "investigating", body, "2026-11-22T08:10:00.000Z")],
      }),
    ],
  });

  it("are left out of both feeds, so one update never makes the whole feed unreadable", () => {
    for (const xml of [historyAtom(page), historyRss(page)]) {
      expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
      expect(xml).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      expect(xml).toContain("Before after  lone; tab\tand<br>line kept, 😀 kept");
    }
  });
});
