import { describe, expect, it, vi } from "vitest";
import { singleton } from "./singleton.ts";

describe("singleton", () => {
  it("makes a name's value once and hands every caller that one", () => {
    let made = 0;
    const first = singleton("test:counter", () => ({ made: ++made }));
    const again = singleton("test:counter", () => ({ made: ++made }));
    expect(again).toBe(first);
    expect(made).toBe(1);
  });

  it("is shared with another copy of the module, through the process", async () => {
    const value = singleton("test:shared", () => ({ n: 1 }));
    vi.resetModules();
    const copy = await import("./singleton.ts");
    expect(copy.singleton).not.toBe(singleton);
    expect(copy.singleton("test:shared", () => ({ n: 2 }))).toBe(value);
  });
});
