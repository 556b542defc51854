// The clock of the public page: starts and completes maintenance windows on time, and
// rebuilds the snapshot every hour (the uptime bars move on at midnight in any zone). Runs in every app
// instance; the moves are guarded so two instances never make the same one.
import { advanceDueMaintenance } from "~/modules/maintenance/maintenance.server.ts";
import { refreshStatusPage } from "~/modules/status-page/store.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { singleton } from "~/utils/singleton.ts";

const TICK_MS = 5_000;
const clock = singleton<{ timer?: NodeJS.Timeout }>("maintenanceClock", () => ({}));

export function startClock(): void {
  if (clock.timer) return;
  let hour = new Date().toISOString().slice(0, 13);
  let busy = false;
  clock.timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void (async () => {
      try {
        const moved = await advanceDueMaintenance();
        const now = new Date().toISOString().slice(0, 13);
        if (now !== hour) {
          hour = now;
          if (!moved) await refreshStatusPage({ announce: false });
        }
      } catch (error) {
        logger.warn({ err: error }, "maintenance clock tick failed; will try again");
      } finally {
        busy = false;
      }
    })();
  }, TICK_MS);
  clock.timer.unref();
}

export function stopClock(): void {
  clearInterval(clock.timer);
  clock.timer = undefined;
}
