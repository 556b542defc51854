import { describe, expect, it } from "vitest";
import { answerIsPrivate, privateCacheControl } from "./cache-policy.ts";

describe("private answers", () => {
  it("are the API's and those asked for with credentials", () => {
    expect(answerIsPrivate("/api/v1/incidents", {})).toBe(true);
    expect(answerIsPrivate("/incidents", { cookie: "__session=x" })).toBe(true);
    expect(answerIsPrivate("/incidents", { authorization: "Bearer x" })).toBe(true);
    expect(answerIsPrivate("/login", {})).toBe(false);
  });

  it("say no-store, beside what the route chose, unless the route declared the answer public", () => {
    expect(privateCacheControl(null)).toBe("no-store");
    expect(privateCacheControl("private, no-cache")).toBe("no-store, private, no-cache");
    expect(privateCacheControl("no-store")).toBe("no-store");
    expect(privateCacheControl("no-cache, no-transform")).toBe("no-store, no-cache, no-transform");
    expect(privateCacheControl("public, max-age=31536000, immutable")).toBe("public, max-age=31536000, immutable");
    expect(privateCacheControl("max-age=60, publicity")).toBe("no-store, max-age=60, publicity");
  });
});
