import { describe, expect, it } from "vitest";
import { apiAction, apiAnswer } from "./api-boundary.server.ts";
import { databaseDoesNotAnswer, DomainError, STATUS_OF, type ErrorCode } from "./errors.ts";

describe("the API's boundary", () => {
  it("answers every code with its status in the API's one error shape", async () => {
    const expected: Record<ErrorCode, number> = {
      bad_request: 400,
      unauthorized: 401,
      forbidden: 403,
      not_found: 404,
      method_not_allowed: 405,
      conflict: 409,
      payload_too_large: 413,
      invalid: 422,
      rate_limited: 429,
      unavailable: 503,
    };
    expect(STATUS_OF).toEqual(expected);
    for (const [code, status] of Object.entries(expected) as [ErrorCode, number][]) {
      const answer = apiAnswer(new DomainError(code, `Refused: ${code}.`, { title: "is wrong" }));
      expect(answer.status).toBe(status);
      expect(answer.headers.get("content-type")).toMatch(/application\/json/);
      expect(await answer.text()).toBe(JSON.stringify({ error: { code, message: `Refused: ${code}.`, fields: { title: "is wrong" } } }));
    }
  });

  it("says fields {} when there are none", async () => {
    expect(await apiAnswer(new DomainError("not_found", "Incident not found.")).json()).toEqual({
      error: { code: "not_found", message: "Incident not found.", fields: {} },
    });
  });

  it("answers a database that does not answer with 503 and Retry-After", async () => {
    const answer = apiAnswer(databaseDoesNotAnswer(new Error("ECONNREFUSED")));
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("5");
    expect(await answer.json()).toEqual({
      error: { code: "unavailable", message: "The database does not answer; try again in a few seconds.", fields: {} },
    });
  });

  it("carries Retry-After on 429, Allow on 405, Connection: close on a body far too large", () => {
    expect(apiAnswer(new DomainError("rate_limited", "Slow down.", {}, { retryAfter: 30 })).headers.get("retry-after")).toBe("30");
    expect(apiAnswer(new DomainError("method_not_allowed", "No.", {}, { allow: ["GET", "HEAD", "PUT"] })).headers.get("allow")).toBe(
      "GET, HEAD, PUT",
    );
    expect(apiAnswer(new DomainError("payload_too_large", "Too big.", {}, { closeConnection: true })).headers.get("connection")).toBe(
      "close",
    );
    expect(apiAnswer(new DomainError("payload_too_large", "Too big.")).headers.get("connection")).toBeNull();
  });

  it("as a route's wrapper: passes results and non-refusals through, answers refusals", async () => {
    const ok = apiAction(async ({ n }: { n: number }) => ({ doubled: n * 2 }));
    expect(await ok({ n: 2 })).toEqual({ doubled: 4 });
    const refused = apiAction(async () => {
      throw new DomainError("conflict", "Already resolved.");
    });
    const answer = await refused({}).catch((error: unknown) => error);
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(409);
    const bug = new TypeError("a bug");
    await expect(
      apiAction(async () => {
        throw bug;
      })({}),
    ).rejects.toBe(bug);
    const redirect = new Response(null, { status: 302, headers: { Location: "/login" } });
    await expect(
      apiAction(async () => {
        throw redirect;
      })({}),
    ).rejects.toBe(redirect);
  });
});
