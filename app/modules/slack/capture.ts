// A Slack message as a timeline entry's words (issue 16, item 3). Pure.

/** Slack's message text as plain words: its links, mentions and escapes undone. */
export function slackTextToPlain(text: string): string {
  return text
    .replace(/<([^<>|]+)\|([^<>]+)>/g, (_, target: string, label: string) =>
      /^[@#!]/.test(target) ? `${target[0] === "#" ? "#" : "@"}${label}` : `${label} (${target})`,
    )
    .replace(/<([@#])([A-Z0-9]+)>/g, "$1$2")
    .replace(/<!(here|channel|everyone)>/g, "@$1")
    .replace(/<([^<>]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

/** When a message was written: its ts is seconds since 1970, with microseconds after the dot. */
export function tsToDate(ts: string): Date | null {
  if (!/^\d{9,11}\.\d{1,6}$/.test(ts)) return null;
  return new Date(Math.round(Number(ts) * 1000));
}

/**
 * The entry's text: the message, then where it was said. A message by someone with no account
 * here names them in the text (the entry is then attributed to whoever captured it).
 */
export function capturedEntryText(
  message: { text: string; slackName?: string | null },
  permalink: string | null,
  maxChars: number,
): string {
  const words = slackTextToPlain(message.text) || "(a message with no text)";
  const said = message.slackName ? `${message.slackName} (in Slack): ${words}` : words;
  const link = permalink ? `\nFrom Slack: ${permalink}` : "";
  const room = maxChars - link.length;
  return `${said.length > room ? `${said.slice(0, room - 1)}…` : said}${link}`;
}
