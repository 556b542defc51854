// Wakes this process's delivery worker when something was queued, instead of its next poll. A
// module of its own, so that what queues deliveries need not import the worker, which carries
// some of them out (a subscribe-form request: subscribers/subscribe-requests.server.ts).
const holder = globalThis as unknown as { __deliveryWake?: { wake: (() => void) | null } };

/** The sleeping worker's alarm, set while it waits between polls. */
export const workerAlarm: { wake: (() => void) | null } = (holder.__deliveryWake ??= { wake: null });

export function wakeWorker(): void {
  workerAlarm.wake?.();
}
