// The first step of a SIGTERM, before the drain (server.ts): /healthz says "draining" (503) at
// once while the instance keeps serving everything for SHUTDOWN_READY_GRACE_MS, so a balancer
// that polls /healthz stops sending it new requests before its listening socket closes.
// SIGINT (a person at a terminal) does not wait, and a second signal ends the wait.
import type { Logger } from "pino";

type Options = {
  graceMs: number;
  markNotReady: () => void;
  drain: (signal: string) => void;
  log: Logger;
};

export function notReadyFirst({ graceMs, markNotReady, drain, log }: Options): (signal: string) => void {
  let waiting: NodeJS.Timeout | null = null;
  let signalled = false;
  return (signal) => {
    if (signalled) {
      if (!waiting) return;
      clearTimeout(waiting);
      waiting = null;
      log.info({ signal }, "second signal: not waiting any longer");
      return drain(signal);
    }
    signalled = true;
    markNotReady();
    const wait = signal === "SIGTERM" ? graceMs : 0;
    if (wait === 0) return drain(signal);
    log.info({ signal, graceMs: wait }, "not ready: /healthz says draining; still serving until the grace ends");
    waiting = setTimeout(() => {
      waiting = null;
      drain(signal);
    }, wait);
  };
}
