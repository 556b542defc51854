// Publish-to-served: POST an update with publish:true, note when the call returns, then
// poll the public JSON and the HTML page every ~5 ms until the update shows. And the
// conditional GETs: the current ETag must give 304, a stale one 200.
import { expect, request } from "./http.ts";
import { log, now, round, sleep } from "./options.ts";

export type PublishSample = {
  postMs: number;
  summaryAfterReturnMs: number | null;
  statusAfterReturnMs: number | null;
  summaryAfterSendMs: number | null;
};

const POLL_EVERY_MS = 5;
const GIVE_UP_MS = 5_000;

/** Time from `from` until `path` contains `needle`, or null after GIVE_UP_MS. */
async function until(port: number, path: string, needle: string, from: number): Promise<number | null> {
  while (now() - from < GIVE_UP_MS) {
    const reply = await request(port, "GET", path, {
      headers: { Accept: "*/*" },
    });
    if (reply.status === 200 && reply.body.includes(needle)) return now() - from;
    await sleep(POLL_EVERY_MS);
  }
  return null;
}

export async function publishLatency(port: number, incidentId: string, componentId: string, count: number): Promise<PublishSample[]> {
  const samples: PublishSample[] = [];
  for (let i = 0; i < count; i++) {
    const body = `Bench publish ${i} ${Math.random().toString(36).slice(2, 10)}: error rates are still being watched.`;
    const sent = now();
    const { update } = await expect(201, port, "POST", `/api/v1/incidents/${incidentId}/updates`, {
      status: i % 2 ? "monitoring" : "identified",
      body,
      components: [
        {
          id: componentId,
          status: i % 2 ? "degraded_performance" : "partial_outage",
        },
      ],
      nextUpdateInMinutes: 30,
      publish: true,
    });
    const returned = now();
    if (update.state !== "published") throw new Error(`the update was not published (state ${update.state})`);
    const [summary, status] = await Promise.all([
      until(port, "/api/v2/summary.json", update.id, returned),
      until(port, "/status", body, returned),
    ]);
    samples.push({
      postMs: round(returned - sent, 2),
      summaryAfterReturnMs: summary === null ? null : round(summary, 2),
      statusAfterReturnMs: status === null ? null : round(status, 2),
      summaryAfterSendMs: summary === null ? null : round(summary + returned - sent, 2),
    });
    await sleep(50);
  }
  const missing = samples.filter((s) => s.summaryAfterReturnMs === null || s.statusAfterReturnMs === null).length;
  if (missing) log(`${missing} of ${count} published updates did not show within ${GIVE_UP_MS} ms`);
  return samples;
}

export type ConditionalCheck = {
  path: string;
  etag: string | null;
  currentGives: number;
  weakGives: number;
  staleGives: number | null;
};

/** GETs each path with its current ETag (strong and weak): both must be 304. */
export async function conditionalGets(port: number, paths: readonly string[]): Promise<ConditionalCheck[]> {
  const checks: ConditionalCheck[] = [];
  for (const path of paths) {
    const first = await request(port, "GET", path, {
      headers: { Accept: "*/*", "Accept-Encoding": "gzip" },
    });
    const etag = (first.headers.etag as string | undefined) ?? null;
    const revalidate = async (tag: string) =>
      (
        await request(port, "GET", path, {
          headers: {
            Accept: "*/*",
            "Accept-Encoding": "gzip",
            "If-None-Match": tag,
          },
        })
      ).status;
    checks.push({
      path,
      etag,
      currentGives: etag ? await revalidate(etag) : 0,
      weakGives: etag ? await revalidate(`W/${etag}`) : 0,
      staleGives: null,
    });
  }
  return checks;
}

/** After a publish, each check's old ETag must give 200. */
export async function staleEtags(port: number, checks: ConditionalCheck[]): Promise<void> {
  for (const check of checks) {
    if (!check.etag) continue;
    check.staleGives = (
      await request(port, "GET", check.path, {
        headers: { Accept: "*/*", "If-None-Match": check.etag },
      })
    ).status;
  }
}
