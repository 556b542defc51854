// The incident room's keyboard: single keys outside any field, and the commands the palette
// (Ctrl/⌘+K) offers. Pure: the room wires each command to what it does.
export type RoomCommand = "composer" | "status" | "pin-last" | "comms" | "timeline" | "postmortem" | "help" | "palette";

export const ROOM_KEYS: { key: string; command: RoomCommand; label: string }[] = [
  { key: "c", command: "composer", label: "Write in the timeline (also /)" },
  { key: "s", command: "status", label: "Change the status" },
  { key: "p", command: "pin-last", label: "Pin the last entry" },
  { key: "u", command: "comms", label: "Open the comms tab (status-page updates)" },
  { key: "t", command: "timeline", label: "Open the timeline" },
  { key: "m", command: "postmortem", label: "Open the post-mortem" },
  { key: "?", command: "help", label: "Show these keys" },
];

/** The commands that change the incident: only for a role that may write, and only on the timeline tab. */
const WRITES: readonly RoomCommand[] = ["composer", "status", "pin-last"];

/**
 * The keys the room lists (in "?" and the palette) and answers for this reader: a viewer, or any
 * reader on the comms tab, gets only the keys that move between tabs (decision 0039).
 */
export function roomKeysFor(reader: { canWrite: boolean; tab: "timeline" | "comms" }): typeof ROOM_KEYS {
  return ROOM_KEYS.filter((k) => !WRITES.includes(k.command) || (reader.canWrite && reader.tab === "timeline"));
}

export const PALETTE_KEY_LABEL = "Ctrl+K or ⌘K";

/** True when the key press belongs to a field being typed in, not to the room. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.tagName !== "string") return false;
  return element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName);
}

/** The command a key press asks for, or null (typing, a modifier, an unknown key). */
export function commandForKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}): RoomCommand | null {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k") return "palette";
  if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return null;
  return ROOM_KEYS.find((k) => k.key === event.key)?.command ?? null;
}

/** Palette entries matching what was typed: every word must appear in the label. */
export function matchCommands<T extends { label: string }>(commands: T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((c) => words.every((w) => c.label.toLowerCase().includes(w)));
}
