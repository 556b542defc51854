// Live post-mortem editing over /collab, the way a browser does it (Hocuspocus provider, the
// session cookie): an editor's words are stored in the sections, merged with a second editor's;
// a viewer and a stranger change nothing; an approved post-mortem is read-only; a 10 MB message
// is refused; what the server stores is sanitized whatever a client sends. (On two instances and
// across a restart: postmortem-collab-two-instances.test.ts.)
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { databases, type TestApp } from "../setup/app-server.ts";
import { docText, signIn, upgradeStatus, waitFor } from "../setup/collab-client.ts";
import { useCollabScene } from "./postmortem-collab.scene.ts";

describe.each(databases())("live post-mortem editing on %s", (database) => {
  const { scene, join, newPostmortem, stored, storedSection } = useCollabScene(database);
  let app: TestApp;
  let responder: string;
  let viewer: string;
  beforeAll(() => void ({ app, responder, viewer } = scene));

  it("opens the editing page for anyone who may read, and says so when there is no such post-mortem", async () => {
    const id = await newPostmortem();
    const page = (path: string, cookie?: string) => fetch(app.baseUrl + path, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    const anonymous = await page(`/postmortems/${id}/edit`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
    const forViewer = await page(`/postmortems/${id}/edit`, viewer);
    expect(forViewer.status).toBe(200);
    const html = await forViewer.text();
    expect(html).toContain("Root cause and trigger");
    expect(html).toContain("Ask why five times");
    expect((await page("/postmortems/doesnotexist/edit", viewer)).status).toBe(404);
  });

  it("stores an editor's words in the section, merged with a second editor's, with one audit row per person", async () => {
    const id = await newPostmortem();
    const a = join(app.baseUrl, id, responder);
    expect(await a.scope).toBe("read-write");
    await a.synced();

    a.write("root_cause", "A config push removed the rate limit on the routing tier.");
    const admin = join(app.baseUrl, id, await signIn(app.baseUrl, "admin@northwind.example"));
    expect(await admin.scope).toBe("read-write");
    await admin.synced();
    admin.write("root_cause", "The canary covered one region only.");
    await Promise.all([a.sent(), admin.sent()]);

    const section = await waitFor(
      () => storedSection(id, "root_cause"),
      (s) => s.markdown.includes("rate limit on the routing tier") && s.markdown.includes("canary covered one region"),
      "both editors' sentences in the stored root cause",
      15_000,
    );
    expect(section.doc.type).toBe("doc");
    // Both people see the same document.
    expect(docText(a.doc, "root_cause")).toBe(docText(admin.doc, "root_cause"));

    const audits = await app.db.rows<{ actorId: string }>(
      `SELECT "actorId" FROM "AuditEvent" WHERE "action" = 'postmortem.edited' AND "entityId" = ?`,
      id,
    );
    expect(audits).toHaveLength(2);

    // More typing within ten minutes is stored without another audit row.
    a.write("root_cause", "The limit is now checked in CI.");
    await a.sent();
    await waitFor(
      () => storedSection(id, "root_cause"),
      (s) => s.markdown.includes("checked in CI"),
      "the third sentence stored",
      15_000,
    );
    expect(await app.db.count("AuditEvent", `"action" = 'postmortem.edited' AND "entityId" = ?`, id)).toBe(2);
  });

  it("gives a viewer a read-only connection: their update changes nothing stored or seen by others", async () => {
    const id = await newPostmortem();
    const before = await stored(id);
    const reader = join(app.baseUrl, id, viewer);
    expect(await reader.scope).toBe("readonly");
    await reader.synced();
    reader.write("summary", "A viewer's sentence that must not be stored.");

    const editor = join(app.baseUrl, id, responder);
    await editor.synced();
    await new Promise((r) => setTimeout(r, 3_000)); // longer than the store debounce
    expect(docText(editor.doc, "summary")).not.toContain("viewer's sentence");
    const after = await stored(id);
    expect(after.revision).toBe(before.revision);
    expect(after.sections.find((s) => s.key === "summary")!.markdown).not.toContain("viewer's sentence");
  });

  it("makes an approved post-mortem read-only for everyone, and stores nothing more into it", async () => {
    const id = await newPostmortem();
    const early = join(app.baseUrl, id, responder); // opened while it is still a draft
    expect(await early.scope).toBe("read-write");
    await early.synced();
    early.write("summary", "Chat was down for five hours; a config push caused it; a rollback fixed it.");
    early.write("root_cause", "A config push removed the routing tier's rate limit.");
    await early.sent();
    await waitFor(
      () => storedSection(id, "root_cause"),
      (s) => s.markdown.includes("rate limit"),
      "the written sections stored",
      15_000,
    );
    const item = await app.api.post(`/api/v1/postmortems/${id}/action-items`, {
      title: "Check rate limits in CI",
      kind: "prevent",
      ownerEmail: "responder@northwind.example",
      dueAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    const submitted = await app.api.post(`/api/v1/postmortems/${id}/review`, { action: "submit" });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    // Approved by someone who wrote none of it (the live editor may not: decision 29).
    const approved = await fetch(`${app.baseUrl}/api/v1/postmortems/${id}/review`, {
      method: "POST",
      headers: {
        cookie: await signIn(app.baseUrl, "kenji.tanaka@northwind.example"),
        "content-type": "application/json",
        accept: "application/json",
      },
      body: JSON.stringify({ action: "approve" }),
    });
    expect(approved.status, await approved.clone().text()).toBe(200);
    const before = await stored(id);

    for (const cookie of [responder, await signIn(app.baseUrl, "admin@northwind.example")]) {
      const late = join(app.baseUrl, id, cookie);
      expect(await late.scope).toBe("readonly");
    }
    // A connection from before the approval may still send: nothing more is stored, and the
    // next store sends that person back read-only.
    early.write("root_cause", "Added after the approval.");
    await waitFor(
      () => early.provider.authorizedScope,
      (scope) => scope === "readonly",
      "the early editor reconnected read-only",
      15_000,
    );
    const after = await stored(id);
    expect(after.sections.find((s) => s.key === "root_cause")!.markdown).not.toContain("after the approval");
    expect(after.revision).toBe(before.revision);
    const reader = join(app.baseUrl, id, viewer);
    await reader.synced();
    expect(docText(reader.doc, "root_cause")).toContain("rate limit");
    expect(docText(reader.doc, "root_cause")).not.toContain("after the approval");
  });

  it("refuses a connection without a session or token, for an unknown post-mortem, and from another site's page", async () => {
    const id = await newPostmortem();
    const stranger = join(app.baseUrl, id, null);
    expect(await stranger.scope).toBe("refused: sign-in-required");
    stranger.write("summary", "Anonymous words.");
    const nobody = join(app.baseUrl, "doesnotexist", responder);
    expect(await nobody.scope).toBe("refused: no-such-postmortem");
    expect(await join(app.baseUrl, id, null, "not-a-token-of-ours-at-all").scope).toBe("refused: sign-in-required");
    // A script may use an API token instead of a session.
    expect(await join(app.baseUrl, id, null, app.adminToken).scope).toBe("read-write");

    expect(await upgradeStatus(`${app.baseUrl}/collab`, { cookie: responder, origin: "https://evil.example" })).toBe(403);
    expect(await upgradeStatus(`${app.baseUrl}/somewhere-else`, { cookie: responder })).toBe(404);

    await new Promise((r) => setTimeout(r, 2_500));
    expect((await storedSection(id, "summary")).markdown).not.toContain("Anonymous words");
    expect((await stored(id)).revision).toBe(0);
  });

  it("closes a connection that sends a 10 MB message; the document stays as it was and others keep editing", async () => {
    const id = await newPostmortem();
    const flooder = join(app.baseUrl, id, responder);
    await flooder.synced();
    flooder.write("impact", `FLOOD ${"x".repeat(10 * 1024 * 1024)}`);
    await waitFor(
      () => flooder.closes,
      (codes) => codes.includes(1009),
      "the server closing with 1009 (message too big)",
    );
    flooder.destroy();

    const editor = join(app.baseUrl, id, responder);
    await editor.synced();
    expect(docText(editor.doc, "impact")).not.toContain("FLOOD");
    editor.write("impact", "Support received 340 tickets.");
    await editor.sent();
    const impact = await waitFor(
      () => storedSection(id, "impact"),
      (s) => s.markdown.includes("340 tickets"),
      "the next edit stored",
      15_000,
    );
    expect(impact.markdown).not.toContain("FLOOD");
  });

  it("stores only what the page renders: a javascript: link loses its link, HTML stays text, unknown elements go", async () => {
    const id = await newPostmortem();
    const editor = join(app.baseUrl, id, responder);
    await editor.synced();
    editor.write("lessons", "Click me", { link: { href: "javascript:alert(document.cookie)" } });
    editor.write("lessons", "<img src=x onerror=alert(1)> stays text");
    editor.write("lessons", "The runbook", { link: { href: "https://runbooks.example/routing" } });
    editor.doc.transact(() => {
      const frame = new Y.XmlElement("iframe");
      editor.doc.getXmlFragment("lessons").push([frame]);
      frame.insert(0, [new Y.XmlText("framed words")]);
    });
    await editor.sent();

    const lessons = await waitFor(
      () => storedSection(id, "lessons"),
      (s) => s.markdown.includes("The runbook"),
      "the lessons stored",
      15_000,
    );
    const json = JSON.stringify(lessons.doc);
    expect(json).not.toMatch(/javascript:/i);
    expect(json).not.toContain("iframe");
    expect(json).toContain("https://runbooks.example/routing");
    expect(json).toContain("Click me");
    expect(json).toContain("<img src=x onerror=alert(1)> stays text");
    const types = new Set<string>();
    const walk = (node: { type: string; content?: unknown[] }) => {
      types.add(node.type);
      (node.content as (typeof node)[] | undefined)?.forEach(walk);
    };
    walk(lessons.doc);
    for (const type of types)
      expect([
        "doc",
        "paragraph",
        "heading",
        "text",
        "hardBreak",
        "bulletList",
        "orderedList",
        "listItem",
        "blockquote",
        "codeBlock",
      ]).toContain(type);
  });
});
