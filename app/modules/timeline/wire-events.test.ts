import { describe, expect, it } from "vitest";
import type { IncidentView } from "~/modules/incidents/view.ts";
import type { UpdateView } from "~/modules/updates/views.ts";
import type { TimelineEntryView } from "./view.ts";
import { eventFrame, INCIDENT_EVENT_KINDS, readIncidentEvent, type IncidentEvent } from "./wire-events.ts";

const entry = {
  id: "e1",
  incidentId: "i1",
  seq: 3,
  kind: "note",
  body: "Rolled back “deploy 42”\nand watching.",
  doc: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Rolled back" }] }] },
  occurredAt: "2026-11-23T14:00:00.000Z",
  author: { id: "u1", name: "Ada" },
  pinned: false,
  createdAt: "2026-11-23T14:00:01.000Z",
  editedAt: null,
  deletedAt: null,
} as TimelineEntryView;
const update = { id: "s1", incidentId: "i1", status: "identified", body: "We found it.", state: "draft" } as UpdateView;
const incident = { id: "i1", ref: "INC-7", number: 7, title: "Checkout slow", status: "investigating", lastSeq: 9 } as IncidentView;

/** One of each kind, as a writer records it. */
const samples: IncidentEvent[] = [
  { seq: 3, type: "timeline.created", data: entry },
  { seq: 4, type: "timeline.updated", data: { ...entry, pinned: true, editedAt: "2026-11-23T14:05:00.000Z" } },
  { seq: 5, type: "timeline.deleted", data: { ...entry, deletedAt: "2026-11-23T14:06:00.000Z" } },
  { seq: 6, type: "update.changed", data: update },
  { seq: 7, type: "update.changed", data: { id: "s1", deleted: true } },
  { seq: 9, type: "incident.updated", data: incident },
];

/** What a browser's EventSource makes of a frame: the event's name, its last event id and its data. */
function asBrowserReadsIt(frame: string): { type: string; id: string; data: string } {
  const fields = Object.fromEntries(
    frame
      .trimEnd()
      .split("\n")
      .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]),
  );
  return { type: fields.event, id: fields.id, data: fields.data };
}

describe("events on the wire", () => {
  it("has a sample of every kind", () => {
    expect(new Set(samples.map((s) => s.type))).toEqual(new Set(INCIDENT_EVENT_KINDS));
  });

  it.each(samples.map((s) => [`${s.type} #${s.seq}`, s] as const))("%s round-trips through its frame", (_name, event) => {
    const frame = eventFrame(event);
    expect(frame.endsWith("\n\n")).toBe(true);
    expect(frame.slice(0, -2)).not.toContain("\n\n");
    const read = asBrowserReadsIt(frame);
    expect(readIncidentEvent(read.type, read.id, read.data)).toEqual(event);
  });

  it("reads nothing from what is not an incident event", () => {
    expect(readIncidentEvent("heartbeat", "", "{}")).toBeNull();
    expect(readIncidentEvent("timeline.moved", "3", JSON.stringify(entry))).toBeNull();
    expect(readIncidentEvent("timeline.created", "", JSON.stringify(entry))).toBeNull();
    expect(readIncidentEvent("timeline.created", "x", JSON.stringify(entry))).toBeNull();
    expect(readIncidentEvent("timeline.created", "3", "not json")).toBeNull();
    expect(readIncidentEvent("incident.updated", "3", "[]")).toBeNull();
    expect(readIncidentEvent("incident.updated", "3", "null")).toBeNull();
  });
});
