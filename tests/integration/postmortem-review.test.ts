// Reviewing a post-mortem through the API: lint errors block submitting and approving, the
// author cannot approve their own, a second person can, a viewer can do none of it,
// reopening needs a reason and is kept in the change log, and two reviewers approving at
// once get one approval.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import { generatedPostmortem, sectionWriter, signedInApi } from "./postmortem-fixtures.ts";

describe.each(databases())("reviewing a post-mortem on %s", (database) => {
  let app: TestApp;
  let writer: ReturnType<typeof sectionWriter>;
  /** Dana Whitfield, a responder: the author of every post-mortem here */
  let author: Api;
  /** Kenji Tanaka, another responder */
  let reviewer: Api;
  /** a viewer token (made by the bootstrap admin) */
  let viewer: Api;

  const review = (as: Api, id: string, body: unknown) => as.post(`/api/v1/postmortems/${id}/review`, body);
  const changesOf = (id: string) =>
    app.db.rows<{ action: string; fromState: string; toState: string; note: string; actorId: string }>(
      `SELECT "action", "fromState", "toState", "note", "actorId" FROM "PostmortemChange" WHERE "postmortemId" = ? ORDER BY "at", "id"`,
      id,
    );

  /** A post-mortem by the author that passes lint, with an owned and dated action item. */
  async function cleanPostmortem() {
    const pm = await generatedPostmortem(app, author);
    await writer.complete(pm.id);
    const item = await author.post(`/api/v1/postmortems/${pm.id}/action-items`, {
      title: "Bound router fan-out",
      kind: "prevent",
      ownerEmail: "kenji.tanaka@northwind.example",
      dueAt: "2030-01-31",
    });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    return pm;
  }

  async function inReview() {
    const pm = await cleanPostmortem();
    expect((await review(author, pm.id, { action: "submit" })).status).toBe(200);
    return pm;
  }

  beforeAll(async () => {
    app = await startApp({ database });
    writer = sectionWriter(app.databaseUrl);
    author = await signedInApi(app, "responder@northwind.example");
    reviewer = await signedInApi(app, "kenji.tanaka@northwind.example");
    viewer = api(app.baseUrl, (await app.api.post("/api/v1/tokens", { name: "viewer for reviews", role: "viewer" })).body.token);
  });
  afterAll(async () => {
    await writer?.close();
    await app?.stop();
  });

  it("refuses to submit a first draft with lint errors, saying what to fix; submits once they are fixed", async () => {
    const pm = await generatedPostmortem(app, author);
    const refused = await review(author, pm.id, { action: "submit" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/cannot be submitted yet: \d problems? must be fixed first/);
    expect(refused.body.error.fields.root_cause).toMatch(/root cause has nothing written/);
    expect(refused.body.error.fields.summary).toMatch(/summary has nothing written/);
    expect((await app.api.get(`/api/v1/postmortems/${pm.id}`)).body.postmortem.state).toBe("draft");
    expect(await changesOf(pm.id)).toEqual([]);

    const before = (await author.get(`/api/v1/postmortems/${pm.id}/review`)).body.review;
    expect(before.state).toBe("draft");
    expect(before.actions).toEqual([
      { action: "submit", label: "Submit for review", needsNote: false, blocked: expect.stringMatching(/must be fixed first/) },
    ]);
    expect(before.problems.map((p: { rule: string }) => p.rule)).toEqual(
      expect.arrayContaining(["summary-empty", "root-cause-empty", "no-action-items"]),
    );

    await writer.complete(pm.id);
    expect((await author.get(`/api/v1/postmortems/${pm.id}/review`)).body.review.actions[0].blocked).toBeNull();
    const submitted = await review(author, pm.id, { action: "submit" });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.postmortem).toMatchObject({ id: pm.id, state: "in_review" });
    expect(submitted.body.postmortem.submittedAt).not.toBeNull();
    expect(await changesOf(pm.id)).toEqual([expect.objectContaining({ action: "submitted", fromState: "draft", toState: "in_review" })]);
  });

  it("blocks approval while an action item has no owner or due date", async () => {
    const pm = await inReview();
    const item = await author.post(`/api/v1/postmortems/${pm.id}/action-items`, { title: "Canary config pushes", kind: "prevent" });
    const refused = await review(reviewer, pm.id, { action: "approve" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/cannot be approved yet: 2 problems must be fixed first/);
    expect(refused.body.error.fields[`action_items.${item.body.actionItem.id}`]).toMatch(/“Canary config pushes” has no owner/);
    await author.patch(`/api/v1/action-items/${item.body.actionItem.id}`, {
      ownerEmail: "responder@northwind.example",
      dueAt: "2030-02-28",
    });
    expect((await review(reviewer, pm.id, { action: "approve" })).status).toBe(200);
  });

  it("does not let the author approve their own post-mortem; a second person can", async () => {
    const pm = await inReview();
    const actions = async (as: Api) =>
      (await as.get(`/api/v1/postmortems/${pm.id}/review`)).body.review.actions.map((a: { action: string }) => a.action);
    // The author sees Approve, blocked with the reason (decision 29), and no "Return to the author" (decision 42).
    expect(await actions(author)).toEqual(["approve"]);
    const authorsApprove = (await author.get(`/api/v1/postmortems/${pm.id}/review`)).body.review.actions[0];
    expect(authorsApprove.blocked).toMatch(/author of a post-mortem cannot approve it/);
    expect(await actions(reviewer)).toEqual(["return", "approve"]);
    expect(await actions(viewer)).toEqual([]);
    const own = await review(author, pm.id, { action: "approve" });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/author of a post-mortem cannot approve it/);
    const returnedToSelf = await review(author, pm.id, { action: "return", note: "Let me add the ticket count." });
    expect(returnedToSelf.status).toBe(403);
    expect(returnedToSelf.body.error.message).toMatch(/You are the author/);
    expect((await app.api.get(`/api/v1/postmortems/${pm.id}`)).body.postmortem.state).toBe("in_review");

    const approved = await review(reviewer, pm.id, { action: "approve" });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.postmortem).toMatchObject({ state: "approved", approvedBy: { name: "Kenji Tanaka" } });
    expect(approved.body.postmortem.approvedAt).not.toBeNull();
    const audit = await app.db.rows(
      `SELECT "action" FROM "AuditEvent" WHERE "entityType" = 'Postmortem' AND "entityId" = ? ORDER BY "at"`,
      pm.id,
    );
    expect(audit.map((r) => r.action)).toEqual(["postmortem.generated", "postmortem.submitted", "postmortem.approved"]);
  });

  it("lets a viewer do none of it, and refuses unknown actions and post-mortems", async () => {
    const pm = await inReview();
    for (const action of ["submit", "approve", "publish"]) {
      const refused = await review(viewer, pm.id, { action });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("forbidden");
    }
    const bad = await review(reviewer, pm.id, { action: "merge" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.action).toMatch(/must be one of submit, return, approve, publish, reopen/);
    expect((await review(reviewer, "nosuchpostmo", { action: "approve" })).status).toBe(404);
    expect((await app.api.raw("POST", `/api/v1/postmortems/${pm.id}/review`, "{oops")).status).toBe(400);
    expect((await app.api.get(`/api/v1/postmortems/${pm.id}`)).body.postmortem.state).toBe("in_review");
  });

  it("returns to the author with a note; refuses a return without one", async () => {
    const pm = await inReview();
    const silent = await review(reviewer, pm.id, { action: "return" });
    expect(silent.status).toBe(422);
    expect(silent.body.error.fields.note).toBe("say what the author should change");
    const returned = await review(reviewer, pm.id, { action: "return", note: "Add the support ticket count." });
    expect(returned.status).toBe(200);
    expect(returned.body.postmortem).toMatchObject({ state: "draft", submittedAt: null });
    expect((await changesOf(pm.id)).at(-1)).toMatchObject({ action: "returned", note: "Add the support ticket count." });
  });

  it("publishes, then reopens only with a reason, which the change log keeps", async () => {
    const pm = await inReview();
    expect((await review(reviewer, pm.id, { action: "publish" })).status).toBe(409);
    expect((await review(reviewer, pm.id, { action: "approve" })).status).toBe(200);
    const published = await review(author, pm.id, { action: "publish" });
    expect(published.status).toBe(200);
    expect(published.body.postmortem.state).toBe("published");
    expect(published.body.postmortem.publishedAt).not.toBeNull();

    const noReason = await review(reviewer, pm.id, { action: "reopen", note: "  " });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields.note).toBe("say why it is reopened");
    expect((await app.api.get(`/api/v1/postmortems/${pm.id}`)).body.postmortem.state).toBe("published");

    const reopened = await review(reviewer, pm.id, { action: "reopen", note: "The root cause went one level deeper." });
    expect(reopened.status).toBe(200);
    expect(reopened.body.postmortem).toMatchObject({ state: "draft", approvedBy: null, approvedAt: null, publishedAt: null });
    const changes = await changesOf(pm.id);
    expect(changes.map((c) => c.action)).toEqual(["submitted", "approved", "published", "reopened"]);
    expect(changes.at(-1)).toMatchObject({ fromState: "published", toState: "draft", note: "The root cause went one level deeper." });
    const log = (await viewer.get(`/api/v1/postmortems/${pm.id}/review`)).body.review.changes;
    expect(log[0]).toMatchObject({ action: "reopened", note: "The root cause went one level deeper.", actor: { name: "Kenji Tanaka" } });
    expect(reopened.body.postmortem.changes.at(-1)).toMatchObject({
      action: "reopened",
      note: "The root cause went one level deeper.",
      actor: { name: "Kenji Tanaka" },
    });
  });

  it("gives one of two simultaneous approvals a 200 and the other a 409", async () => {
    const pm = await inReview();
    const [a, b] = await Promise.all([review(reviewer, pm.id, { action: "approve" }), review(app.api, pm.id, { action: "approve" })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.body.error.message).toMatch(/already approved|this one is approved|moved this post-mortem a moment ago/);
    expect((await changesOf(pm.id)).filter((c) => c.action === "approved")).toHaveLength(1);
  });
});
