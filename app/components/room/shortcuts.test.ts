import { describe, expect, it } from "vitest";
import { commandForKey, matchCommands, ROOM_KEYS, roomKeysFor } from "./shortcuts.ts";

const press = (key: string, extra: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: unknown }> = {}) =>
  commandForKey({ key, ctrlKey: false, metaKey: false, altKey: false, target: null, ...extra } as Parameters<typeof commandForKey>[0]);

describe("the incident room's keys", () => {
  it("maps each documented key to its command", () => {
    for (const { key, command } of ROOM_KEYS) expect(press(key)).toBe(command);
    expect(press("x")).toBeNull();
  });

  it("leaves keys alone while someone types in a field or the editor", () => {
    expect(press("p", { target: { tagName: "INPUT", isContentEditable: false } })).toBeNull();
    expect(press("s", { target: { tagName: "DIV", isContentEditable: true } })).toBeNull();
    expect(press("s", { target: { tagName: "BUTTON", isContentEditable: false } })).toBe("status");
    expect(press("p", { ctrlKey: true })).toBeNull();
  });

  it("opens the palette with Ctrl+K or ⌘K, even from a field", () => {
    expect(press("k", { ctrlKey: true, target: { tagName: "INPUT", isContentEditable: false } })).toBe("palette");
    expect(press("K", { metaKey: true })).toBe("palette");
  });

  it("filters palette commands by every typed word", () => {
    const commands = [{ label: "Pin the last entry" }, { label: "Open the comms tab" }, { label: "Change the status" }];
    expect(matchCommands(commands, "the")).toHaveLength(3);
    expect(matchCommands(commands, "last pin").map((c) => c.label)).toEqual(["Pin the last entry"]);
    expect(matchCommands(commands, "deploy")).toEqual([]);
  });

  it("lists the keys that change the incident only to a reader who may write, on the timeline tab", () => {
    const keys = (reader: Parameters<typeof roomKeysFor>[0]) =>
      roomKeysFor(reader)
        .map((k) => k.key)
        .join("");
    expect(keys({ canWrite: true, tab: "timeline" })).toBe("csputm?");
    expect(keys({ canWrite: false, tab: "timeline" })).toBe("utm?");
    expect(keys({ canWrite: true, tab: "comms" })).toBe("utm?");
    expect(keys({ canWrite: false, tab: "comms" })).toBe("utm?");
  });
});
