import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A 12-character lowercase base-36 id, the shape Statuspage uses for every public object. */
export function newId(): string {
  const bytes = randomBytes(12);
  let id = "";
  for (const byte of bytes) id += ALPHABET[byte % 36];
  return id;
}
