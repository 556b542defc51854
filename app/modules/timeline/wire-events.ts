// The events of an incident on the wire (decision 0056): what a change stores for the room's
// stream, how the server writes it as an SSE frame, and how the room's client code reads it
// back. One union for both sides, so a kind cannot be written that the room does not read.
// Pure: the room's client code imports it. The kinds' names are the API's and do not change
// ("incident.updated" is an incident change; "update.changed", a status-page update's).
import type { IncidentView } from "~/modules/incidents/view.ts";
import type { UpdateView } from "~/modules/updates/views.ts";
import type { TimelineEntryView } from "./view.ts";

/** A status-page update as the room hears it: as it is now, or gone (a discarded draft). */
export type UpdateChange = UpdateView | { id: string; deleted: true };

/** What each kind of event carries. */
export type IncidentEventData = {
  "timeline.created": TimelineEntryView;
  "timeline.updated": TimelineEntryView;
  "timeline.deleted": TimelineEntryView;
  "update.changed": UpdateChange;
  "incident.updated": IncidentView;
};

export type IncidentEventKind = keyof IncidentEventData;

export const INCIDENT_EVENT_KINDS = [
  "timeline.created",
  "timeline.updated",
  "timeline.deleted",
  "update.changed",
  "incident.updated",
] as const satisfies readonly IncidentEventKind[];

/** What a change records: its kind and what it carries (the sequence number is the change's). */
export type IncidentEventPayload = { [K in IncidentEventKind]: { type: K; data: IncidentEventData[K] } }[IncidentEventKind];

/** An event as it travels: with the incident's sequence number it was written at. */
export type IncidentEvent = IncidentEventPayload & { seq: number };

export function isIncidentEventKind(type: string): type is IncidentEventKind {
  return (INCIDENT_EVENT_KINDS as readonly string[]).includes(type);
}

/** The SSE frame of an event: its sequence number is the id a reconnecting browser resumes after. */
export function eventFrame(event: { seq: number; type: IncidentEventKind; data: unknown }): string {
  return `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/**
 * An event read back from its frame's fields (an EventSource message: its type, lastEventId and
 * data), or null for what is not an incident event: an unknown kind, no sequence number, data
 * that is not a JSON object with an id.
 */
export function readIncidentEvent(type: string, id: string, data: string): IncidentEvent | null {
  const seq = Number(id);
  if (!isIncidentEventKind(type) || !id || !Number.isSafeInteger(seq) || seq < 0) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || typeof (parsed as { id?: unknown }).id !== "string") return null;
  return { type, seq, data: parsed } as IncidentEvent;
}
