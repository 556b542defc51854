// Entries typed in the room wait here, in localStorage, until the server acknowledges them.
// Each carries its idempotency key, so a retry after a lost response never doubles it.
import type { Doc } from "~/modules/timeline/document.ts";

export type PendingEntry = {
  idempotencyKey: string;
  incidentId: string;
  kind: string;
  doc: Doc;
  text: string;
  occurredAt: string;
  attempts: number;
  lastError: string | null;
};

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const storageKey = (incidentId: string) => `incident-desk:outbox:${incidentId}`;

export function readOutbox(store: KeyValueStore, incidentId: string): PendingEntry[] {
  try {
    const raw = store.getItem(storageKey(incidentId));
    const parsed = raw ? (JSON.parse(raw) as PendingEntry[]) : [];
    return Array.isArray(parsed) ? parsed.filter((p) => p && typeof p.idempotencyKey === "string") : [];
  } catch {
    return [];
  }
}

export function writeOutbox(store: KeyValueStore, incidentId: string, entries: PendingEntry[]): void {
  if (entries.length === 0) store.removeItem(storageKey(incidentId));
  else store.setItem(storageKey(incidentId), JSON.stringify(entries));
}

export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Wait before the next try: 1 s, 2 s, 4 s … capped at 15 s. */
export function retryDelayMs(attempts: number): number {
  return Math.min(15_000, 1000 * 2 ** Math.max(0, attempts - 1));
}

/** A response that will never succeed on retry (bad input, forbidden): keep the text, stop retrying. */
export function isPermanentFailure(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}
