// An admin sets someone's time zone on Admin → Users (someone who never signed in to choose it).
import { Button } from "~/components/ui/button.tsx";
import { TimeZoneOptions } from "~/components/ui/time-zone-options.tsx";
import type { UserFormOutcome } from "./user-forms.tsx";
import { useFormOutcome } from "./use-form-outcome.ts";

export function UserTimeZoneForm({ user }: { user: { id: string; name: string; timeZone: string } }) {
  const { fetcher, outcome, errors, busy } = useFormOutcome<UserFormOutcome>(`time-zone:${user.id}`);
  const message = errors._ ?? errors.timeZone;
  return (
    <fetcher.Form method="post" className="flex flex-wrap items-center gap-2" key={user.timeZone}>
      <input type="hidden" name="intent" value="time-zone" />
      <input type="hidden" name="userId" value={user.id} />
      <select
        name="timeZone"
        defaultValue={user.timeZone}
        aria-label={`Time zone of ${user.name}`}
        className="max-w-48 rounded border border-slate-400 bg-white px-2 py-1 text-sm"
        aria-invalid={message ? true : undefined}
      >
        <TimeZoneOptions current={user.timeZone} />
      </select>
      <Button type="submit" variant="secondary" disabled={busy}>
        {busy ? "Setting…" : "Set"}
      </Button>
      {message ? (
        <span role="alert" className="basis-full text-sm text-red-700">
          {message}
        </span>
      ) : outcome?.ok ? (
        <span role="status" className="basis-full text-sm text-green-800">
          Saved.
        </span>
      ) : null}
    </fetcher.Form>
  );
}
