// Webhooks, notifications and subscribers answer the one FormOutcome (decision 0057): every answer
// of their forms, done or refused, says `ok` and which `form` answered; a refusal's `errors` has
// the message in `_` or by field, with the status codes and words the pages had before. Without
// JavaScript the page shows the same words.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { postForOutcome } from "./form-outcome-client.ts";
import { cookieOf } from "./postmortem-fixtures.ts";

const SECRET = "a-secret-of-twenty-chars";

describe.each(databases())("form outcomes of webhooks, notifications and subscribers on %s", (database) => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await startApp({ database, env: { WEBHOOK_ALLOWED_HOSTS: "localhost" } });
    admin = await cookieOf(app, "admin@northwind.example");
  });
  afterAll(() => app?.stop());

  /** The same form posted without JavaScript: the page's status and its HTML. */
  const postPage = async (path: string, cookie: string, fields: Record<string, string> | FormData) => {
    const body = fields instanceof FormData ? fields : new URLSearchParams(fields);
    const response = await fetch(`${app.baseUrl}${path}`, {
      method: "POST",
      headers: { cookie, origin: app.baseUrl },
      body,
      redirect: "manual",
    });
    return { status: response.status, html: await response.text() };
  };

  it("webhooks: adding and removing are done by their form; refusals name the form and the field", async () => {
    const url = `http://localhost:9/outcome-${database}`;
    const added = await postForOutcome(app.baseUrl, admin, "/admin/webhooks", { url, secret: SECRET, events: "incident" });
    expect(added).toEqual({ status: 200, outcome: { ok: true, form: "add", removed: false } });
    const [hook] = await app.db.rows<{ id: string }>(`SELECT "id" FROM "WebhookEndpoint" WHERE "url" = ?`, url);

    const removed = await postForOutcome(app.baseUrl, admin, "/admin/webhooks", { intent: "remove", id: hook.id });
    expect(removed).toEqual({ status: 200, outcome: { ok: true, form: "remove", removed: true } });

    const short = await postForOutcome(app.baseUrl, admin, "/admin/webhooks", { intent: "add", url, secret: "short", events: "incident" });
    expect(short.status).toBe(422);
    expect(short.outcome).toMatchObject({ ok: false, form: "add", errors: { secret: expect.any(String) } });

    const gone = await postForOutcome(app.baseUrl, admin, "/admin/webhooks", { intent: "remove", id: hook.id });
    expect(gone.status).toBe(404);
    expect(gone.outcome).toMatchObject({ ok: false, form: "remove", errors: { _: expect.any(String) } });

    const unknown = await postForOutcome(app.baseUrl, admin, "/admin/webhooks", { intent: "rename" });
    expect(unknown.status).toBe(400);
    expect(unknown.outcome).toMatchObject({ ok: false, form: "add", errors: { _: "Unknown action.", intent: expect.any(String) } });

    const page = await postPage("/admin/webhooks", admin, { url: "http://169.254.169.254/", secret: SECRET, events: "incident" });
    expect(page.status).toBe(422);
    expect(page.html).toMatch(/169\.254\.169\.254 is the cloud metadata service/);
  });

  it("notifications: Mark all read is done by its form; a notification that is not yours is refused by the open form", async () => {
    const read = await postForOutcome(app.baseUrl, admin, "/notifications", { intent: "read-all" });
    expect(read).toEqual({ status: 200, outcome: { ok: true, form: "read-all" } });

    const notYours = await postForOutcome(app.baseUrl, admin, "/notifications", { intent: "open", id: "no-such-notification" });
    expect(notYours).toEqual({ status: 404, outcome: { ok: false, form: "open", errors: { id: "no such notification of yours" } } });

    const noId = await postForOutcome(app.baseUrl, admin, "/notifications", { intent: "open" });
    expect(noId).toEqual({ status: 422, outcome: { ok: false, form: "open", errors: { id: "say which notification" } } });

    const unknown = await postForOutcome(app.baseUrl, admin, "/notifications", { intent: "snooze" });
    expect(unknown.status).toBe(422);
    expect(unknown.outcome).toMatchObject({ ok: false, form: "read-all", errors: { intent: expect.any(String) } });

    const page = await postPage("/notifications", admin, { intent: "open", id: "no-such-notification" });
    expect(page.status).toBe(404);
    expect(page.html).toMatch(/role="alert"[^>]*>no such notification of yours</);
  });

  it("subscribers: the import and a Remove button answer by form, their message in errors._ (was error)", async () => {
    const email = `outcome-${database}-${Date.now()}@example.com`;
    const csv = (text: string) => {
      const body = new FormData();
      body.set("intent", "import");
      body.set("file", new Blob([text], { type: "text/csv" }), "subscribers.csv");
      return body;
    };
    const imported = await postForOutcome(
      app.baseUrl,
      admin,
      "/admin/subscribers",
      csv(`email,confirmed_at,components\n${email},2025-03-01,\n`),
    );
    expect(imported).toEqual({ status: 200, outcome: { ok: true, form: "import", imported: 1, created: 1 } });

    const badRow = await postForOutcome(
      app.baseUrl,
      admin,
      "/admin/subscribers",
      csv("email,confirmed_at,components\nnot-an-address,2025-03-01,\n"),
    );
    expect(badRow.status).toBe(422);
    expect(badRow.outcome).toMatchObject({
      ok: false,
      form: "import",
      errors: { _: "Nothing was imported: 1 row is not valid." },
      rows: [expect.objectContaining({ line: 2 })],
    });

    const noFile = new FormData();
    noFile.set("intent", "import");
    const empty = await postForOutcome(app.baseUrl, admin, "/admin/subscribers", noFile);
    expect(empty).toEqual({ status: 422, outcome: { ok: false, form: "import", errors: { _: "Choose a CSV file to import." } } });

    const [subscriber] = await app.db.rows<{ id: string }>(`SELECT "id" FROM "Subscriber" WHERE "email" = ?`, email);
    const removed = await postForOutcome(app.baseUrl, admin, "/admin/subscribers", { intent: "remove", id: subscriber.id, email });
    expect(removed).toEqual({ status: 200, outcome: { ok: true, form: "remove", email } });

    const again = await postForOutcome(app.baseUrl, admin, "/admin/subscribers", { intent: "remove", id: subscriber.id, email });
    expect(again).toEqual({ status: 404, outcome: { ok: false, form: "remove", errors: { _: "That subscriber was already removed." } } });

    const unknown = await postForOutcome(app.baseUrl, admin, "/admin/subscribers", { intent: "merge" });
    expect(unknown.status).toBe(400);
    expect(unknown.outcome).toMatchObject({ ok: false, form: "import", errors: { _: "Unknown action.", intent: expect.any(String) } });

    const page = await postPage("/admin/subscribers", admin, { intent: "remove", id: subscriber.id, email });
    expect(page.status).toBe(404);
    expect(page.html).toMatch(/role="alert"[^>]*>That subscriber was already removed\.</);
    const rows = await postPage("/admin/subscribers", admin, csv("email,confirmed_at,components\nnot-an-address,2025-03-01,\n"));
    expect(rows.status).toBe(422);
    expect(rows.html).toContain("Nothing was imported: 1 row is not valid.");
  });
});
