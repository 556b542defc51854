// Keeps the room current: one EventSource per open room, resuming after the last sequence
// it saw (the browser sends Last-Event-ID on reconnect). Entries are keyed by id, so an
// event that arrives twice changes nothing.
import { useEffect, useReducer, useState } from "react";
import type { IncidentView } from "~/modules/incidents/view.server.ts";
import type { TimelineEntryView } from "~/modules/timeline/view.ts";

export type ConnectionState = "connecting" | "live" | "reconnecting" | "closed";

type State = { incident: IncidentView; entries: TimelineEntryView[]; lastSeq: number };
type Action = { type: "incident"; seq: number; incident: IncidentView } | { type: "entry"; seq: number; entry: TimelineEntryView } | { type: "reset"; state: State };

function reducer(state: State, action: Action): State {
  if (action.type === "reset") return action.state;
  const lastSeq = Math.max(state.lastSeq, action.seq);
  if (action.type === "incident") return { ...state, incident: action.incident, lastSeq };
  const i = state.entries.findIndex((e) => e.id === action.entry.id);
  const entries = i >= 0 ? state.entries.map((e, j) => (j === i ? action.entry : e)) : [...state.entries, action.entry];
  return { ...state, entries, lastSeq };
}

export function useIncidentStream(initial: State) {
  const [state, dispatch] = useReducer(reducer, initial);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const incidentId = initial.incident.id;

  useEffect(() => {
    dispatch({ type: "reset", state: initial });
    // Only a new incident or fresh server data restarts the stream.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [incidentId, initial.lastSeq]);

  useEffect(() => {
    const source = new EventSource(`/api/v1/incidents/${incidentId}/events?after=${initial.lastSeq}`);
    const onEntry = (event: MessageEvent) => dispatch({ type: "entry", seq: Number(event.lastEventId), entry: JSON.parse(event.data) });
    source.addEventListener("open", () => setConnection("live"));
    source.addEventListener("error", () => setConnection(source.readyState === EventSource.CLOSED ? "closed" : "reconnecting"));
    source.addEventListener("timeline.created", onEntry);
    source.addEventListener("timeline.updated", onEntry);
    source.addEventListener("timeline.deleted", onEntry);
    source.addEventListener("incident.updated", (event: MessageEvent) =>
      dispatch({ type: "incident", seq: Number(event.lastEventId), incident: JSON.parse(event.data) }),
    );
    return () => source.close();
  }, [incidentId, initial.lastSeq]);

  return { ...state, connection };
}
