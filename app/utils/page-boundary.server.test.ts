import { describe, expect, it } from "vitest";
import { databaseDoesNotAnswer, DomainError, STATUS_OF, type ErrorCode } from "./errors.ts";
import { formFailed, formRefusal, pageAnswer, pageLoader } from "./page-boundary.server.ts";

const CODES = Object.keys(STATUS_OF) as ErrorCode[];

describe("the pages' boundary", () => {
  it("gives a form one outcome for every refusal: the message, the fields, the status", () => {
    for (const code of CODES.filter((c) => c !== "unavailable")) {
      const refusal = formRefusal(new DomainError(code, `Refused: ${code}.`, { email: "already in use" }));
      expect(refusal).toEqual({
        ok: false,
        code,
        errors: { _: `Refused: ${code}.`, email: "already in use" },
        init: { status: STATUS_OF[code] },
      });
    }
    expect(formRefusal(new DomainError("conflict", "Someone else moved it.")).init.status).toBe(409);
    expect(formRefusal(new DomainError("rate_limited", "Slow down.", {}, { retryAfter: 60 })).init).toEqual({
      status: 429,
      headers: { "Retry-After": "60" },
    });
  });

  it("answers a form's refusal as a Response with its status, so a form posting to a route of its own gets it too", async () => {
    const answer = formFailed(new DomainError("forbidden", "An editor may not approve."), { form: "review" });
    expect(answer.status).toBe(403);
    expect(await answer.json()).toEqual({ form: "review", ok: false, code: "forbidden", errors: { _: "An editor may not approve." } });
  });

  it("throws on what is not a form's refusal: a bug, a Response, and a database that does not answer (the page's 503)", () => {
    const bug = new Error("a bug");
    expect(() => formRefusal(bug)).toThrow(bug);
    const outage = databaseDoesNotAnswer(new Error("ECONNREFUSED"));
    expect(() => formRefusal(outage)).toThrow(outage);
  });

  it("shows a page's ErrorBoundary the status and the words: 404, 403, 503 with Retry-After", async () => {
    for (const code of CODES) {
      const answer = pageAnswer(new DomainError(code, `Refused: ${code}.`));
      expect(answer.status).toBe(STATUS_OF[code]);
      expect(await answer.text()).toBe(`Refused: ${code}.`);
    }
    const outage = pageAnswer(databaseDoesNotAnswer(new Error("ECONNREFUSED")));
    expect([outage.status, outage.headers.get("retry-after")]).toEqual([503, "5"]);
  });

  it("as a loader's wrapper: passes data and redirects through, throws refusals as Responses", async () => {
    expect(await pageLoader(() => ({ title: "Checkout down" }))({})).toEqual({ title: "Checkout down" });
    const thrown = await pageLoader(async () => {
      throw new DomainError("not_found", "Incident not found.");
    })({}).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
    const redirect = new Response(null, { status: 302, headers: { Location: "/login" } });
    await expect(
      pageLoader(async () => {
        throw redirect;
      })({}),
    ).rejects.toBe(redirect);
  });
});
