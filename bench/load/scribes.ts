// The scribes: each posts timeline entries on its own API token at a steady pace, through an
// outbox like the room's (app/components/room/outbox.ts): entries queue in order, each keeps
// its idempotency key across tries, and a failure the room would retry (5xx, 408, 429, no
// answer) is retried with the room's back-off. An entry is acknowledged when a try answers
// 201/200 with its seq.
import { isPermanentFailure, retryDelayMs } from "../../app/components/room/outbox.ts";
import { request } from "../status-page/http.ts";
import { sleep } from "../status-page/options.ts";

export type Attempt = { at: number; ms: number; status: number }; // status 0: no answer
export type Ack = { key: string; seq: number; scribe: number; queuedAt: number; ackedAt: number; tries: number };

export type ScribeFigures = {
  attempts: Attempt[];
  acks: Ack[];
  /** entries refused for good (a 4xx the room would not retry) */
  refused: { key: string; status: number; body: string }[];
  /** entries still queued or being retried when the scribes were stopped */
  pending: number;
  /** the first answer of each failing status, to show what a failed write said */
  failureSamples: { status: number; body: string }[];
};

export function runScribes(options: {
  port: number;
  incidentId: string;
  tokens: string[];
  entriesPerSecond: number;
  startedAt: number;
  stopQueuingAt: number;
}) {
  const figures: ScribeFigures = { attempts: [], acks: [], refused: [], pending: 0, failureSamples: [] };
  const { port, incidentId, tokens, entriesPerSecond, startedAt, stopQueuingAt } = options;
  const intervalMs = (tokens.length * 1000) / entriesPerSecond; // each scribe's own pace
  const queues = tokens.map(() => [] as { key: string; queuedAt: number }[]);
  let stopped = false;
  const path = `/api/v1/incidents/${incidentId}/timeline`;

  async function send(scribe: number, entry: { key: string; queuedAt: number }) {
    for (let tries = 1; !stopped; tries++) {
      const t0 = performance.now();
      let status = 0;
      let reply: Awaited<ReturnType<typeof request>> | null = null;
      try {
        reply = await request(port, "POST", path, {
          body: { body: `Scribe ${scribe}: observation ${entry.key}`, kind: "note", idempotencyKey: entry.key },
          headers: { Authorization: `Bearer ${tokens[scribe]}` },
        });
        status = reply.status;
      } catch {
        status = 0;
      }
      figures.attempts.push({ at: t0, ms: performance.now() - t0, status });
      if ((status === 201 || status === 200) && reply?.json?.entry?.seq) {
        figures.acks.push({
          key: entry.key,
          seq: reply.json.entry.seq,
          scribe,
          queuedAt: entry.queuedAt,
          ackedAt: performance.now(),
          tries,
        });
        return;
      }
      const text = reply?.body.toString("utf8").slice(0, 300) ?? "no answer";
      if (!figures.failureSamples.some((f) => f.status === status)) figures.failureSamples.push({ status, body: text });
      if (status && isPermanentFailure(status)) {
        figures.refused.push({ key: entry.key, status, body: text });
        return;
      }
      await sleep(retryDelayMs(tries));
    }
  }

  async function scribeLoop(scribe: number) {
    const offset = (scribe * 1000) / entriesPerSecond; // spread the scribes over one interval
    let k = 0;
    let wake: () => void = () => {};
    // The timer side: queue an entry every interval, whatever the sender is doing.
    const timer = (async () => {
      for (;;) {
        const due = startedAt + offset + k * intervalMs;
        if (due >= stopQueuingAt || stopped) return;
        await sleep(Math.max(0, due - performance.now()));
        queues[scribe].push({ key: `load-${process.pid}-${scribe}-${k++}`, queuedAt: performance.now() });
        wake();
      }
    })();
    // The sender side: the outbox, one entry at a time, in order.
    const sender = (async () => {
      while (!stopped) {
        const entry = queues[scribe][0];
        if (!entry) {
          if (performance.now() >= stopQueuingAt) return;
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, 500);
          });
          continue;
        }
        await send(scribe, entry);
        queues[scribe].shift();
      }
    })();
    await Promise.all([timer, sender]);
  }

  const done = Promise.all(tokens.map((_, i) => scribeLoop(i)));
  return {
    figures,
    /** Until every queued entry is acknowledged or refused, at most `ms`; then stops them. */
    drain: async (ms: number) => {
      await Promise.race([done, sleep(ms)]);
      stopped = true;
      figures.pending = queues.reduce((n, q) => n + q.length, 0);
      return figures;
    },
  };
}
