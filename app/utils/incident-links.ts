// How an incident and one of its timeline entries are named and linked, everywhere: the room,
// search, post-mortems, the audit log, Slack.

/** "INC-42": the incident's reference people say and type. */
export function incidentRef(number: number): string {
  return `INC-${number}`;
}

/**
 * The link to one timeline entry, from search, post-mortems and the audit log: `?entry=` opens
 * the room's window of entries around it (an old entry is not among the newest the room loads),
 * `#entry-` scrolls to it and marks it.
 */
export function entryHref(incidentRef: string, seq: number): string {
  return `/incidents/${incidentRef}?entry=${seq}#entry-${seq}`;
}
