// The organisation's public page settings: its name, address, time zone, and how partial
// outages and degraded performance weigh in the uptime figures.
import { Button } from "~/components/ui/button.tsx";
import { SelectField, TextField } from "~/components/ui/field.tsx";
import { TimeZoneOptions } from "~/components/ui/time-zone-options.tsx";
import type { Settings } from "~/modules/status-page/settings.ts";
import { FormError } from "./form-error.tsx";
import { useFormOutcome } from "./use-form-outcome.ts";
import type { FormOutcome } from "~/utils/form-outcome.ts";

/** What the settings page's action answers. */
export type SettingsFormOutcome = FormOutcome<{ form: "settings" }, { form: "settings"; values: Record<string, string> }>;

const percent = (weight: number) => `${Math.round(weight * 100)}%`;

export function SettingsForm({ settings }: { settings: Settings }) {
  const { fetcher, outcome, errors, busy } = useFormOutcome<SettingsFormOutcome>("settings");
  const values: Record<string, string> = outcome && !outcome.ok ? outcome.values : {};
  const value = (field: keyof Settings) => values[field] ?? String(settings[field]);
  return (
    <section aria-labelledby="settings-heading" className="max-w-3xl rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="settings-heading" className="mb-1 text-lg font-semibold">
        Public status page
      </h2>
      <p className="mb-3 text-sm text-slate-600">Saving rebuilds the public page at once.</p>
      {outcome?.ok && fetcher.state === "idle" ? (
        <p role="status" className="mb-3 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          Settings saved; the public page has been rebuilt.
        </p>
      ) : null}
      {/* the key remounts the fields after a save, so they show what was stored (a trailing slash dropped) */}
      <fetcher.Form method="post" key={JSON.stringify(settings)}>
        <FormError message={errors._ && Object.keys(errors).length === 1 ? errors._ : undefined} />
        <TextField
          label="Page name"
          name="name"
          required
          maxLength={100}
          defaultValue={value("name")}
          error={errors.name}
          hint="Shown as the page's title, in notices and feeds."
          autoComplete="off"
        />
        <TextField
          label="Public URL"
          name="publicUrl"
          type="url"
          required
          maxLength={300}
          defaultValue={value("publicUrl")}
          error={errors.publicUrl}
          hint="Where customers reach the page, such as https://status.example.com. Links in emails and feeds use it."
        />
        <SelectField
          label="Time zone"
          name="timeZone"
          required
          defaultValue={value("timeZone")}
          error={errors.timeZone}
          hint="Times on the public page and in emails are shown in it, with UTC beside them, and the uptime days are counted in it."
        >
          <TimeZoneOptions current={value("timeZone")} />
        </SelectField>
        <fieldset className="mb-3 rounded border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-800">Uptime weighting</legend>
          <div className="mb-3 space-y-2 text-sm text-slate-700">
            <p>The uptime beside each component's 90-day bars counts minutes:</p>
            <p className="overflow-x-auto rounded border border-slate-200 bg-slate-50 px-3 py-2 text-center font-mono text-xs">
              uptime = 1 − (major outage + partial outage × weight + degraded performance × weight) ÷ observed minutes
            </p>
            <p>
              A minute of major outage always counts in full, and scheduled maintenance never counts. A weight says how much of a minute
              down a minute in that state is: 0 does not count it at all, 1 counts it as fully down. The public page explains the method
              with these figures:{" "}
              <a href="/status/uptime" target="_blank" rel="noreferrer" className="underline">
                How uptime is computed ↗
              </a>
            </p>
          </div>
          <div className="grid gap-x-4 sm:grid-cols-2">
            <TextField
              label="Partial outage weight"
              name="uptimePartialWeight"
              type="number"
              inputMode="decimal"
              required
              min={0}
              max={1}
              step="any"
              defaultValue={value("uptimePartialWeight")}
              error={errors.uptimePartialWeight}
              hint={`Between 0 and 1. Now: a minute of partial outage counts as ${percent(settings.uptimePartialWeight)} of a minute down.`}
            />
            <TextField
              label="Degraded performance weight"
              name="uptimeDegradedWeight"
              type="number"
              inputMode="decimal"
              required
              min={0}
              max={1}
              step="any"
              defaultValue={value("uptimeDegradedWeight")}
              error={errors.uptimeDegradedWeight}
              hint={`Between 0 and 1. Now: a minute of degraded performance counts as ${percent(settings.uptimeDegradedWeight)} of a minute down.`}
            />
          </div>
        </fieldset>
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save settings"}
        </Button>
      </fetcher.Form>
    </section>
  );
}
