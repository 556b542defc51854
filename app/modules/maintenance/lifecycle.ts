// A maintenance window's life: scheduled -> in progress (-> verifying) -> completed, moved by
// the clock at the times set, or by a person earlier. Pure.
import type { MaintenanceStatusName } from "~/modules/status-page/model.ts";

const LEGAL: Record<MaintenanceStatusName, readonly MaintenanceStatusName[]> = {
  scheduled: ["in_progress", "completed"],
  in_progress: ["verifying", "completed"],
  verifying: ["in_progress", "completed"],
  completed: [],
};

export function canMoveMaintenance(from: MaintenanceStatusName, to: MaintenanceStatusName): boolean {
  return LEGAL[from].includes(to);
}

export function nextMaintenanceStatuses(from: MaintenanceStatusName): readonly MaintenanceStatusName[] {
  return LEGAL[from];
}

/** Whether the window's components are under maintenance in this status. */
export function holdsComponents(status: MaintenanceStatusName): boolean {
  return status === "in_progress" || status === "verifying";
}

/** The moves the clock makes now, in order (a window whose end has also passed starts and completes). */
export function dueMoves(
  window: { status: MaintenanceStatusName; scheduledFor: Date; scheduledUntil: Date },
  now: Date,
): MaintenanceStatusName[] {
  const moves: MaintenanceStatusName[] = [];
  let status = window.status;
  if (status === "scheduled" && now >= window.scheduledFor) {
    moves.push("in_progress");
    status = "in_progress";
  }
  if ((status === "in_progress" || status === "verifying") && now >= window.scheduledUntil) moves.push("completed");
  return moves;
}

export const MAINTENANCE_MESSAGES: Record<MaintenanceStatusName, string> = {
  scheduled: "We will be undergoing scheduled maintenance during this time.",
  in_progress: "Scheduled maintenance is currently in progress. We will provide updates as necessary.",
  verifying: "Verification is currently underway for the maintenance items.",
  completed: "The scheduled maintenance has been completed.",
};

export const MAINTENANCE_STATUS_LABELS: Record<MaintenanceStatusName, string> = {
  scheduled: "Scheduled",
  in_progress: "In progress",
  verifying: "Verifying",
  completed: "Completed",
};
