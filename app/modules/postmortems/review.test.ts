import { describe, expect, it } from "vitest";
import { availableReviewActions, ReviewRequestSchema, reviewMove, type Reviewer, type ReviewSubject } from "./review.ts";

const author: Reviewer = { userId: "dana", role: "responder" };
const reviewer: Reviewer = { userId: "kenji", role: "responder" };
const admin: Reviewer = { userId: "priya", role: "admin" };
const viewer: Reviewer = { userId: "alex", role: "viewer" };
const comms: Reviewer = { userId: "elena", role: "comms" };

/** Dana's post-mortem, edited by Sofia */
const pm = (state: ReviewSubject["state"]): ReviewSubject => ({ state, authorId: "dana", contributorIds: ["dana", "sofia"] });
const editor: Reviewer = { userId: "sofia", role: "responder" };
const clean = { lintErrors: 0 };

describe("review moves", () => {
  it("submit: a draft goes to review; refused while lint has errors, from another state, or for a role without write", () => {
    expect(reviewMove(pm("draft"), author, "submit", clean)).toEqual({ ok: true, to: "in_review", recorded: "submitted" });
    const blocked = reviewMove(pm("draft"), author, "submit", { lintErrors: 2 });
    expect(blocked).toMatchObject({ ok: false, code: "conflict" });
    expect(!blocked.ok && blocked.message).toMatch(/cannot be submitted yet: 2 problems must be fixed first/);
    expect(reviewMove(pm("in_review"), author, "submit", clean)).toMatchObject({
      ok: false,
      code: "conflict",
      message: expect.stringMatching(/this one is in review/),
    });
    expect(reviewMove(pm("draft"), comms, "submit", clean)).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("return: back to draft with a note, by a reviewer", () => {
    expect(reviewMove(pm("in_review"), reviewer, "return", { ...clean, note: "Add the support ticket count." })).toEqual({
      ok: true,
      to: "draft",
      recorded: "returned",
    });
    expect(reviewMove(pm("in_review"), reviewer, "return", clean)).toMatchObject({ ok: false, code: "invalid" });
    expect(reviewMove(pm("draft"), reviewer, "return", { ...clean, note: "x" })).toMatchObject({ ok: false, code: "conflict" });
    expect(reviewMove(pm("in_review"), viewer, "return", { ...clean, note: "x" })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("return: refused to the author, who would be returning it to themselves", () => {
    expect(reviewMove(pm("in_review"), author, "return", { ...clean, note: "Never mind." })).toMatchObject({
      ok: false,
      code: "forbidden",
      message: expect.stringMatching(/You are the author/),
    });
    expect(reviewMove(pm("in_review"), { userId: "dana", role: "admin" }, "return", { ...clean, note: "x" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });

  it("approve: by a second person only, and not while lint has errors", () => {
    expect(reviewMove(pm("in_review"), reviewer, "approve", clean)).toEqual({ ok: true, to: "approved", recorded: "approved" });
    expect(reviewMove(pm("in_review"), admin, "approve", clean).ok).toBe(true);
    expect(reviewMove(pm("in_review"), author, "approve", clean)).toMatchObject({
      ok: false,
      code: "forbidden",
      message: expect.stringMatching(/author .* cannot approve/),
    });
    expect(reviewMove(pm("in_review"), editor, "approve", clean)).toEqual({
      ok: false,
      code: "forbidden",
      message: "You edited this post-mortem's text; someone who did not must approve it.",
    });
    // Who wrote it matters only to approving: an editor may still return it or publish it once approved.
    expect(reviewMove(pm("in_review"), editor, "return", { ...clean, note: "More numbers." }).ok).toBe(true);
    expect(reviewMove(pm("approved"), editor, "publish", clean).ok).toBe(true);
    expect(reviewMove(pm("in_review"), reviewer, "approve", { lintErrors: 1 })).toMatchObject({
      ok: false,
      code: "conflict",
      message: expect.stringMatching(/1 problem must be fixed/),
    });
    expect(reviewMove(pm("approved"), reviewer, "approve", clean)).toMatchObject({
      ok: false,
      code: "conflict",
      message: expect.stringMatching(/this one is approved/),
    });
    expect(reviewMove(pm("in_review"), viewer, "approve", clean)).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("publish: approved to published; the author may publish once someone else approved", () => {
    expect(reviewMove(pm("approved"), author, "publish", clean)).toEqual({ ok: true, to: "published", recorded: "published" });
    expect(reviewMove(pm("in_review"), reviewer, "publish", clean)).toMatchObject({ ok: false, code: "conflict" });
    expect(reviewMove(pm("approved"), comms, "publish", clean)).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("reopen: published back to draft, only with a reason", () => {
    expect(reviewMove(pm("published"), reviewer, "reopen", { ...clean, note: "The root cause was deeper." })).toEqual({
      ok: true,
      to: "draft",
      recorded: "reopened",
    });
    expect(reviewMove(pm("published"), reviewer, "reopen", { ...clean, note: "   " })).toMatchObject({
      ok: false,
      code: "invalid",
      message: "Say why the post-mortem is reopened.",
    });
    expect(reviewMove(pm("approved"), reviewer, "reopen", { ...clean, note: "x" })).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("buttons", () => {
  const actions = (subject: ReviewSubject, who: Reviewer, lintErrors = 0) =>
    availableReviewActions(subject, who, lintErrors).map((a) => [a.action, a.blocked ? "blocked" : "ok"]);

  it("offers the author submit on a draft, and says why when lint blocks it", () => {
    expect(actions(pm("draft"), author)).toEqual([["submit", "ok"]]);
    expect(actions(pm("draft"), author, 3)).toEqual([["submit", "blocked"]]);
  });

  it("offers a reviewer return and approve, the author approve blocked with the reason and no return, editors both, a viewer nothing", () => {
    expect(actions(pm("in_review"), reviewer)).toEqual([
      ["return", "ok"],
      ["approve", "ok"],
    ]);
    expect(actions(pm("in_review"), author)).toEqual([["approve", "blocked"]]);
    expect(actions(pm("in_review"), editor)).toEqual([
      ["return", "ok"],
      ["approve", "blocked"],
    ]);
    const editorsApprove = availableReviewActions(pm("in_review"), editor, 0).find((a) => a.action === "approve");
    expect(editorsApprove?.blocked).toBe("You edited this post-mortem's text; someone who did not must approve it.");
    expect(actions(pm("in_review"), viewer)).toEqual([]);
    expect(actions(pm("in_review"), comms)).toEqual([]);
  });

  it("offers publish when approved and reopen when published, with the note asked for", () => {
    expect(actions(pm("approved"), reviewer)).toEqual([["publish", "ok"]]);
    expect(availableReviewActions(pm("published"), reviewer, 0)).toEqual([
      { action: "reopen", label: "Reopen", needsNote: true, blocked: null },
    ]);
  });
});

describe("review request", () => {
  it("needs a known action, and a note to return or reopen", () => {
    expect(ReviewRequestSchema.safeParse({ action: "approve" }).success).toBe(true);
    expect(ReviewRequestSchema.safeParse({ action: "merge" }).error?.issues[0]).toMatchObject({
      path: ["action"],
      message: expect.stringMatching(/must be one of submit/),
    });
    expect(ReviewRequestSchema.safeParse({ action: "reopen", note: "  " }).error?.issues[0]).toMatchObject({
      path: ["note"],
      message: "say why it is reopened",
    });
    expect(ReviewRequestSchema.safeParse({ action: "return" }).error?.issues[0]).toMatchObject({ path: ["note"] });
    expect(ReviewRequestSchema.safeParse({ action: "approve", extra: 1 }).success).toBe(false);
  });
});
