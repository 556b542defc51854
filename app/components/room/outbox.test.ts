import { describe, expect, it } from "vitest";
import { isPermanentFailure, readOutbox, retryDelayMs, writeOutbox, type KeyValueStore, type PendingEntry } from "./outbox.ts";

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const entry = (key: string): PendingEntry => ({
  idempotencyKey: key,
  incidentId: "inc1",
  kind: "note",
  doc: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: key }] }] },
  text: key,
  occurredAt: "2026-11-25T10:00:00.000Z",
  attempts: 0,
  lastError: null,
});

describe("the composer's outbox", () => {
  it("keeps unsent entries per incident, in order, across reads", () => {
    const store = memoryStore();
    writeOutbox(store, "inc1", [entry("a"), entry("b")]);
    writeOutbox(store, "inc2", [entry("c")]);
    expect(readOutbox(store, "inc1").map((e) => e.idempotencyKey)).toEqual(["a", "b"]);
    expect(readOutbox(store, "inc2").map((e) => e.idempotencyKey)).toEqual(["c"]);
  });

  it("forgets the incident's key once everything is acknowledged", () => {
    const store = memoryStore();
    writeOutbox(store, "inc1", [entry("a")]);
    writeOutbox(store, "inc1", []);
    expect(store.data.size).toBe(0);
  });

  it("survives damaged storage instead of breaking the room", () => {
    const store = memoryStore();
    store.setItem("incident-desk:outbox:inc1", "{not json");
    expect(readOutbox(store, "inc1")).toEqual([]);
  });

  it("backs off 1 s, 2 s, 4 s … up to 15 s", () => {
    expect([1, 2, 3, 4, 5, 10].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 15000, 15000]);
  });

  it("retries server trouble and rate limits but not rejected input", () => {
    expect(isPermanentFailure(0)).toBe(false);
    expect(isPermanentFailure(503)).toBe(false);
    expect(isPermanentFailure(429)).toBe(false);
    expect(isPermanentFailure(422)).toBe(true);
    expect(isPermanentFailure(403)).toBe(true);
  });
});
