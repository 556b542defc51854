// The documented demo logins (the first seeded user of each role), offered on the sign-in
// page only while such a user still exists with that role, so a real install shows none.
import { db } from "~/utils/db.server.ts";
import { DEMO_PASSWORD, users as demoUsers } from "../../../prisma/seed-data.ts";
import { ROLES, type RoleName } from "./roles.ts";

export type DemoLogin = { email: string; role: RoleName };

export async function listDemoLogins(): Promise<{ password: string; logins: DemoLogin[] }> {
  const firsts = ROLES.flatMap((role) => demoUsers.find((u) => u.role === role) ?? []);
  const present = await db.user.findMany({
    where: { email: { in: firsts.map((u) => u.email) }, disabledAt: null },
    select: { email: true, role: true },
  });
  const logins = firsts.filter((u) => present.some((p) => p.email === u.email && p.role === u.role)).map((u) => ({ email: u.email, role: u.role }));
  return { password: DEMO_PASSWORD, logins };
}
