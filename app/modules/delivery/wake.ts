// Wakes this process's delivery worker when something was queued, instead of its next poll. A
// module of its own, so that what queues deliveries need not import the worker, which carries
// some of them out (a subscribe-form request: subscribers/subscribe-requests.server.ts).
import { singleton } from "~/utils/singleton.ts";

/** The sleeping worker's alarm, set while it waits between polls. */
export const workerAlarm = singleton<{ wake: (() => void) | null }>("deliveryWake", () => ({ wake: null }));

export function wakeWorker(): void {
  workerAlarm.wake?.();
}
