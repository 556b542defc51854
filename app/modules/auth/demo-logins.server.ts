// The documented demo logins (the first seeded user of each role), offered on the sign-in
// page only while such a user still exists with that role and still has the demo password, so
// a real install, or a demo whose passwords were changed, shows none (and not the password).
import { db } from "~/utils/db.server.ts";
import { DEMO_PASSWORD, users as demoUsers } from "~/modules/demo/story.ts";
import { verifyPassword } from "./password.server.ts";
import { ROLES, type RoleName } from "./roles.ts";

export type DemoLogin = { email: string; role: RoleName };

/** Whether a stored hash is the demo password's, remembered per hash (each is salted, so a new password is a new key). */
const demoPasswordHashes = new Map<string, Promise<boolean>>();
const REMEMBERED_HASHES = 64;

function isDemoPassword(passwordHash: string): Promise<boolean> {
  let known = demoPasswordHashes.get(passwordHash);
  if (!known) {
    if (demoPasswordHashes.size >= REMEMBERED_HASHES) demoPasswordHashes.clear();
    known = verifyPassword(DEMO_PASSWORD, passwordHash).catch(() => false);
    demoPasswordHashes.set(passwordHash, known);
  }
  return known;
}

export async function listDemoLogins(): Promise<{ password: string; logins: DemoLogin[] }> {
  const firsts = ROLES.flatMap((role) => demoUsers.find((u) => u.role === role) ?? []);
  const present = await db.user.findMany({
    where: { email: { in: firsts.map((u) => u.email) }, disabledAt: null },
    select: { email: true, role: true, passwordHash: true },
  });
  const stillDemo = await Promise.all(present.map(async (p) => ((await isDemoPassword(p.passwordHash)) ? p : null)));
  const logins = firsts
    .filter((u) => stillDemo.some((p) => p?.email === u.email && p.role === u.role))
    .map((u) => ({ email: u.email, role: u.role }));
  return { password: logins.length ? DEMO_PASSWORD : "", logins };
}
