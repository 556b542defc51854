// The shipped list of common passwords (common-passwords.txt, see its NOTICE), read once,
// lowercased, into a Set. Read from the working directory like the migrations, so the built
// server, the scripts and the tests all find the same file.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fail } from "~/utils/http.server.ts";
import { passwordProblem, type PasswordOwner } from "./password-rules.ts";

const LIST = resolve("app/modules/auth/common-passwords.txt");

let common: Set<string> | undefined;

export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(LIST, "utf8")
      .split("\n")
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
  return common;
}

/** Throws the API's 422 naming `field` when this password may not be set for this person. */
export function assertPasswordAllowed(password: string, owner: PasswordOwner, field = "password"): void {
  const problem = passwordProblem(password, owner, commonPasswords());
  if (problem) fail("invalid", `The password ${problem}.`, { [field]: problem });
}
