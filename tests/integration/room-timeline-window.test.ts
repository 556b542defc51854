// A big incident's room opens on its newest entries, not its first 2,000: the newest 200 with
// the count of those written before, pages of earlier entries from the API, and the window around
// one entry when the room is opened on it (as links from post-mortems and search do).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inParallel } from "../setup/delivery-helpers.ts";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";

/** Posted; the incident's declaration is its first entry, so the timeline holds one more. */
const POSTED = 600;

describe.each(databases())("the incident room's window of a long timeline on %s", (database) => {
  let app: TestApp;
  let incident: { id: string; ref: string };
  /** the entries' seqs in the order they were written: seqs[0] is the declaration's; 601 in all */
  let seqs: number[];

  /** The room's HTML as a signed-in user gets it: which entries it shows and what it says. */
  const room = async (query = "") => {
    const response = await app.api.get(`/incidents/${incident.ref}${query}`, { accept: "text/html" });
    const html = String(response.body);
    return { status: response.status, html, shown: [...html.matchAll(/data-seq="(\d+)"/g)].map((m) => Number(m[1])) };
  };
  /** the entries numbered from..to, counted from 1 as a person counts them (1 is the declaration) */
  const seqsOf = (from: number, to: number) => seqs.slice(from - 1, to);

  beforeAll(async () => {
    app = await startApp({ database });
    incident = (await app.api.post("/api/v1/incidents", { title: "Checkout latency across every region", severity: "SEV1" })).body.incident;
    const written: number[] = (await app.api.get(`/api/v1/incidents/${incident.id}/timeline`)).body.entries.map(
      (e: { seq: number }) => e.seq,
    );
    expect(written).toHaveLength(1);
    await inParallel(
      Array.from({ length: POSTED }, (_, i) => i + 1),
      4,
      async (n) => {
        const response = await app.api.post(`/api/v1/incidents/${incident.id}/timeline`, {
          body: `Entry number ${n} of the long incident`,
          idempotencyKey: `long-incident-${n}`,
        });
        expect(response.status).toBe(201);
        written.push(response.body.entry.seq);
      },
    );
    seqs = written.sort((a, b) => a - b);
  }, 300_000); // 600 writes, on a machine that may be busy
  afterAll(() => app?.stop());

  it("opens on the newest 200 entries and says how many were written before them", async () => {
    const page = await room();
    expect(page.status).toBe(200);
    expect(page.shown).toEqual(seqsOf(402, 601));
    expect(page.html).toContain("401 entries written earlier, not shown");
    expect(page.html).toContain("Show earlier entries");
    expect(page.html).not.toContain("written later");
  });

  it("gives the earlier entries a page at a time from the API, each with what is left before it", async () => {
    const timeline = `/api/v1/incidents/${incident.id}/timeline`;
    // before the newest window's first entry (the 402nd)
    const first = await app.api.get(`${timeline}?before=${seqsOf(402, 402)[0]}&limit=200`);
    expect(first.status).toBe(200);
    expect(first.body.entries.map((e: { seq: number }) => e.seq)).toEqual(seqsOf(202, 401));
    expect(first.body.earlier).toBe(201);
    const second = await app.api.get(`${timeline}?before=${seqsOf(202, 202)[0]}&limit=200`);
    expect(second.body.entries.map((e: { seq: number }) => e.seq)).toEqual(seqsOf(2, 201));
    expect(second.body.earlier).toBe(1);
    const last = await app.api.get(`${timeline}?before=${seqsOf(2, 2)[0]}&limit=200`);
    expect(last.body.entries.map((e: { seq: number }) => e.seq)).toEqual(seqsOf(1, 1));
    expect(last.body.earlier).toBe(0);
    // the feed after a seq says how many follow the page
    const after = await app.api.get(`${timeline}?after=${seqsOf(100, 100)[0]}&limit=50`);
    expect(after.body.entries.map((e: { seq: number }) => e.seq)).toEqual(seqsOf(101, 150));
    expect(after.body.later).toBe(451);
  });

  it("refuses a bad page request with 400 naming the field", async () => {
    const timeline = `/api/v1/incidents/${incident.id}/timeline`;
    for (const [query, field] of [
      ["before=abc", "before"],
      ["before=0", "before"],
      ["before=-4", "before"],
      ["before=10&after=2", "before"],
      ["before=10&limit=0", "limit"],
    ] as const) {
      const response = await app.api.get(`${timeline}?${query}`);
      expect(response.status, query).toBe(400);
      expect(Object.keys(response.body.error.fields), query).toEqual([field]);
    }
  });

  it("opens on the window around an old entry, with the counts before and after it", async () => {
    // the 300th: 100 up to it, 100 after it
    const seq = seqsOf(300, 300)[0];
    const page = await room(`?entry=${seq}`);
    expect(page.status).toBe(200);
    expect(page.shown).toEqual(seqsOf(201, 400));
    expect(page.html).toContain("200 entries written earlier, not shown");
    expect(page.html).toContain("201 entries written later, not shown");
    expect(page.html).toMatch(new RegExp(`id="entry-${seq}"[^>]*aria-current="location"`));
  });

  it("near either end, fills the window from the other side", async () => {
    const early = await room(`?entry=${seqsOf(10, 10)[0]}`);
    expect(early.shown).toEqual(seqsOf(1, 200));
    expect(early.html).not.toContain("written earlier");
    expect(early.html).toContain("401 entries written later, not shown");
    const late = await room(`?entry=${seqsOf(590, 590)[0]}`);
    expect(late.shown).toEqual(seqsOf(402, 601));
    expect(late.html).toContain("401 entries written earlier, not shown");
    expect(late.html).not.toContain("written later");
  });

  it("says so when the entry asked for is not in this incident, and shows the newest", async () => {
    const page = await room("?entry=999999");
    expect(page.status).toBe(200);
    expect(page.html).toContain("This incident has no entry 999999");
    expect(page.shown).toEqual(seqsOf(402, 601));
    expect((await room("?entry=abc")).status).toBe(400);
    expect((await room("?entry=0")).status).toBe(400);
  });
});
