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
};
