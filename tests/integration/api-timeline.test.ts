import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";

type Entry = { id: string; seq: number; kind: string; body: string; doc: unknown; deletedAt: string | null; editedAt: string | null };

describe.each(databases())("the timeline through the API on %s", (database) => {
  let app: TestApp;
  let incidentId: string;
  let timeline: string;

  const post = (body: Record<string, unknown>) => app.api.post(timeline, body);
  const list = async (after?: number): Promise<Entry[]> =>
    (await app.api.get(after === undefined ? timeline : `${timeline}?after=${after}`)).body.entries;

  beforeAll(async () => {
    app = await startApp({ database });
    incidentId = (await app.api.post("/api/v1/incidents", { title: "Search results stale", severity: "SEV3" })).body.incident.id;
    timeline = `/api/v1/incidents/${incidentId}/timeline`;
  });
  afterAll(() => app?.stop());

  it("stores an entry: 201 with its seq, the body as plain text and the document", async () => {
    const { lastSeq } = (await app.api.get(`/api/v1/incidents/${incidentId}`)).body.incident;
    const response = await post({ body: "Rolled back **deploy 4812**, see https://deploys.example/4812", kind: "action" });
    expect(response.status).toBe(201);
    const entry: Entry = response.body.entry;
    expect(entry).toMatchObject({ seq: lastSeq + 1, kind: "action", body: "Rolled back deploy 4812, see https://deploys.example/4812" });
    expect(entry.doc).toEqual({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Rolled back " },
            { type: "text", text: "deploy 4812", marks: [{ type: "bold" }] },
            { type: "text", text: ", see " },
            {
              type: "text",
              text: "https://deploys.example/4812",
              marks: [{ type: "link", attrs: { href: "https://deploys.example/4812" } }],
            },
          ],
        },
      ],
    });
    expect((await list()).at(-1)).toEqual(entry);
  });

  it("accepts a tiptap document as the body", async () => {
    const doc = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Cache hit rate ", marks: [] },
            { type: "text", text: "dropped", marks: [{ type: "italic" }] },
          ],
        },
      ],
    };
    const response = await post({ body: doc, kind: "customer-impact" });
    expect(response.status).toBe(201);
    expect(response.body.entry).toMatchObject({ kind: "customer-impact", body: "Cache hit rate dropped" });
  });

  it("stores an entry once per idempotency key: the retry gets 200 and the same entry", async () => {
    const first = await post({ body: "Paged the search on-call.", idempotencyKey: "composer-7f3a9c1e" });
    expect(first.status).toBe(201);
    const count = (await list()).length;
    const retry = await post({ body: "Paged the search on-call.", idempotencyKey: "composer-7f3a9c1e" });
    expect(retry.status).toBe(200);
    expect(retry.body.entry).toEqual(first.body.entry);
    expect((await list()).length).toBe(count);
    expect(await app.db.count("TimelineEntry", `"idempotencyKey" = ?`, "composer-7f3a9c1e")).toBe(1);
  });

  it("lists only the entries after a sequence number, in sequence order", async () => {
    const cut = (await post({ body: "Before the cut." })).body.entry.seq;
    const later = [];
    for (const body of ["After one.", "After two.", "After three."]) later.push((await post({ body })).body.entry);
    const after = await list(cut);
    expect(after.map((e) => e.id)).toEqual(later.map((e) => e.id));
    expect(after.map((e) => e.seq)).toEqual([...after.map((e) => e.seq)].sort((a, b) => a - b));
    expect(await list(later.at(-1)!.seq)).toEqual([]);
  });

  it("keeps the previous version when an entry is edited", async () => {
    const entry: Entry = (await post({ body: "Hypothesis: the indexer is stuck.", kind: "hypothesis" })).body.entry;
    const edited = await app.api.patch(`${timeline}/${entry.id}`, { body: "Hypothesis: the indexer lost its lease.", pinned: true });
    expect(edited.status).toBe(200);
    expect(edited.body.entry).toMatchObject({
      id: entry.id,
      seq: entry.seq,
      body: "Hypothesis: the indexer lost its lease.",
      pinned: true,
      kind: "hypothesis",
    });
    expect(edited.body.entry.editedAt).toEqual(expect.any(String));
    const revisions = await app.db.rows<{ text: string; kind: string }>(
      `SELECT "text", "kind" FROM "TimelineEntryRevision" WHERE "entryId" = ?`,
      entry.id,
    );
    expect(revisions).toEqual([{ text: "Hypothesis: the indexer is stuck.", kind: "hypothesis" }]);
    expect((await list()).find((e) => e.id === entry.id)).toEqual(edited.body.entry);
  });

  it("marks a deleted entry: still listed, with deletedAt and an empty body", async () => {
    const entry: Entry = (await post({ body: "Wrong incident, sorry." })).body.entry;
    const deleted = await app.api.delete(`${timeline}/${entry.id}`);
    expect(deleted.status).toBe(200);
    const listed = (await list()).find((e) => e.id === entry.id)!;
    expect(listed).toMatchObject({ id: entry.id, seq: entry.seq, body: "", deletedAt: expect.any(String) });
    expect(listed.doc).toEqual({ type: "doc", content: [] });
    expect((await app.api.patch(`${timeline}/${entry.id}`, { body: "undo" })).status).toBe(409);
  });

  it("keeps script as literal text, never as markup", async () => {
    const script = "<script>alert(1)</script>";
    const response = await post({ body: `${script} <img src=x onerror=alert(2)>` });
    expect(response.status).toBe(201);
    const entry: Entry = response.body.entry;
    expect(entry.body).toBe(`${script} <img src=x onerror=alert(2)>`);
    expect(entry.doc).toEqual({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: `${script} <img src=x onerror=alert(2)>` }] }],
    });
    expect((await list()).find((e) => e.id === entry.id)!.body).toBe(entry.body);

    const link = await post({ body: "[runbook](javascript:alert(1))" });
    expect(JSON.stringify(link.body.entry.doc)).not.toContain('"link"');
    const hostile = await post({
      body: {
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] },
        ],
      },
    });
    expect(hostile.status).toBe(422);
  });
});
