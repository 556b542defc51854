// Keeps a tab of the incident current from the layout's one event stream (incident-events.ts):
// the tab starts from its loader's data and applies the events after it. Entries are keyed by
// id, so an event that arrives twice changes nothing.
import { useCallback, useEffect, useReducer } from "react";
import type { TimelineEntryView } from "~/modules/timeline/view.ts";
import type { UpdateView } from "~/modules/updates/views.ts";
import type { UpdateChange } from "~/modules/timeline/wire-events.ts";
import { useIncidentEventsContext } from "./incident-events.ts";
import { addEarlier, addLater, placeEntry, type TimelineWindowState } from "./timeline-window.ts";

export type { ConnectionState } from "./incident-events.ts";

type State = { timeline: TimelineWindowState; updates?: UpdateView[]; lastSeq: number };
type Initial = Omit<State, "timeline"> & { timeline?: TimelineWindowState };

const NO_TIMELINE: TimelineWindowState = { entries: [], earlier: 0, later: 0, newestSeq: 0, newest: null };
type Action =
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
  if (action.type === "update") {
    const others = (state.updates ?? []).filter((u) => u.id !== action.update.id);
    return { ...state, updates: "deleted" in action.update ? others : orderUpdates([...others, action.update]), lastSeq };
  }
  return { ...state, timeline: placeEntry(state.timeline, action.entry), lastSeq };
}

const stateOf = (initial: Initial): State => ({ ...initial, timeline: initial.timeline ?? NO_TIMELINE });

export function useIncidentStream(initial: Initial) {
  const events = useIncidentEventsContext();
  const [state, dispatch] = useReducer(reducer, initial, stateOf);

  useEffect(() => {
    dispatch({ type: "reset", state: stateOf(initial) });
    // Only fresh server data (a later seq, another window) resets the tab.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial.lastSeq, initial.timeline]);

  useEffect(
    () =>
      // the layout's stream hands over what it heard after this tab's data, then each new event
      events.subscribe((event) => {
        if (event.type === "update.changed") dispatch({ type: "update", seq: event.seq, update: event.data });
        else if (event.type !== "incident.updated") dispatch({ type: "entry", seq: event.seq, entry: event.data });
      }, initial.lastSeq),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [events.subscribe, initial.lastSeq, initial.timeline],
  );

  /** An entry the server acknowledged to this page goes in at once, before its event arrives. */
  const addEntry = useCallback((entry: TimelineEntryView) => dispatch({ type: "entry", seq: entry.seq, entry }), []);

  /** An update the server acknowledged to this page shows at once. */
  const applyUpdate = useCallback((update: UpdateChange) => dispatch({ type: "update", seq: 0, update }), []);

  /** Pages of the timeline loaded on demand ("Show earlier entries", "Show later entries"). */
  const addPage = useCallback(
    (page: { entries: TimelineEntryView[]; earlier: number } | { entries: TimelineEntryView[]; later: number }) => {
      if ("earlier" in page) dispatch({ type: "earlier", page });
      else dispatch({ type: "later", page });
    },
    [],
  );

  return {
    ...state,
    incident: events.incident,
    updates: state.updates ?? [],
    connection: events.connection,
    addEntry,
    applyUpdate,
    addPage,
  };
}
