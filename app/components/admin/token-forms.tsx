// The admin's forms for API tokens: create one (and see it, once), revoke one.
import { useEffect, useRef, useState } from "react";
import { Button } from "~/components/ui/button.tsx";
import { SelectField, TextField } from "~/components/ui/field.tsx";
import { ROLE_LABELS, ROLES } from "~/modules/auth/roles.ts";
import { FormError } from "./form-error.tsx";
import { useFormOutcome, useOnSuccess } from "./use-form-outcome.ts";
import type { FormOutcome } from "~/utils/form-outcome.ts";

/** What the tokens page's action answers for one of its forms. */
export type TokenFormOutcome = FormOutcome<
  { created?: { name: string; role: string; token: string } },
  { values: { name?: string; role?: string } }
>;

export function NewTokenForm() {
  const { fetcher, outcome, errors, busy } = useFormOutcome<TokenFormOutcome>("create");
  const formRef = useRef<HTMLFormElement>(null);
  useOnSuccess(fetcher, () => formRef.current?.reset());
  const values = outcome && !outcome.ok ? outcome.values : {};
  const created = outcome?.ok ? outcome.created : undefined;
  return (
    <section aria-labelledby="new-token" className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="new-token" className="mb-1 text-lg font-semibold">
        Create a token
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        A token acts as you, with the role you give it, for scripts and integrations using the API.
      </p>
      <fetcher.Form method="post" ref={formRef}>
        <input type="hidden" name="intent" value="create" />
        <FormError message={errors._} />
        <div className="grid gap-x-4 sm:grid-cols-[minmax(0,1fr)_12rem_auto]">
          <TextField
            label="Name"
            name="name"
            defaultValue={values.name ?? ""}
            error={errors.name}
            hint="What uses it, such as “Deploy pipeline”."
            required
            maxLength={100}
            autoComplete="off"
          />
          <SelectField label="Role" name="role" defaultValue={values.role ?? "viewer"} error={errors.role}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </SelectField>
          <div className="mb-3 sm:pt-6">
            <Button type="submit" disabled={busy} className="w-full sm:w-auto">
              {busy ? "Creating…" : "Create token"}
            </Button>
          </div>
        </div>
      </fetcher.Form>
      {created ? <NewTokenSecret {...created} /> : null}
    </section>
  );
}

function NewTokenSecret({ name, role, token }: { name: string; role: string; token: string }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setHydrated(true), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
    } catch {
      // without a secure context the clipboard API is missing; the selection still works
      inputRef.current?.select();
      document.execCommand("copy");
    }
    setCopied(true);
  }

  return (
    <div role="status" className="mt-2 rounded-lg border-2 border-amber-400 bg-amber-50 p-4">
      <p className="font-semibold text-amber-950">
        Token “{name}” created with the {ROLE_LABELS[role as keyof typeof ROLE_LABELS] ?? role} role.
      </p>
      <p className="mt-1 text-sm text-amber-950">Copy it now. It will not be shown again: only a fingerprint of it is stored.</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <input
          ref={inputRef}
          readOnly
          value={token}
          aria-label="The new API token"
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-amber-400 bg-white px-2 py-1.5 font-mono text-sm text-slate-900"
        />
        {hydrated ? (
          <Button type="button" onClick={copy}>
            {copied ? "Copied" : "Copy"}
          </Button>
        ) : null}
      </div>
      <p className="mt-2 text-xs text-amber-950">
        Send it as <code className="rounded bg-white px-1 font-mono">Authorization: Bearer {"<token>"}</code>.
      </p>
    </div>
  );
}

export function RevokeTokenForm({ token }: { token: { id: string; name: string } }) {
  const { fetcher, errors, busy } = useFormOutcome<TokenFormOutcome>(`revoke:${token.id}`);
  return (
    <fetcher.Form method="post" className="flex flex-wrap items-center justify-end gap-2">
      <input type="hidden" name="intent" value="revoke" />
      <input type="hidden" name="tokenId" value={token.id} />
      <Button type="submit" variant="danger" disabled={busy} aria-label={`Revoke ${token.name}`}>
        {busy ? "Revoking…" : "Revoke"}
      </Button>
      {(errors._ ?? errors.tokenId) ? (
        <span role="alert" className="basis-full text-right text-sm text-red-700">
          {errors._ ?? errors.tokenId}
        </span>
      ) : null}
    </fetcher.Form>
  );
}
