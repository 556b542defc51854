// Refusing an update awaiting approval (decision 0046): "Refuse…" opens a small form asking why;
// the draft it returns shows its author who refused it and why.
import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Time } from "~/components/ui/time.tsx";
import { Button } from "~/components/ui/button.tsx";
import { TextAreaField } from "~/components/ui/field.tsx";
import { MAX_RETURN_REASON } from "~/modules/updates/schemas.ts";
import type { CommsFormOutcome } from "~/modules/updates/forms.ts";
import type { UpdateView } from "~/modules/updates/views.ts";
import { outcomeErrors } from "~/utils/form-outcome.ts";

export function RefuseUpdate({ update }: { update: UpdateView }) {
  const [open, setOpen] = useState(false);
  const fetcher = useFetcher<CommsFormOutcome>();
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) setOpen(false);
  }, [fetcher.state, fetcher.data]);
  if (!open) {
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Refuse…
      </Button>
    );
  }
  const errors = outcomeErrors(fetcher.data);
  return (
    <fetcher.Form method="post" className="mt-1 w-full rounded border border-amber-300 bg-amber-50 p-2" data-testid="refuse-form">
      <input type="hidden" name="updateId" value={update.id} />
      <TextAreaField
        label="Why is it refused? Its author is told."
        name="reason"
        rows={2}
        maxLength={MAX_RETURN_REASON}
        required
        autoFocus
        error={errors.reason ?? errors._ ?? Object.values(errors)[0]}
      />
      <div className="flex gap-2">
        <Button type="submit" name="intent" value="refuse" variant="danger" disabled={fetcher.state !== "idle"}>
          Refuse and return to author
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </fetcher.Form>
  );
}

/** On a draft that was refused: who refused it, when, and why. */
export function ReturnedNote({ returned }: { returned: NonNullable<UpdateView["returned"]> }) {
  return (
    <p className="mt-2 rounded border-l-4 border-amber-500 bg-amber-50 px-2 py-1 text-sm text-amber-950" data-testid="returned-note">
      <span className="font-semibold">Returned by {returned.by?.name ?? "a former user"}</span> (<Time at={returned.at} />
      ): {returned.reason}
    </p>
  );
}
