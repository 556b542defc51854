import { describe, expect, it } from "vitest";
import { attemptCounter } from "./rate-limit.ts";

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("attemptCounter", () => {
  it("allows `limit` attempts in the window and refuses the next until the oldest leaves it", () => {
    const time = clock();
    const counter = attemptCounter({ limit: 3, windowMs: 60_000, now: time.now });
    for (let i = 0; i < 3; i++) {
      expect(counter.retryAfterMs("1.2.3.4")).toBe(0);
      counter.record("1.2.3.4");
      time.advance(10_000);
    }
    // attempts at 0 s, 10 s, 20 s; now 30 s: the first leaves the window at 60 s
    expect(counter.retryAfterMs("1.2.3.4")).toBe(30_000);
    time.advance(29_999);
    expect(counter.retryAfterMs("1.2.3.4")).toBe(1);
    time.advance(1);
    expect(counter.retryAfterMs("1.2.3.4")).toBe(0);
  });

  it("counts each key on its own", () => {
    const time = clock();
    const counter = attemptCounter({ limit: 1, windowMs: 1000, now: time.now });
    counter.record("a");
    expect(counter.retryAfterMs("a")).toBe(1000);
    expect(counter.retryAfterMs("b")).toBe(0);
  });

  it("forgets a key when cleared (a successful sign-in clears the account's failures)", () => {
    const time = clock();
    const counter = attemptCounter({ limit: 2, windowMs: 1000, now: time.now });
    counter.record("dana");
    counter.record("dana");
    expect(counter.retryAfterMs("dana")).toBeGreaterThan(0);
    counter.clear("dana");
    expect(counter.retryAfterMs("dana")).toBe(0);
  });

  it("keeps memory bounded: past maxKeys the least recently used key is forgotten", () => {
    const time = clock();
    const counter = attemptCounter({ limit: 1, windowMs: 60_000, now: time.now, maxKeys: 2 });
    counter.record("a");
    counter.record("b");
    counter.record("a");
    counter.record("c");
    expect(counter.retryAfterMs("b")).toBe(0);
    expect(counter.retryAfterMs("a")).toBeGreaterThan(0);
    expect(counter.retryAfterMs("c")).toBeGreaterThan(0);
  });

  it("keeps refusing while attempts go on inside the window, measured from the attempts kept", () => {
    const time = clock();
    const counter = attemptCounter({ limit: 2, windowMs: 10_000, now: time.now });
    counter.record("k");
    time.advance(1000);
    counter.record("k");
    time.advance(1000);
    counter.record("k"); // refused attempts still count when the caller records them
    expect(counter.retryAfterMs("k")).toBe(9000);
  });
});
