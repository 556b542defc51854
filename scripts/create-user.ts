// Creates a user from the command line, for an installation without demo data:
//   npm run user:create -- --email ops@example.com --name "Ops Lead" --role admin
// The password comes from $NEW_USER_PASSWORD, or a strong one is generated and printed once.
import { parseArgs } from "node:util";
import { z } from "zod";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "admin" } },
});
const password = process.env.NEW_USER_PASSWORD;

const { startup, shutdown } = await import("../app/startup.server.ts");
const { createUser, NewUserSchema } = await import("../app/modules/auth/users.server.ts");

const parsed = NewUserSchema.safeParse({ email: values.email, name: values.name, role: values.role, password });
if (!parsed.success) {
  console.error(`Cannot create the user: ${z.prettifyError(parsed.error)}`);
  console.error('usage: npm run user:create -- --email ops@example.com --name "Ops Lead" [--role admin|responder|comms|viewer]');
  process.exit(2);
}
await startup();
try {
  const { oneTimePassword } = await createUser(null, parsed.data);
  console.log(`Created ${parsed.data.role} ${parsed.data.email}.`);
  if (oneTimePassword) console.log(`Password (shown once): ${oneTimePassword}`);
} catch (error) {
  const body =
    error instanceof Response ? ((await error.json()) as { error: { message: string; fields: Record<string, string> } }).error : null;
  const fields = body
    ? Object.entries(body.fields)
        .map(([field, problem]) => ` (${field}: ${problem})`)
        .join("")
    : "";
  const message = body ? body.message + fields : String(error);
  console.error(`Cannot create the user: ${message}`);
  process.exitCode = 1;
} finally {
  await shutdown();
}
