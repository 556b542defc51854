// Timeline, Comms and Post-mortem: views of one incident, each a page of its own (works without JS).
import { NavLink } from "@remix-run/react";

export function RoomTabs({ incidentId, draftCount }: { incidentId: string; draftCount?: number }) {
  const tab = ({ isActive }: { isActive: boolean }) =>
    `-mb-px border-b-2 px-3 py-2 text-sm font-medium no-underline ${isActive ? "border-slate-900 text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"}`;
  return (
    <nav aria-label="Incident views" className="mb-4 flex gap-1 border-b border-slate-300 print:hidden">
      <NavLink to={`/incidents/${incidentId}`} end className={tab}>
        Timeline
      </NavLink>
      <NavLink to={`/incidents/${incidentId}/comms`} className={tab}>
        Comms{draftCount ? <span className="ml-1 rounded-full bg-amber-200 px-1.5 text-xs text-amber-950">{draftCount}</span> : null}
      </NavLink>
      <NavLink to={`/incidents/${incidentId}/postmortem`} className={tab}>
        Post-mortem
      </NavLink>
    </nav>
  );
}
