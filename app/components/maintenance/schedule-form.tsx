// Scheduling a maintenance window: title, the window in the reader's zone (with UTC beside it for a
// reader elsewhere; the form names its zone in a hidden field, decision 0040), the components it
// touches, and an optional first message.
import { useRef, useState } from "react";
import { FormError } from "~/components/admin/form-error.tsx";
import { useFormOutcome, useOnSuccess } from "~/components/admin/use-form-outcome.ts";
import { Button } from "~/components/ui/button.tsx";
import { TextAreaField, TextField } from "~/components/ui/field.tsx";
import type { NewMaintenanceFormValues } from "~/modules/maintenance/forms.ts";
import { MAINTENANCE_MESSAGES } from "~/modules/maintenance/lifecycle.ts";
import { MAX_UPDATE_BODY } from "~/modules/updates/schemas.ts";
import { inUtc, inZone, instantFromZonedInput, zoneLabel } from "~/utils/time.ts";
import { isUtcZone } from "~/utils/time-zones.ts";
import type { FormOutcome } from "~/utils/form-outcome.ts";

/** What the maintenance page's action answers for one of its forms. */
export type MaintenanceFormOutcome = FormOutcome<
  { scheduled?: { title: string; status: string } },
  { values?: Partial<NewMaintenanceFormValues> }
>;

export type PickableComponent = { id: string; name: string };
export type ComponentBlock = { group: string | null; components: PickableComponent[] };

const INPUT_VALUE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** The instant an input's value names in `timeZone`, or now while it names none. */
function instantOf(value: string, timeZone: string): Date {
  return INPUT_VALUE.test(value) ? new Date(instantFromZonedInput(value, timeZone)) : new Date();
}

/** "= 5 Jan 18:00 UTC" under an input, for a reader whose clock is not UTC's then. */
function InUtc({ value, timeZone }: { value: string; timeZone: string }) {
  if (!INPUT_VALUE.test(value) || isUtcZone(timeZone)) return null;
  const at = instantOf(value, timeZone);
  if (inZone(at, timeZone) === inZone(at, "UTC")) return null;
  return <>= {inUtc(at)}</>;
}

export function ScheduleMaintenanceForm({
  blocks,
  timeZone,
  suggested,
}: {
  blocks: ComponentBlock[];
  timeZone: string;
  suggested: { scheduledFor: string; scheduledUntil: string };
}) {
  const { fetcher, outcome, errors, busy } = useFormOutcome<MaintenanceFormOutcome>("schedule");
  const formRef = useRef<HTMLFormElement>(null);
  const values = outcome && !outcome.ok ? (outcome.values ?? {}) : {};
  const [start, setStart] = useState(values.scheduledFor ?? suggested.scheduledFor);
  const [end, setEnd] = useState(values.scheduledUntil ?? suggested.scheduledUntil);
  useOnSuccess(fetcher, () => {
    formRef.current?.reset();
    setStart(suggested.scheduledFor);
    setEnd(suggested.scheduledUntil);
  });
  const chosen = new Set(values.components ?? []);
  const scheduled = outcome?.ok ? outcome.scheduled : undefined;
  return (
    <section aria-labelledby="schedule-heading" className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="schedule-heading" className="mb-1 text-lg font-semibold">
        Schedule maintenance
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        Announced on the public page at once. It starts and completes by itself at the times set; the components show “Under maintenance”
        while it runs.
      </p>
      {scheduled ? (
        <p role="status" className="mb-3 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          “{scheduled.title}” is {scheduled.status === "scheduled" ? "scheduled and announced" : "in progress"}.
        </p>
      ) : null}
      <fetcher.Form method="post" ref={formRef}>
        <input type="hidden" name="intent" value="schedule" />
        <input type="hidden" name="timeZone" value={timeZone} />
        <FormError message={errors._} />
        <TextField
          label="Title"
          name="title"
          required
          minLength={3}
          maxLength={200}
          defaultValue={values.title ?? ""}
          error={errors.title}
          placeholder="Database upgrade"
          autoComplete="off"
        />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField
            label={`Starts (${zoneLabel(timeZone, instantOf(start, timeZone))})`}
            name="scheduledFor"
            type="datetime-local"
            required
            value={start}
            onChange={(e) => setStart(e.target.value)}
            error={errors.scheduledFor}
            hint={<InUtc value={start} timeZone={timeZone} />}
          />
          <TextField
            label={`Ends (${zoneLabel(timeZone, instantOf(end, timeZone))})`}
            name="scheduledUntil"
            type="datetime-local"
            required
            value={end}
            onChange={(e) => setEnd(e.target.value)}
            error={errors.scheduledUntil}
            hint={<InUtc value={end} timeZone={timeZone} />}
          />
        </div>
        <fieldset className="mb-3" aria-describedby={errors.components ? "components-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">Components under maintenance</legend>
          <div className="mt-1 grid gap-x-6 gap-y-2 sm:grid-cols-2">
            {blocks.map((block) => (
              <div key={block.group ?? "ungrouped"}>
                <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{block.group ?? "Other"}</p>
                <ul>
                  {block.components.map((c) => (
                    <li key={c.id}>
                      <label className="flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-50">
                        <input type="checkbox" name="components" value={c.id} defaultChecked={chosen.has(c.id)} />
                        {c.name}
                      </label>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
          {errors.components ? (
            <p id="components-error" role="alert" className="mt-1 text-sm text-red-700">
              {errors.components}
            </p>
          ) : null}
        </fieldset>
        <TextAreaField
          label="Message (optional)"
          name="body"
          rows={3}
          maxLength={MAX_UPDATE_BODY}
          defaultValue={values.body ?? ""}
          error={errors.body}
          hint={`Left empty: “${MAINTENANCE_MESSAGES.scheduled}”`}
        />
        <label className="mb-3 flex items-center gap-2 text-sm">
          <input type="checkbox" name="notify" defaultChecked={values.notify ?? true} /> Notify subscribers of the announcement
        </label>
        <Button type="submit" disabled={busy}>
          {busy ? "Scheduling…" : "Schedule maintenance"}
        </Button>
      </fetcher.Form>
    </section>
  );
}
