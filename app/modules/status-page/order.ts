// Updates newest first. Two updates can share a time (a maintenance window scheduled after its
// start is announced and started in one step; the clock may start and complete one at once),
// so a tie goes to the later step of the lifecycle.
import type { PublicUpdate } from "./model.ts";

const STEP: Record<PublicUpdate["status"], number> = {
  investigating: 0,
  identified: 1,
  monitoring: 2,
  resolved: 3,
  postmortem: 4,
  scheduled: 0,
  in_progress: 1,
  verifying: 2,
  completed: 3,
};

export function newestUpdateFirst(a: Pick<PublicUpdate, "displayAt" | "status">, b: Pick<PublicUpdate, "displayAt" | "status">): number {
  return b.displayAt.getTime() - a.displayAt.getTime() || STEP[b.status] - STEP[a.status];
}
