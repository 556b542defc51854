// Whether an incident's commander may publish its updates with a role that otherwise may not
// (decision 0041). The two-person rule still holds: a SEV1 update needs a second person's approval.
import { Button } from "~/components/ui/button.tsx";
import { FormError } from "./form-error.tsx";
import { useFormOutcome } from "./use-form-outcome.ts";
import type { FormOutcome } from "~/utils/form-outcome.ts";

export type CommanderPublishFormOutcome = FormOutcome<{ form: "commander-publish" }, { form: "commander-publish" }>;

export function CommanderPublishForm({ allowed }: { allowed: boolean }) {
  const { fetcher, outcome, errors, busy } = useFormOutcome<CommanderPublishFormOutcome>("commander-publish");
  return (
    <section aria-labelledby="commander-publish-heading" className="mt-6 max-w-3xl rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="commander-publish-heading" className="mb-1 text-lg font-semibold">
        Publishing by the commander
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        Publishing is for admin and comms. When this is on, an incident&apos;s commander may also publish that incident&apos;s updates,
        whatever their role; a SEV1 update still needs a second person&apos;s approval first.
      </p>
      {outcome?.ok && fetcher.state === "idle" ? (
        <p role="status" className="mb-3 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          Saved.
        </p>
      ) : null}
      <fetcher.Form method="post" key={String(allowed)}>
        <input type="hidden" name="intent" value="commander-publish" />
        <input type="hidden" name="commanderMayPublish" value="off" />
        <FormError message={errors._ ?? errors.commanderMayPublish} />
        <label className="mb-3 flex items-center gap-2 text-sm">
          <input type="checkbox" name="commanderMayPublish" value="on" defaultChecked={allowed} />
          The incident&apos;s commander may publish its updates
        </label>
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save"}
        </Button>
      </fetcher.Form>
    </section>
  );
}
