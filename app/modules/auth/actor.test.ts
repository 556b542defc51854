import { describe, expect, it } from "vitest";
import { userActor } from "./actor.ts";

const user = { id: "u1", name: "Dana Park", email: "dana@northwind.example", role: "responder", timeZone: "Europe/Paris" };

describe("userActor", () => {
  it("acts with the user's own role, by session", () => {
    expect(userActor(user, { sessionId: "s1" })).toEqual({
      userId: "u1",
      name: "Dana Park",
      email: "dana@northwind.example",
      role: "responder",
      timeZone: "Europe/Paris",
      tokenId: null,
      sessionId: "s1",
    });
  });

  it("acts with the role it is given for a token, and says when it came through Slack", () => {
    expect(userActor(user, { role: "viewer", tokenId: "t1" })).toMatchObject({ role: "viewer", tokenId: "t1", sessionId: null });
    expect(userActor(user, { via: "slack" })).toMatchObject({ role: "responder", via: "slack", tokenId: null, sessionId: null });
    expect(userActor(user)).not.toHaveProperty("via");
  });
});
