// The colour of a collaborator's caret and name label, the same for a person in every browser
// and session. Each colour carries white text at 4.5:1 or more (WCAG AA); y-tiptap wants
// six-digit hex. Pure.
export const CARET_COLOURS = [
  "#b91c1c",
  "#c2410c",
  "#a16207",
  "#15803d",
  "#0f766e",
  "#0369a1",
  "#1d4ed8",
  "#6d28d9",
  "#a21caf",
  "#be185d",
] as const;

/** FNV-1a over the user's id: stable, and spread well enough over ten colours. */
export function caretColour(userId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return CARET_COLOURS[(hash >>> 0) % CARET_COLOURS.length];
}
