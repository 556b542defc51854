// What a new password must be (NIST SP 800-63B, section 5.1.1.2): long enough, not absurdly
// long, not one of the passwords attackers try first, and not the account's own email or name.
// No composition rules (a digit, a symbol) and no forced expiry: they make passwords weaker.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordOwner = { email?: string | null; name?: string | null };

/** Why this password may not be used, in words for the field's error; null when it may. */
export function passwordProblem(password: string, owner: PasswordOwner, common: ReadonlySet<string>): string | null {
  const length = [...password.normalize("NFKC")].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const folded = password.normalize("NFKC").toLowerCase();
  if (common.has(folded)) return "is one of the most common passwords; choose another";
  const email = owner.email?.trim().toLowerCase();
  const localPart = email?.split("@")[0];
  const name = owner.name?.trim().toLowerCase().replace(/\s+/g, "");
  const bare = folded.replace(/\s+/g, "");
  if (email && (bare === email || (localPart && localPart.length >= 4 && bare === localPart))) return "must not be your email address";
  if (name && name.length >= 4 && bare === name) return "must not be your name";
  return null;
}
