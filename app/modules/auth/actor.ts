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

/** The user row an actor is made from. */
export type ActorUser = { id: string; name: string; email: string; role: string; timeZone: string };

/**
 * The one way to make an actor of a user: by session, by token (with the role it acts with), through
 * Slack, or as the demo loader writes. `role` defaults to the user's own.
 */
export function userActor(user: ActorUser, how: { role?: RoleName; tokenId?: string; sessionId?: string; via?: "slack" } = {}): Actor {
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: how.role ?? (user.role as RoleName),
    timeZone: user.timeZone,
    tokenId: how.tokenId ?? null,
    sessionId: how.sessionId ?? null,
    ...(how.via ? { via: how.via } : {}),
  };
}
