// What the clients received, joined on `seq` with when each entry was posted: the latency
// samples, and every event lost, duplicated, out of order or not ours.
import type { ClientReport } from "./clients.ts";

/** One timed POST: `sentAt` just before the request was written, `seq` from the 201 response. */
export type Post = { i: number; sentAt: number; respondedAt: number; status: number; seq: number | null };

export type ClientProblem = {
  index: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  unexpected: number;
  error: string | null;
};

/** `clients` sorted by index; `startSeq` is the warm-up entry's seq, which no client should replay. */
export function deliveryFigures(clients: ClientReport[], posts: Post[], startSeq: number) {
  const sentAtBySeq = new Map(posts.filter((p) => p.seq !== null).map((p) => [p.seq!, p.sentAt]));
  const expected = [...sentAtBySeq.keys()].sort((a, b) => a - b);
  const latencies: number[] = [];
  const firstBySeq = new Map<number, number>();
  const lastBySeq = new Map<number, number>();
  let lost = 0,
    duplicated = 0,
    outOfOrder = 0,
    unexpected = 0,
    malformed = 0,
    heartbeats = 0;
  const clientsWithProblems: ClientProblem[] = [];
  for (const c of clients) {
    const seen = new Set<number>();
    let prev = startSeq;
    let cl = 0,
      cd = 0,
      co = 0,
      cu = 0;
    for (let k = 0; k < c.seqs.length; k++) {
      const seq = c.seqs[k];
      if (seen.has(seq)) {
        cd++; // only the first receipt counts for latency
        continue;
      }
      if (seq <= prev) co++;
      seen.add(seq);
      prev = Math.max(prev, seq);
      const sentAt = sentAtBySeq.get(seq);
      if (sentAt === undefined) {
        cu++; // an event this run did not post (nothing else writes to the incident)
        continue;
      }
      const at = c.times[k];
      latencies.push(at - sentAt);
      firstBySeq.set(seq, Math.min(firstBySeq.get(seq) ?? Infinity, at));
      lastBySeq.set(seq, Math.max(lastBySeq.get(seq) ?? -Infinity, at));
    }
    for (const seq of expected) if (!seen.has(seq)) cl++;
    lost += cl;
    duplicated += cd;
    outOfOrder += co;
    unexpected += cu;
    malformed += c.malformed;
    heartbeats += c.heartbeats;
    if (cl || cd || co || cu || c.error)
      clientsWithProblems.push({ index: c.index, lost: cl, duplicated: cd, outOfOrder: co, unexpected: cu, error: c.error });
  }
  const firstLatency = expected.filter((s) => firstBySeq.has(s)).map((s) => firstBySeq.get(s)! - sentAtBySeq.get(s)!);
  const lastLatency = expected.filter((s) => lastBySeq.has(s)).map((s) => lastBySeq.get(s)! - sentAtBySeq.get(s)!);
  const spread = expected.filter((s) => firstBySeq.has(s)).map((s) => lastBySeq.get(s)! - firstBySeq.get(s)!);
  return {
    expected,
    latencies,
    firstLatency,
    lastLatency,
    spread,
    lost,
    duplicated,
    outOfOrder,
    unexpected,
    malformed,
    heartbeats,
    clientsWithProblems,
  };
}
