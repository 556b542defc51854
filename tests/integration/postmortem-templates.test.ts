// Admins adjust the templates that write a new post-mortem's sections: a saved template writes
// the next post-mortem; a broken one is refused with liquid's reason; only admins may.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { cookieOf } from "./postmortem-fixtures.ts";

describe.each(databases())("post-mortem section templates on %s", (database) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ database });
  });
  afterAll(() => app?.stop());

  const post = (cookie: string, fields: Record<string, string>) =>
    fetch(`${app.baseUrl}/admin/postmortem-templates`, {
      method: "POST",
      headers: { cookie, origin: app.baseUrl },
      body: new URLSearchParams(fields),
      redirect: "manual",
    });

  it("writes the next post-mortem with the admin's template, and refuses a broken one", async () => {
    const admin = await cookieOf(app, "admin@northwind.example");
    const source = "For leadership: {{ incident.title }} lasted {{ numbers.duration }}. [(source)]({{ incident.href }})";
    const saved = await post(admin, { intent: "save", section: "summary", source });
    expect(saved.status).toBe(200);

    const broken = await post(admin, { intent: "save", section: "summary", source: "{{ incident.nope }}" });
    expect(broken.status).toBe(422);
    expect(await broken.text()).toMatch(/incident\.nope/);
    const looping = await post(admin, { intent: "save", section: "impact", source: "{% for i in (1..100000000) %}x{% endfor %}" });
    expect(looping.status).toBe(422);

    const pm = (await app.api.post("/api/v1/incidents/INC-1/postmortem")).body.postmortem;
    const summary = pm.sections.find((s: { key: string }) => s.key === "summary").markdown as string;
    expect(summary).toMatch(/^For leadership: Batch API jobs delayed in US East lasted \dh \d\dm\. \[\(source\)\]/);

    const responder = await cookieOf(app, "responder@northwind.example");
    const refused = await post(responder, { intent: "save", section: "summary", source: "x" });
    expect(refused.status).toBe(403);
  });
});
