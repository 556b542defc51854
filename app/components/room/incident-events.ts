// The incident's one event stream (decision 0044): the incident layout route opens a single
// EventSource and keeps it while the reader moves between the Timeline, Comms and Post-mortem
// tabs. The layout keeps the incident itself current (the header reads it); each tab subscribes
// to the events it shows. A tab that mounts later is handed the events it has not seen: those
// after the sequence its own loader read, from a short log of what the stream has delivered.
import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";
import type { IncidentView } from "~/modules/incidents/view.ts";
import { INCIDENT_EVENT_KINDS, readIncidentEvent, type IncidentEvent } from "~/modules/timeline/wire-events.ts";

const SILENCE_LIMIT_MS = 50_000;
/** Events kept for a tab that mounts later; a tab's loader is never more than a few events behind the stream. */
const LOG_LIMIT = 500;

export type ConnectionState = "connecting" | "live" | "reconnecting" | "closed";
export type { IncidentEvent } from "~/modules/timeline/wire-events.ts";
type Listener = (event: IncidentEvent) => void;

export type IncidentEvents = {
  incident: IncidentView;
  connection: ConnectionState;
  /** Replays the logged events after `afterSeq`, then calls `listener` with each new one; returns the unsubscribe. */
  subscribe: (listener: Listener, afterSeq: number) => () => void;
  /** How many streams this page has opened (a reconnect counts): shown to tests as data-streams on the header. */
  opened: number;
};

export const IncidentEventsContext = createContext<IncidentEvents | null>(null);

export function useIncidentEventsContext(): IncidentEvents {
  const events = useContext(IncidentEventsContext);
  if (!events) throw new Error("useIncidentEventsContext: rendered outside the incident layout");
  return events;
}

/**
 * The layout's stream. `openAfter`: where the stream starts (no later than any loader of the page
 * read); `incident`/`lastSeq`: the layout loader's, taken again when it runs again with newer data.
 * Mount it once per incident (the layout keys it on the incident's id).
 */
export function useIncidentEvents(initial: { incident: IncidentView; lastSeq: number; openAfter: number }): IncidentEvents {
  const [current, setCurrent] = useState({ incident: initial.incident, seq: initial.lastSeq });
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [opened, setOpened] = useState(0);
  const listeners = useRef(new Set<Listener>());
  const log = useRef<IncidentEvent[]>([]);
  const resumeAfter = useRef(initial.openAfter);
  const incidentId = initial.incident.id;

  useEffect(() => {
    // the layout's loader ran again: its incident replaces the one shown unless the stream has brought a newer one
    setCurrent((shown) => (initial.lastSeq >= shown.seq ? { incident: initial.incident, seq: initial.lastSeq } : shown));
  }, [initial.incident, initial.lastSeq]);

  useEffect(() => {
    let source: EventSource | null = null;
    let lastHeard = Date.now();
    const heard = () => (lastHeard = Date.now());
    const deliver = (type: IncidentEvent["type"], message: MessageEvent<string>) => {
      heard();
      const event = readIncidentEvent(type, message.lastEventId, message.data);
      if (!event) return;
      resumeAfter.current = Math.max(resumeAfter.current, event.seq);
      log.current.push(event);
      if (log.current.length > LOG_LIMIT) log.current.shift();
      if (event.type === "incident.updated") {
        const incident = event.data;
        setCurrent((shown) => (event.seq >= shown.seq ? { incident, seq: event.seq } : shown));
      }
      for (const listener of listeners.current) listener(event);
    };
    const open = () => {
      source?.close();
      lastHeard = Date.now();
      // Resume after what this page already has; the browser adds Last-Event-ID on its own retries.
      source = new EventSource(`/api/v1/incidents/${incidentId}/events?after=${resumeAfter.current}`);
      setOpened((n) => n + 1);
      source.addEventListener("open", () => {
        heard();
        setConnection("live");
      });
      source.addEventListener("error", () => setConnection(source?.readyState === EventSource.CLOSED ? "closed" : "reconnecting"));
      source.addEventListener("heartbeat", heard);
      for (const type of INCIDENT_EVENT_KINDS) source.addEventListener(type, (e) => deliver(type, e as MessageEvent<string>));
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
  }, [incidentId]);

  const subscribe = useCallback((listener: Listener, afterSeq: number) => {
    for (const event of log.current) if (event.seq > afterSeq) listener(event);
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  return { incident: current.incident, connection, subscribe, opened };
}
