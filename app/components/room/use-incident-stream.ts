// Keeps the room current: one EventSource per open room, resuming after the last sequence
// it saw (the browser sends Last-Event-ID on reconnect). Entries are keyed by id, so an
// event that arrives twice changes nothing.
import { useCallback, useEffect, useReducer, useState } from "react";
import type { IncidentView } from "~/modules/incidents/view.server.ts";
import type { TimelineEntryView } from "~/modules/timeline/view.ts";
import type { UpdateView } from "~/modules/updates/views.server.ts";
import { addEarlier, addLater, placeEntry, type TimelineWindowState } from "./timeline-window.ts";

const SILENCE_LIMIT_MS = 50_000;

export type ConnectionState = "connecting" | "live" | "reconnecting" | "closed";

type State = { incident: IncidentView; timeline: TimelineWindowState; updates?: UpdateView[]; lastSeq: number };
type Initial = Omit<State, "timeline"> & { timeline?: TimelineWindowState };

const NO_TIMELINE: TimelineWindowState = { entries: [], earlier: 0, later: 0, newestSeq: 0, newest: null };
type UpdateChange = UpdateView | { id: string; deleted: true };
type Action =
  | { type: "incident"; seq: number; incident: IncidentView }
  | { type: "entry"; seq: number; entry: TimelineEntryView }
  | { type: "update"; seq: number; update: UpdateChange }
  | { type: "earlier"; page: { entries: TimelineEntryView[]; earlier: number } }
  | { type: "later"; page: { entries: TimelineEntryView[]; later: number } }
  | { type: "reset"; state: State };

/** Unpublished first, newest first; then the published, newest first (as the server lists them). */
function orderUpdates(updates: UpdateView[]): UpdateView[] {
  const newest = (a: UpdateView, b: UpdateView) => (b.publishedAt ?? b.createdAt).localeCompare(a.publishedAt ?? a.createdAt);
  return [...updates.filter((u) => u.state !== "published").sort(newest), ...updates.filter((u) => u.state === "published").sort(newest)];
}

function reducer(state: State, action: Action): State {
  if (action.type === "reset") return action.state;
  if (action.type === "earlier") return { ...state, timeline: addEarlier(state.timeline, action.page) };
  if (action.type === "later") return { ...state, timeline: addLater(state.timeline, action.page) };
  const lastSeq = Math.max(state.lastSeq, action.seq);
  if (action.type === "incident") return { ...state, incident: action.incident, lastSeq };
  if (action.type === "update") {
    const others = (state.updates ?? []).filter((u) => u.id !== action.update.id);
    return { ...state, updates: "deleted" in action.update ? others : orderUpdates([...others, action.update]), lastSeq };
  }
  return { ...state, timeline: placeEntry(state.timeline, action.entry), lastSeq };
}

const stateOf = (initial: Initial): State => ({ ...initial, timeline: initial.timeline ?? NO_TIMELINE });

export function useIncidentStream(initial: Initial) {
  const [state, dispatch] = useReducer(reducer, initial, stateOf);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const incidentId = initial.incident.id;

  useEffect(() => {
    dispatch({ type: "reset", state: stateOf(initial) });
    // Only a new incident or fresh server data (a later seq, another window) resets the room.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [incidentId, initial.lastSeq, initial.timeline]);

  useEffect(() => {
    let source: EventSource | null = null;
    let lastHeard = Date.now();
    // Resume after what this page already has; the browser adds Last-Event-ID on its own retries.
    let resumeAfter = initial.lastSeq;
    const onEntry = (event: MessageEvent) => {
      resumeAfter = Math.max(resumeAfter, Number(event.lastEventId));
      dispatch({ type: "entry", seq: Number(event.lastEventId), entry: JSON.parse(event.data) });
    };
    const onIncident = (event: MessageEvent) => {
      resumeAfter = Math.max(resumeAfter, Number(event.lastEventId));
      dispatch({ type: "incident", seq: Number(event.lastEventId), incident: JSON.parse(event.data) });
    };
    const open = () => {
      source?.close();
      lastHeard = Date.now();
      source = new EventSource(`/api/v1/incidents/${incidentId}/events?after=${resumeAfter}`);
      const heard = () => (lastHeard = Date.now());
      source.addEventListener("open", () => {
        heard();
        setConnection("live");
      });
      source.addEventListener("error", () => setConnection(source?.readyState === EventSource.CLOSED ? "closed" : "reconnecting"));
      source.addEventListener("heartbeat", heard);
      for (const type of ["timeline.created", "timeline.updated", "timeline.deleted"]) {
        source.addEventListener(type, (e) => {
          heard();
          onEntry(e as MessageEvent);
        });
      }
      source.addEventListener("update.changed", (e) => {
        heard();
        const event = e as MessageEvent;
        resumeAfter = Math.max(resumeAfter, Number(event.lastEventId));
        dispatch({ type: "update", seq: Number(event.lastEventId), update: JSON.parse(event.data) });
      });
      source.addEventListener("incident.updated", (e) => {
        heard();
        onIncident(e as MessageEvent);
      });
    };
    open();
    // A stream that has said nothing for three heartbeats is dead even if the browser thinks not.
    const watchdog = setInterval(() => {
      if (Date.now() - lastHeard > SILENCE_LIMIT_MS) {
        setConnection("reconnecting");
        open();
      }
    }, 5_000);
    const offline = () => setConnection("reconnecting");
    const online = () => open();
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    return () => {
      clearInterval(watchdog);
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      source?.close();
    };
  }, [incidentId, initial.lastSeq]);

  /** An entry the server acknowledged to this page goes in at once, before its event arrives. */
  const addEntry = useCallback((entry: TimelineEntryView) => dispatch({ type: "entry", seq: entry.seq, entry }), []);

  /** An update the server acknowledged to this page shows at once. */
  const applyUpdate = useCallback((update: UpdateChange) => dispatch({ type: "update", seq: 0, update }), []);

  /** Pages of the timeline loaded on demand ("Show earlier entries", "Show later entries"). */
  const addPage = useCallback((page: { entries: TimelineEntryView[]; earlier: number } | { entries: TimelineEntryView[]; later: number }) => {
    if ("earlier" in page) dispatch({ type: "earlier", page });
    else dispatch({ type: "later", page });
  }, []);

  return { ...state, updates: state.updates ?? [], connection, addEntry, applyUpdate, addPage };
}
