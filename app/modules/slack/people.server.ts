// Who a Slack user is here: the app user with the same email (users.info gives it), acting
// with that user's role now, exactly as on the pages. The email is cached for a few minutes
// (a command must answer within 3 s); the user and role are read fresh every time, so a
// disabled person or a changed role counts at once.
import { userActor, type Actor } from "~/modules/auth/actor.ts";
import { db } from "~/utils/db.server.ts";
import { callSlack } from "./web-api.server.ts";
import { singleton } from "~/utils/singleton.ts";

const EMAIL_TTL_MS = 5 * 60_000;
const MAX_CACHED = 5_000;

const emails = singleton("slackEmails", () => new Map<string, { email: string | null; until: number }>());

export type SlackPerson = { ok: true; actor: Actor } | { ok: false; refusal: string };

async function emailOf(slackUserId: string): Promise<string | null | "unavailable"> {
  const cached = emails.get(slackUserId);
  if (cached && cached.until > Date.now()) return cached.email;
  const answer = await callSlack("users.info", { user: slackUserId });
  if (!answer.ok && answer.kind !== "error") return "unavailable";
  const user = answer.ok ? (answer.body.user as { profile?: { email?: unknown } } | undefined) : undefined;
  const email = typeof user?.profile?.email === "string" ? user.profile.email.trim().toLowerCase() : null;
  if (emails.size >= MAX_CACHED) emails.clear();
  emails.set(slackUserId, { email, until: Date.now() + EMAIL_TTL_MS });
  return email;
}

export async function slackPerson(slackUserId: string): Promise<SlackPerson> {
  const email = await emailOf(slackUserId);
  if (email === "unavailable") return { ok: false, refusal: "Slack did not tell us who you are just now; try again in a moment." };
  if (!email) return { ok: false, refusal: "Your Slack profile shows no email address, so Incident Desk cannot tell who you are." };
  const user = await db.user.findFirst({ where: { email } });
  if (!user) return { ok: false, refusal: `Nobody with the email ${email} has an Incident Desk account; ask an admin to add you.` };
  if (user.disabledAt) return { ok: false, refusal: "Your Incident Desk account is disabled; nothing was changed." };
  return { ok: true, actor: userActor(user, { via: "slack" }) };
}
