// Timeline, Comms and Post-mortem: views of one incident, each a page of its own (works without JS),
// all children of the incident layout (decision 0044).
import { NavLink } from "@remix-run/react";
import { createContext, useContext, useEffect, type ReactNode } from "react";

/** The comms tab says how many drafts wait, for the Comms tab's badge; the other tabs show none. */
export const DraftCountContext = createContext<(count: number | undefined) => void>(() => {});

export function useDraftCount(count: number) {
  const setCount = useContext(DraftCountContext);
  useEffect(() => {
    setCount(count);
    return () => setCount(undefined);
  }, [count, setCount]);
}

/** `children`: shown at the row's end (the keys hint, the way back to all incidents). */
export function RoomTabs({ incidentId, draftCount, children }: { incidentId: string; draftCount?: number; children?: ReactNode }) {
  const tab = ({ isActive }: { isActive: boolean }) =>
    `-mb-px border-b-2 px-3 py-1.5 text-sm font-medium no-underline ${isActive ? "border-slate-900 text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"}`;
  return (
    <nav aria-label="Incident views" className="mb-3 flex gap-1 border-b border-slate-300 print:hidden">
      <NavLink to={`/incidents/${incidentId}`} end className={tab}>
        Timeline
      </NavLink>
      <NavLink to={`/incidents/${incidentId}/comms`} className={tab}>
        Comms{draftCount ? <span className="ml-1 rounded-full bg-amber-200 px-1.5 text-xs text-amber-950">{draftCount}</span> : null}
      </NavLink>
      <NavLink to={`/incidents/${incidentId}/postmortem`} className={tab}>
        Post-mortem
      </NavLink>
      {children ? <span className="ml-auto flex items-center gap-4 self-center text-sm">{children}</span> : null}
    </nav>
  );
}
