import { describe, expect, it } from "vitest";
import { CARET_COLOURS, caretColour } from "./caret-colour.ts";

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe("caret colours", () => {
  it("give a person the same colour every time", () => {
    expect(caretColour("k3j9x0a1b2c3")).toBe(caretColour("k3j9x0a1b2c3"));
  });

  it("differ between people", () => {
    const ids = Array.from({ length: 40 }, (_, i) => `user${i}abcdefg`);
    expect(new Set(ids.map(caretColour)).size).toBeGreaterThanOrEqual(6);
  });

  it("carry a white name label at 4.5:1 or more", () => {
    for (const colour of CARET_COLOURS) {
      expect(colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(1.05 / (luminance(colour) + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
