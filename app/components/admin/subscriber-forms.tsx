// The subscribers admin page's parts: the list with its states, removal behind a second
// click, and the CSV import with its row-by-row refusals.
import { Time } from "~/components/ui/time.tsx";
import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { FormError } from "~/components/admin/form-error.tsx";
import type { RowError } from "~/modules/subscribers/csv.ts";
import type { SubscriberView } from "~/modules/subscribers/view.ts";
import { outcomeErrors, type FormOutcome } from "~/utils/form-outcome.ts";

/** The CSV import's answer: how many were imported, or why nothing was (`rows`: each refused row). */
type ImportOutcome = FormOutcome<{ imported: number; created: number }, { rows?: RowError[] }>;
/** A Remove button's answer: the address removed. */
type RemoveOutcome = FormOutcome<{ email: string }>;
export type SubscriberOutcome = (ImportOutcome & { form: "import" }) | (RemoveOutcome & { form: "remove" });

/** What the import says when rows are not valid. */
export function rowsRefused(rows: RowError[]): string {
  return `Nothing was imported: ${rows.length} ${rows.length === 1 ? "row is" : "rows are"} not valid.`;
}

const SHOWN_ERRORS = 50;

export function subscriberState(s: Pick<SubscriberView, "confirmedAt" | "unsubscribedAt" | "bouncedAt">) {
  if (s.unsubscribedAt) return { label: "Unsubscribed", look: "bg-slate-200 text-slate-800" };
  if (s.bouncedAt) return { label: "Bounced", look: "bg-red-100 text-red-900" };
  if (s.confirmedAt) return { label: "Confirmed", look: "bg-emerald-100 text-emerald-900" };
  return { label: "Awaiting confirmation", look: "bg-amber-100 text-amber-950" };
}

export function When({ at }: { at: string | null; timeZone: string }) {
  if (!at) return <span className="text-slate-500">–</span>;
  return <Time at={at} format="d MMM yyyy HH:mm" />;
}

/** Removal asks once more, in the page itself: works without JavaScript. */
export function RemoveSubscriber({ subscriber }: { subscriber: SubscriberView }) {
  return (
    <details className="relative">
      <summary className="cursor-pointer text-sm text-red-800">Remove…</summary>
      <Form method="post" className="mt-1 space-y-1 rounded border border-red-300 bg-red-50 p-2 text-xs">
        <p>Delete {subscriber.email} and its consent record?</p>
        <input type="hidden" name="id" value={subscriber.id} />
        <input type="hidden" name="email" value={subscriber.email} />
        <Button type="submit" name="intent" value="remove" variant="danger" className="px-2 py-0.5 text-xs">
          Yes, remove
        </Button>
      </Form>
    </details>
  );
}

export function ImportForm({ outcome }: { outcome?: SubscriberOutcome }) {
  const result = outcome?.form === "import" ? outcome : undefined;
  return (
    <section aria-labelledby="import-heading" className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="import-heading" className="font-semibold">
        Import already-confirmed addresses
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        A CSV with a header line: <code>email,confirmed_at,components</code>. <code>confirmed_at</code> is when the person agreed (ISO-8601,
        such as 2025-03-01); <code>components</code> is optional, names or ids separated by <code>;</code> (none: every component). Up to
        10,000 rows and 2 MB. Nothing is imported if any row is wrong. No confirmation email is sent.
      </p>
      <Form method="post" encType="multipart/form-data" className="mt-3 flex flex-wrap items-end gap-2">
        <label className="text-sm font-medium text-slate-800">
          CSV file
          <input type="file" name="file" accept=".csv,text/csv" required className="mt-1 block text-sm" />
        </label>
        <Button type="submit" name="intent" value="import">
          Import
        </Button>
      </Form>
      {result?.ok ? (
        <p role="status" className="mt-3 rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Imported {result.imported} {result.imported === 1 ? "address" : "addresses"} ({result.created} new).
        </p>
      ) : null}
      {result && !result.ok ? (
        <div className="mt-3">
          <FormError message={outcomeErrors(result)._ ?? rowsRefused(result.rows ?? [])} />
          {result.rows?.length ? (
            <ul className="max-h-64 overflow-auto text-sm text-red-800" data-testid="import-errors">
              {result.rows.slice(0, SHOWN_ERRORS).map((e) => (
                <li key={`${e.line}:${e.reason}`}>
                  {e.line > 0 ? `Line ${e.line}: ` : ""}
                  {e.reason}
                </li>
              ))}
              {result.rows.length > SHOWN_ERRORS ? <li>… and {result.rows.length - SHOWN_ERRORS} more.</li> : null}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
