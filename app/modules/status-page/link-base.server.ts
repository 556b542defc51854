// Where links that leave the app point (the Markdown export, the API's `markdown` fields,
// emails): the page URL in the organisation's settings while ALLOWED_HOSTS allows it, otherwise
// PUBLIC_URL. Never the Host a request named: anyone can send any Host, and a link built from it
// would carry a stranger's address into a file that is pasted, mailed and kept.
import { db } from "~/utils/db.server.ts";
import { env, publicUrl } from "~/utils/env.server.ts";
import { hostAllowed, parseAllowedHosts } from "./allowed-hosts.ts";

/** The base of outgoing links, without a trailing slash, from the stored page URL (if any). */
export function linkBaseFrom(storedUrl: string | null | undefined): string {
  // A stored URL outside ALLOWED_HOSTS (the list changed since) is never used.
  const stored = storedUrl && hostAllowed(storedUrl, parseAllowedHosts(env().ALLOWED_HOSTS)) ? storedUrl : null;
  return (stored ?? publicUrl()).replace(/\/+$/, "");
}

export async function linkBase(): Promise<string> {
  const org = await db.$transaction((tx) => tx.organization.findUnique({ where: { id: "org" }, select: { publicUrl: true } }));
  return linkBaseFrom(org?.publicUrl);
}
