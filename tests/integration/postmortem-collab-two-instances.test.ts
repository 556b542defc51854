// Live post-mortem editing over /collab across app instances: two instances without sticky routing store both
// people's words and the generated text once, and what was typed just before an instance stops is stored by its
// shutdown and served after the restart. (On one instance: postmortem-collab.test.ts.)
import { beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { docText, signIn, waitFor } from "../setup/collab-client.ts";
import { useCollabScene } from "./postmortem-collab.scene.ts";

describe.each(databases())("live post-mortem editing on two instances on %s", (database) => {
  const { scene, join, newPostmortem, storedSection } = useCollabScene(database);
  let app: TestApp;
  let responder: string;
  beforeAll(() => void ({ app, responder } = scene));

  it("on two app instances without sticky routing, stores both people's words and the generated text once", async () => {
    const id = await newPostmortem();
    const generated = (await storedSection(id, "summary")).markdown;
    const second = await startApp({ database, databaseUrl: app.databaseUrl });
    try {
      const here = join(app.baseUrl, id, responder);
      const there = join(second.baseUrl, id, await signIn(second.baseUrl, "admin@northwind.example"));
      await Promise.all([here.synced(), there.synced()]);
      here.write("summary", "Written on the first instance.");
      there.write("summary", "Written on the second instance.");
      await Promise.all([here.sent(), there.sent()]);
      const summary = await waitFor(
        () => storedSection(id, "summary"),
        (s) => s.markdown.includes("first instance") && s.markdown.includes("second instance"),
        "both instances' sentences stored",
        25_000,
      );
      expect(summary.markdown.split(generated).length - 1).toBe(1);
    } finally {
      await second.stop();
    }
  });

  it("keeps what was typed just before the app stops, and serves it after the restart", async () => {
    const id = await newPostmortem();
    const second = await startApp({ database, databaseUrl: app.databaseUrl });
    try {
      const editor = join(second.baseUrl, id, responder);
      await editor.synced();
      editor.write("detection", "Typed a moment before the restart.");
      await editor.sent();
      // SIGTERM at once: the app exits well before the 2 s store delay has passed, so only
      // its shutdown can have stored the sentence.
      const stopping = Date.now();
      await second.stop();
      expect(Date.now() - stopping).toBeLessThan(1_500);
    } finally {
      await second.stop();
    }
    const third = await startApp({ database, databaseUrl: app.databaseUrl });
    try {
      const reader = join(third.baseUrl, id, responder);
      await reader.synced();
      expect(docText(reader.doc, "detection")).toContain("Typed a moment before the restart.");
      expect((await storedSection(id, "detection")).markdown).toContain("Typed a moment before the restart.");
    } finally {
      await third.stop();
    }
  });
});
