// The name of an incident's Slack channel: `inc-<number>-<slug of the title>`, within Slack's
// rules (lowercase letters, digits, hyphens and underscores; at most 80 characters), with
// `-2`, `-3`… when Slack says the name is taken. Pure.
export const MAX_CHANNEL_NAME = 80;

/** The title as Slack allows it in a name: ASCII lowercase, runs of anything else made one hyphen. */
export function slugOf(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "");
}

/** The channel name for an incident; `attempt` 1 is the plain name, 2 and on carry a suffix. */
export function channelName(number: number, title: string, attempt = 1): string {
  const prefix = `inc-${number}`;
  const suffix = attempt > 1 ? `-${attempt}` : "";
  const room = MAX_CHANNEL_NAME - prefix.length - suffix.length - 1;
  const slug = slugOf(title)
    .slice(0, Math.max(0, room))
    .replace(/[-_]+$/, "");
  return `${prefix}${slug ? `-${slug}` : ""}${suffix}`;
}

/** Whether Slack would take `name` as a channel name (the stand-in holds the same rule). */
export function isValidChannelName(name: string): boolean {
  return name.length >= 1 && name.length <= MAX_CHANNEL_NAME && /^[a-z0-9_-]+$/.test(name);
}
