// One clock (decision 0040) on the public side: the page's zone, its abbreviation, and UTC beside it.
import { describe, expect, it } from "vitest";
import { formatPageTime } from "./page-time.ts";

describe("public pages and emails", () => {
  it("use the page's zone with its abbreviation and UTC beside it", () => {
    expect(formatPageTime(new Date("2026-01-15T18:25:00.000Z"), "America/Los_Angeles")).toBe("Jan 15, 10:25 PST (18:25 UTC)");
    expect(formatPageTime(new Date("2026-01-16T05:00:00.000Z"), "America/Los_Angeles")).toBe("Jan 15, 21:00 PST (Jan 16, 05:00 UTC)");
    expect(formatPageTime(new Date("2026-01-15T18:25:00.000Z"), "Etc/UTC")).toBe("Jan 15, 18:25 UTC");
  });
});
