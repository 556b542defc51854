// The admin's forms for people: add a user, change someone's role, disable or enable them.
import { useEffect, useRef } from "react";
import { Button } from "~/components/ui/button.tsx";
import { SelectField, TextField } from "~/components/ui/field.tsx";
import { ROLE_LABELS, ROLES, type RoleName } from "~/modules/auth/roles.ts";
import { FormError } from "./form-error.tsx";
import { useFormOutcome, useOnSuccess } from "./use-form-outcome.ts";
import type { FormOutcome } from "~/utils/form-outcome.ts";

/** What the users page's action answers for one of its forms. */
export type UserFormOutcome = FormOutcome<
  { created?: { name: string; email: string }; changed?: { role: RoleName } },
  { values: { name?: string; email?: string; role?: string } }
>;

export function NewUserForm() {
  const { fetcher, outcome, errors, busy } = useFormOutcome<UserFormOutcome>("create");
  const formRef = useRef<HTMLFormElement>(null);
  useOnSuccess(fetcher, () => formRef.current?.reset());
  const values = outcome && !outcome.ok ? outcome.values : {};
  const created = outcome?.ok ? outcome.created : undefined;
  return (
    <section aria-labelledby="new-user" className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="new-user" className="mb-3 text-lg font-semibold">
        Add a user
      </h2>
      {created ? (
        <p role="status" className="mb-3 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {created.name} can now sign in as {created.email} with the password you chose. Share it with them privately.
        </p>
      ) : null}
      <fetcher.Form method="post" ref={formRef}>
        <input type="hidden" name="intent" value="create" />
        <FormError message={errors._} />
        <div className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_10rem_minmax(0,1fr)_auto]">
          <TextField
            label="Name"
            name="name"
            defaultValue={values.name ?? ""}
            error={errors.name}
            required
            maxLength={120}
            autoComplete="off"
          />
          <TextField
            label="Email"
            name="email"
            type="email"
            defaultValue={values.email ?? ""}
            error={errors.email}
            required
            maxLength={254}
            autoComplete="off"
          />
          <SelectField label="Role" name="role" defaultValue={values.role ?? "viewer"} error={errors.role}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Initial password"
            name="password"
            type="password"
            error={errors.password}
            hint="At least 12 characters."
            required
            minLength={12}
            maxLength={200}
            autoComplete="new-password"
          />
          <div className="mb-3 lg:pt-6">
            <Button type="submit" disabled={busy} className="w-full lg:w-auto">
              {busy ? "Adding…" : "Add user"}
            </Button>
          </div>
        </div>
      </fetcher.Form>
    </section>
  );
}

export function RoleChangeForm({ user, isYou }: { user: { id: string; name: string; role: RoleName }; isYou: boolean }) {
  const { fetcher, outcome, errors, busy } = useFormOutcome<UserFormOutcome>(`change-role:${user.id}`);
  const message = errors._ ?? errors.role;
  const changed = outcome?.ok ? outcome.changed : undefined;
  const selectRef = useRef<HTMLSelectElement>(null);
  // a refused change (the last admin) must not leave the other role showing as if it were in force
  useEffect(() => {
    if (outcome && !outcome.ok && selectRef.current) selectRef.current.value = user.role;
  }, [outcome, user.role]);
  return (
    <fetcher.Form method="post" className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="intent" value="change-role" />
      <input type="hidden" name="userId" value={user.id} />
      <select
        ref={selectRef}
        name="role"
        defaultValue={user.role}
        aria-label={`Role of ${user.name}`}
        className="rounded border border-slate-400 bg-white px-2 py-1 text-sm"
        aria-invalid={message ? true : undefined}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
      <Button
        type="submit"
        variant="secondary"
        disabled={busy}
        title={isYou ? "Changing your own role signs you out." : `Signs ${user.name} out everywhere.`}
      >
        {busy ? "Changing…" : "Change"}
      </Button>
      {message ? (
        <span role="alert" className="basis-full text-sm text-red-700">
          {message}
        </span>
      ) : changed && changed.role === user.role ? (
        <span role="status" className="basis-full text-sm text-green-800">
          Now {ROLE_LABELS[changed.role]}
          {isYou ? "." : `; signed out everywhere.`}
        </span>
      ) : null}
    </fetcher.Form>
  );
}

/**
 * Disabling asks once more, in the page itself (works without JavaScript); enabling does not:
 * it only lets the person sign in again.
 */
export function UserAccessForm({ user }: { user: { id: string; name: string; disabled: boolean } }) {
  const intent = user.disabled ? "enable" : "disable";
  const { fetcher, errors, busy } = useFormOutcome<UserFormOutcome>(`${intent}:${user.id}`);
  const message = errors._ ?? errors.disabled;
  const problem = message ? (
    <span role="alert" className="block whitespace-normal text-sm text-red-700">
      {message}
    </span>
  ) : null;
  if (user.disabled) {
    return (
      <fetcher.Form method="post" className="space-y-1">
        <input type="hidden" name="userId" value={user.id} />
        <Button
          type="submit"
          variant="secondary"
          name="intent"
          value="enable"
          disabled={busy}
          className="px-2 py-0.5 text-xs"
          aria-label={`Enable ${user.name}`}
        >
          {busy ? "Enabling…" : "Enable"}
        </Button>
        {problem}
      </fetcher.Form>
    );
  }
  return (
    <details className="relative">
      <summary className="cursor-pointer text-sm text-red-800">Disable…</summary>
      <fetcher.Form method="post" className="mt-1 max-w-xs space-y-1 whitespace-normal rounded border border-red-300 bg-red-50 p-2 text-xs">
        <p>
          Disable {user.name}? They are signed out everywhere, their open rooms and editors close, and their API tokens stop working until
          you enable them again.
        </p>
        <input type="hidden" name="userId" value={user.id} />
        <Button type="submit" name="intent" value="disable" variant="danger" disabled={busy} className="px-2 py-0.5 text-xs">
          {busy ? "Disabling…" : `Yes, disable ${user.name}`}
        </Button>
        {problem}
      </fetcher.Form>
    </details>
  );
}
