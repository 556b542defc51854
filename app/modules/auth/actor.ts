import type { RoleName } from "./roles.ts";

/** Who is acting: a signed-in user, or an API token acting as the user who created it. */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  /** the role in force: the token's role for a token, else the user's */
  role: RoleName;
  /** the user's own time zone, for showing times */
  timeZone: string;
  tokenId: string | null;
  sessionId: string | null;
  /** how the person came in when not through the pages or the API: a Slack command (the audit row says so) */
  via?: "slack";
  /** the Slack user behind it (invited into the channel of an incident they declare) */
  slackUserId?: string;
};
