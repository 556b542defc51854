import { describe, expect, it } from "vitest";
import { MAX_NOTIFICATION_BYTES } from "~/modules/alerts/payload.server.ts";
import { MAX_IMPORT_BYTES } from "~/modules/subscribers/csv.ts";
import { MAX_FORM_BYTES } from "~/utils/form.server.ts";
import { MAX_JSON_BYTES } from "~/utils/http.server.ts";
import { BODY_LIMITS, bodyClassOf, declaredLength } from "./body-limits.ts";

const session = { cookie: "__session=x" };

describe("bodyClassOf", () => {
  it("gives what anyone may post the small limit, whoever sends it", () => {
    for (const path of [
      "/login",
      "/logout",
      "/status/subscribe",
      "/status/subscriptions/t",
      "/api/v1/email-events",
      "/api/v1/slack/commands",
    ])
      expect(bodyClassOf(path, session)).toBe("public");
    expect(bodyClassOf("/incidents/new", {})).toBe("public");
  });

  it("gives signed-in forms and JSON more, and the import and alert intake the most", () => {
    expect(bodyClassOf("/incidents/new", session)).toBe("signedIn");
    expect(bodyClassOf("/api/v1/incidents", { authorization: "Bearer x" })).toBe("signedIn");
    expect(bodyClassOf("/admin/subscribers", session)).toBe("upload");
    expect(bodyClassOf("/api/v1/alerts/alertmanager", { authorization: "Bearer x" })).toBe("upload");
  });

  it("leaves room for every route's own limit in its class", () => {
    expect(BODY_LIMITS.public).toBeLessThan(BODY_LIMITS.signedIn);
    expect(BODY_LIMITS.signedIn).toBeGreaterThan(Math.max(MAX_FORM_BYTES, MAX_JSON_BYTES));
    expect(BODY_LIMITS.upload).toBeGreaterThan(Math.max(MAX_IMPORT_BYTES + 64 * 1024, MAX_NOTIFICATION_BYTES));
  });
});

describe("declaredLength", () => {
  it("reads a Content-Length, and nothing from a chunked or odd one", () => {
    expect(declaredLength({ "content-length": "1024" })).toBe(1024);
    expect(declaredLength({})).toBeNull();
    expect(declaredLength({ "content-length": "-1" })).toBeNull();
  });
});
