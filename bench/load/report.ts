// bench/load's report: what the SSE clients saw of the acknowledged entries (lost, shown twice,
// reconnects), and the table printed at the end of a run.
import type { ThreadReport } from "../timeline/client-threads.ts";

/** Lost: an acknowledged seq a client never had (the run also checks the database). */
export function sseFigures(threadReports: ThreadReport[], acked: number[], clients: number) {
  const ackedSet = new Set(acked);
  const perClientLost = threadReports
    .flatMap((t) => t.clients)
    .map((c) => {
      const seen = new Set(c.seqs);
      return {
        index: c.index,
        lost: acked.filter((s) => !seen.has(s)).length,
        error: c.error,
        reconnects: c.reconnects,
        firstDrop: c.firstDrop,
        shownTwice: c.seqs.length - seen.size,
      };
    });
  return {
    clients,
    clientsWithLoss: perClientLost.filter((c) => c.lost > 0).length,
    lostTotal: perClientLost.reduce((n, c) => n + c.lost, 0),
    streamErrors: perClientLost
      .filter((c) => c.error)
      .map((c) => ({ index: c.index, error: c.error }))
      .slice(0, 10),
    unexpectedSeqs: threadReports.flatMap((t) => t.clients).reduce((n, c) => n + c.seqs.filter((s) => !ackedSet.has(s)).length, 0),
    eventLoopDelayMs: threadReports.map((t) => t.eventLoopDelayMs),
    reconnects: perClientLost.reduce((n, c) => n + c.reconnects, 0),
    clientsReconnected: perClientLost.filter((c) => c.reconnects > 0).length,
    shownTwice: perClientLost.reduce((n, c) => n + c.shownTwice, 0),
    firstDrops: [...new Set(perClientLost.map((c) => c.firstDrop).filter(Boolean))].slice(0, 5),
  };
}

export function printTable(r: any) {
  const rows: [string, string][] = [];
  for (const p of r.public)
    rows.push([
      `GET ${p.path}`,
      `${p.requestsPerSecond}/s of ${p.targetRate}, p50 ${p.latencyMs.p50} / p99 ${p.latencyMs.p99} / max ${p.latencyMs.max} ms, non-2xx ${p.non2xx}, errors ${p.errors}`,
    ]);
  const e = r.entries;
  rows.push(["POST timeline (answered 2xx)", `p50 ${e.postLatencyMs.median} / p99 ${e.postLatencyMs.p99} / max ${e.postLatencyMs.max} ms`]);
  rows.push([
    "entries",
    `acknowledged ${e.acknowledged}, refused ${e.refused}, pending ${e.pending}, retried ${e.retriedEntries}, tries by status ${JSON.stringify(e.attemptsByStatus)}`,
  ]);
  rows.push([
    "lost",
    `in the database ${e.lostInDatabase}, on SSE clients ${r.sse.lostTotal} (${r.sse.clientsWithLoss} of ${r.sse.clients} clients), duplicated ${e.duplicatedInDatabase}, stream errors ${r.sse.streamErrors.length}`,
  ]);
  rows.push(["publishes", `${r.publishes.done} of ${r.publishes.all.length}, median ${r.publishes.ms.median} ms`]);
  rows.push(["server RSS", `${r.rssMiB.start} → ${r.rssMiB.end} MiB (${r.rssMiB.growthPercent}%), peak ${r.rssMiB.peak}`]);
  if (r.kill) {
    const k = r.kill;
    rows.push([
      `kill -9 at ${k.atS} s`,
      `writes in the next ${k.windowS} s ${JSON.stringify(k.writesDuring)} (slowest ${k.slowestWriteDuringMs} ms); SSE clients reconnected ${r.sse.clientsReconnected} (${r.sse.reconnects} reconnects), events shown twice ${r.sse.shownTwice}`,
    ]);
    for (const p of k.publicDuring) rows.push([`  during: ${p.path}`, `${JSON.stringify(p.statuses)}, slowest ${p.maxMs} ms`]);
  }
  rows.push(["load average", `${r.loadAverage.before.join(" ")} → ${r.loadAverage.after.join(" ")}`]);
  if (r.fault) {
    const f = r.fault;
    rows.push([
      `fault ${f.name}`,
      `${f.lastedS} s from ${f.atS} s: writes ${JSON.stringify(f.writesDuring)} (slowest ${f.slowestWriteDuringMs} ms), first ack ${f.firstAckAfterFaultS} s after`,
    ]);
    for (const p of f.publicDuring) rows.push([`  during: ${p.path}`, `${JSON.stringify(p.statuses)}, slowest ${p.maxMs} ms`]);
  }
  const w = Math.max(...rows.map(([a]) => a.length));
  console.log(rows.map(([a, b]) => `${a.padEnd(w)}  ${b}`).join("\n"));
}
