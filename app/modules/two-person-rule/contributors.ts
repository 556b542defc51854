// The two-person rule, pure: whoever approves an update, a root-cause report or a post-mortem
// must not have written any of its text. Its contributors are its author and everyone who
// edited it, by any way in (form, API, live editor). docs/decisions/0029-two-person-rule-contributors.md
export type Person = { id: string; name: string };

/** What is being approved, as the refusal names it. */
export type ApprovedText = "update" | "root-cause report" | "post-mortem";

const withArticle = (what: ApprovedText) => (what === "update" ? "an update" : `a ${what}`);

/** Why `approverId` may not approve this text, or null when they wrote none of it. */
export function contributorRefusal(
  what: ApprovedText,
  text: { authorId: string; contributorIds: readonly string[] },
  approverId: string,
): string | null {
  if (text.authorId === approverId)
    return `The author of ${withArticle(what)} cannot approve it; ask someone who did not write or edit it.`;
  if (text.contributorIds.includes(approverId)) return `You edited this ${what}'s text; someone who did not must approve it.`;
  return null;
}

/** The author first, then the editors in the order they first wrote. */
export function orderedContributors(authorId: string, contributors: readonly (Person & { since: Date })[]): Person[] {
  const ordered = [...contributors].sort(
    (a, b) => Number(b.id === authorId) - Number(a.id === authorId) || a.since.getTime() - b.since.getTime(),
  );
  return ordered.map(({ id, name }) => ({ id, name }));
}

function listInWords(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** "Written by Dana Whitfield, edited by Elena Marsh and Kenji Tanaka", as the approve button's neighbour says it. */
export function writtenBy(author: Person, contributors: readonly Person[]): string {
  const editors = contributors.filter((c) => c.id !== author.id).map((c) => c.name);
  return editors.length ? `Written by ${author.name}, edited by ${listInWords(editors)}` : `Written by ${author.name}`;
}
