import { describe, expect, it } from "vitest";
import { contributorRefusal, orderedContributors, writtenBy } from "./contributors.ts";

const dana = { id: "dana", name: "Dana Whitfield" };
const elena = { id: "elena", name: "Elena Marsh" };
const kenji = { id: "kenji", name: "Kenji Tanaka" };
const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 12, minute));

describe("who may approve", () => {
  const text = { authorId: "dana", contributorIds: ["dana", "elena"] };

  it("refuses the author and every editor, saying why", () => {
    expect(contributorRefusal("update", text, "dana")).toBe(
      "The author of an update cannot approve it; ask someone who did not write or edit it.",
    );
    expect(contributorRefusal("update", text, "elena")).toBe("You edited this update's text; someone who did not must approve it.");
    expect(contributorRefusal("post-mortem", text, "elena")).toBe(
      "You edited this post-mortem's text; someone who did not must approve it.",
    );
    expect(contributorRefusal("root-cause report", text, "dana")).toMatch(/^The author of a root-cause report cannot approve it/);
  });

  it("lets someone who wrote none of it approve", () => {
    expect(contributorRefusal("update", text, "kenji")).toBeNull();
  });

  it("refuses the author even when the contributor list does not name them", () => {
    expect(contributorRefusal("post-mortem", { authorId: "dana", contributorIds: [] }, "dana")).toMatch(
      /author of a post-mortem cannot approve it/,
    );
  });
});

describe("who wrote it, in words", () => {
  it("names the author first, then the editors in the order they first wrote", () => {
    const ordered = orderedContributors("dana", [
      { ...kenji, since: at(1) },
      { ...elena, since: at(5) },
      { ...dana, since: at(3) },
    ]);
    expect(ordered).toEqual([dana, kenji, elena]);
    expect(writtenBy(dana, ordered)).toBe("Written by Dana Whitfield, edited by Kenji Tanaka and Elena Marsh");
  });

  it("says only the author when nobody else wrote", () => {
    expect(writtenBy(dana, [dana])).toBe("Written by Dana Whitfield");
    expect(writtenBy(dana, [dana, elena])).toBe("Written by Dana Whitfield, edited by Elena Marsh");
  });
});
