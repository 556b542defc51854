// Changing one's own password: the current one first, then the new one twice.
import { Form } from "@remix-run/react";
import { FormError } from "~/components/admin/form-error.tsx";
import { Button } from "~/components/ui/button.tsx";
import { TextField } from "~/components/ui/field.tsx";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/modules/auth/password-rules.ts";
import { outcomeErrors } from "~/utils/form-outcome.ts";
import type { AccountOutcome } from "./account-outcome.ts";

/** `outcome`: the answer of this form, when it was this one that posted. */
export function ChangePasswordForm({ outcome, busy }: { outcome: AccountOutcome | undefined; busy: boolean }) {
  const errors = outcomeErrors(outcome);
  const done = outcome?.ok ? outcome.passwordChanged : undefined;
  return (
    <section aria-labelledby="change-password" className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="change-password" className="mb-1 text-lg font-semibold">
        Change password
      </h2>
      <p className="mb-3 text-sm text-slate-600">Your other sessions end when you change it; this one stays signed in.</p>
      {done ? (
        <p role="status" className="mb-3 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {`Password changed. ${done.sessionsEnded === 1 ? "1 other session was" : `${done.sessionsEnded} other sessions were`} ended.`}
        </p>
      ) : null}
      <Form method="post" className="max-w-sm">
        <input type="hidden" name="intent" value="change-password" />
        <FormError message={errors._} />
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword}
          required
        />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          error={errors.newPassword}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words work well. Common passwords and your name or email are refused.`}
          required
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
        />
        <TextField
          label="New password again"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          error={errors.confirmPassword}
          required
        />
        <Button type="submit" disabled={busy}>
          {busy ? "Changing…" : "Change password"}
        </Button>
      </Form>
    </section>
  );
}
