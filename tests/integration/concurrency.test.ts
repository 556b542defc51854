// Many scribes at once: every entry is stored once, and the incident's sequence numbers
// stay distinct and gap-free, on every database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type TestApp } from "../setup/app-server.ts";

const WRITERS = 20;
const ENTRIES_PER_WRITER = 50;

describe.each(databases())("concurrent writers on %s", (database) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ database });
  });
  afterAll(() => app?.stop());

  it(`${WRITERS} writers posting ${ENTRIES_PER_WRITER} entries each leave exactly ${WRITERS * ENTRIES_PER_WRITER}, numbered without gaps`, async () => {
    const incident = (await app.api.post("/api/v1/incidents", { title: "Many hands on the timeline", severity: "SEV1" })).body.incident;
    const timeline = `/api/v1/incidents/${incident.id}/timeline`;
    const before = (await app.api.get(timeline)).body.entries.length;
    const startSeq = (await app.api.get(`/api/v1/incidents/${incident.id}`)).body.incident.lastSeq;

    const failures: string[] = [];
    const writer = async (w: number) => {
      const client = api(app.baseUrl, app.adminToken);
      for (let i = 0; i < ENTRIES_PER_WRITER; i++) {
        const response = await client.post(timeline, { body: `writer ${w} entry ${i}`, idempotencyKey: `writer-${w}-entry-${i}` });
        if (response.status !== 201) failures.push(`writer ${w} entry ${i}: ${response.status} ${JSON.stringify(response.body)}`);
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    expect(failures).toEqual([]);

    const entries: { seq: number; body: string }[] = (await app.api.get(`${timeline}?after=${startSeq}&limit=5000`)).body.entries;
    expect(entries).toHaveLength(WRITERS * ENTRIES_PER_WRITER);
    expect((await app.api.get(`${timeline}?limit=5000`)).body.entries).toHaveLength(before + WRITERS * ENTRIES_PER_WRITER);

    const seqs = entries.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    // Strictly increasing in list order, each one more than the last: no gaps between them.
    const steps = seqs.slice(1).map((seq, i) => seq - seqs[i]);
    expect(steps.every((step) => step === 1)).toBe(true);
    expect(seqs[0]).toBe(startSeq + 1);

    const bodies = new Set(entries.map((e) => e.body));
    expect(bodies.size).toBe(WRITERS * ENTRIES_PER_WRITER);
    for (let w = 0; w < WRITERS; w++) {
      // Each writer's own entries keep the order it wrote them in.
      const own = entries.filter((e) => e.body.startsWith(`writer ${w} `)).map((e) => e.body);
      expect(own).toEqual(Array.from({ length: ENTRIES_PER_WRITER }, (_, i) => `writer ${w} entry ${i}`));
    }
    expect((await app.api.get(`/api/v1/incidents/${incident.id}`)).body.incident.lastSeq).toBe(startSeq + WRITERS * ENTRIES_PER_WRITER);
  }, 180_000);
});
