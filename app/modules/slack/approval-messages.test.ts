import { describe, expect, it } from "vitest";
import { approvalRequestMessage, decidedMessage } from "./approval-messages.ts";

const update = {
  id: "u1",
  ref: "INC-7",
  status: "identified",
  body: "We found <it> & fixed it",
  author: "Ana",
  roomUrl: "https://desk.example/incidents/i1/comms",
};

describe("an approval in Slack", () => {
  it("asks with Approve and Reject buttons carrying the update's id, the words quoted and escaped", () => {
    const message = approvalRequestMessage(update);
    expect(message.text).toContain("INC-7: a status update (identified) by Ana awaits approval");
    expect(JSON.stringify(message.blocks)).toContain(">We found &lt;it&gt; &amp; fixed it");
    const actions = message.blocks[1] as { elements: { action_id: string; value: string }[] };
    expect(actions.elements.map((e) => [e.action_id, e.value])).toEqual([
      ["approve_update", "u1"],
      ["reject_update", "u1"],
    ]);
  });

  it("after the decision says who decided, with no buttons", () => {
    const published = decidedMessage(update, { kind: "published", by: "Ben" });
    expect(published.text).toContain("Approved and published by Ben");
    expect(JSON.stringify(published.blocks)).not.toContain("approve_update");
    expect(decidedMessage({ ...update, status: "postmortem" }, { kind: "returned", by: "Ben", reason: "too vague" }).text).toBe(
      "INC-7: a root-cause report by Ana. :leftwards_arrow_with_hook: Rejected by Ben, back to its author as a draft: too vague.",
    );
  });
});
