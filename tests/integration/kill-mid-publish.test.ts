// The app as most run it, one process with its delivery worker, killed with SIGKILL (a crash,
// the OOM killer) while scribes are writing the timeline and a published update's notices are
// going out; then started again on the same database. Every entry a scribe was told was stored
// is there once, and every subscriber gets the notice exactly once: what was in the provider's
// hands at the kill goes again under its idempotency key, and nothing else is sent twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { addConfirmedSubscribers, emailCounts, noticesOf, notExactlyOnce, waitUntilSent } from "../setup/delivery-helpers.ts";
import { startResendStandIn, type ResendStandIn } from "../setup/resend-stand-in.ts";

const READERS = 800;
const SCRIBES = 3;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(databases())("the app killed with SIGKILL mid-publish on %s", (database) => {
  let standIn: ResendStandIn;
  let first: TestApp;
  let second: TestApp | undefined;
  let readers: string[];
  const env = () => ({
    RESEND_API_KEY: standIn.apiKey,
    RESEND_BASE_URL: standIn.url,
    EMAIL_REQUESTS_PER_SECOND: "20",
    DELIVERY_LEASE_MS: "3000",
  });

  beforeAll(async () => {
    standIn = await startResendStandIn({ requestsPerSecond: 20 });
    first = await startApp({ database, env: env() });
    readers = await addConfirmedSubscribers(first.api, `killed-${database}`, READERS);
  }, 240_000);
  afterAll(async () => {
    await second?.stop();
    await first?.stop(); // already dead: drops its database
    await standIn?.close();
  });

  it("loses no acknowledged entry and sends each notice once after a restart", async () => {
    const declared = await first.api.post("/api/v1/incidents", { title: `Killed mid-publish ${database}`, severity: "SEV2" });
    expect(declared.status).toBe(201);
    const incidentId = declared.body.incident.id as string;

    // Scribes write until the process dies under them; only a 201 counts as told "stored".
    const acknowledged: string[] = [];
    let writing = true;
    const scribes = Array.from({ length: SCRIBES }, async (_, scribe) => {
      for (let n = 0; writing; n++) {
        const key = `scribe-${scribe}-${n}`;
        const response = await first.api
          .post(`/api/v1/incidents/${incidentId}/timeline`, { body: `Scribe ${scribe}, note ${n}`, idempotencyKey: key })
          .catch(() => null);
        if (response?.status === 201) acknowledged.push(key);
        else if (response === null) return; // the process is gone
      }
    });

    standIn.setDelay(300);
    const published = await first.api.post(`/api/v1/incidents/${incidentId}/updates`, {
      status: "investigating",
      body: "Chat and the API are failing for most customers. We are investigating.",
      publish: true,
      notify: true,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body.update.state).toBe("published");
    const updateId = published.body.update.id as string;

    // The kill: some notices recorded as sent, a batch in the provider's hands, entries arriving (a
    // few acknowledged already: notices filled once per update go out faster than the scribes write).
    const deadline = Date.now() + 60_000;
    while (!(noticesOf(standIn, updateId).length >= 200 && standIn.inFlight() > 0 && acknowledged.length > 10)) {
      if (Date.now() > deadline)
        throw new Error(`no batch in flight: ${JSON.stringify(standIn.stats)} ${JSON.stringify(await emailCounts(first.api, updateId))}`);
      await delay(5);
    }
    process.kill(first.pid, "SIGKILL");
    await first.exited;
    writing = false;
    await Promise.all(scribes);
    const atKill = noticesOf(standIn, updateId).length;
    expect(acknowledged.length).toBeGreaterThan(10);

    await delay(500); // the request in flight runs out at the stand-in, its answer to nobody
    standIn.setDelay(20);
    second = await startApp({ database, databaseUrl: first.databaseUrl, env: env() });
    await waitUntilSent(second.api, updateId, READERS, 90_000);

    const notices = noticesOf(standIn, updateId);
    console.info(
      `[${database}] killed with ${acknowledged.length} entries acknowledged and ${atKill} of ${READERS} notices accepted; batches resent after the restart and answered from the idempotency key: ${standIn.stats.replayed}`,
    );
    expect(
      notExactlyOnce(
        readers,
        notices.flatMap((e) => e.to),
      ),
    ).toEqual({});
    expect(notices).toHaveLength(READERS);
    expect(atKill).toBeLessThan(READERS);
    expect(standIn.stats.conflicts).toBe(0);
    expect((await emailCounts(second.api, updateId)).email).toMatchObject({ sent: READERS, sending: 0, queued: 0, dead: 0 });

    // Every acknowledged entry, once; none twice (an entry written but not acknowledged may be there, once).
    const stored = await second.db.rows<{ idempotencyKey: string }>(
      `SELECT "idempotencyKey" FROM "TimelineEntry" WHERE "incidentId" = ? AND "idempotencyKey" LIKE 'scribe-%'`,
      incidentId,
    );
    const keys = stored.map((r) => r.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(acknowledged.filter((key) => !keys.includes(key))).toEqual([]);
    // And the room reads them after the restart, in order, each once.
    const timeline = await second.api.get(`/api/v1/incidents/${incidentId}/timeline`);
    const seqs = (timeline.body.entries as { seq: number }[]).map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  }, 240_000);
});
