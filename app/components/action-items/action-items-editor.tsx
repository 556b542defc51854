// A post-mortem's action items, editable in place: owner, due date, state, priority and
// tracker link per item, and a form to add one. The forms post to /postmortems/:id/action-items
// (routes/postmortems.$id_.action-items.tsx), which answers a fetcher with the outcome, and a
// post without JavaScript with a redirect back to this page (or, when the input was not
// valid, with its own page showing why). Embed it in a page whose loader returns
// postmortemActionItems(postmortemId).
import { useEffect, useRef, useState } from "react";
import { useActionData, useFetcher, useLocation } from "@remix-run/react";
import { FormError } from "~/components/admin/form-error.tsx";
import { Button } from "~/components/ui/button.tsx";
import type { ActionItemView } from "~/modules/action-items/view.ts";
import { ACTION_ITEM_KIND_LABELS, ACTION_ITEM_PRIORITY_LABELS, dueDateInputValue } from "~/modules/action-items/rules.ts";
import { MAX_TITLE_LENGTH } from "~/modules/action-items/schemas.ts";
import { ACTION_ITEM_KINDS, ACTION_ITEM_PRIORITIES, ACTION_ITEM_STATE_LABELS, ACTION_ITEM_STATES } from "~/modules/postmortems/sections.ts";
import type { FormOutcome } from "~/utils/form-outcome.ts";

export type ActionItemsEditorOutcome = FormOutcome;

type Person = { id: string; name: string };
/** The view as it arrives from a loader (the same fields; dates as strings either way). */
type Item = Pick<ActionItemView, "id" | "title" | "kind" | "priority" | "state" | "dueAt" | "trackerUrl" | "overdue"> & {
  owner: Person | null;
};

const CONTROL = "mt-0.5 block w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-600";

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** Hidden fields every form carries: where to go back without JavaScript, and that a fetcher sent it. */
function FormContext({ intent, returnTo }: { intent: string; returnTo: string }) {
  const hydrated = useHydrated();
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {hydrated ? <input type="hidden" name="enhanced" value="1" /> : null}
    </>
  );
}

/** The outcome of one form: the fetcher's, or, after a post without JavaScript, the page's action data if it was this form's. */
function useEditorForm(form: string) {
  const fetcher = useFetcher<ActionItemsEditorOutcome>();
  const posted = useActionData<ActionItemsEditorOutcome>() as ActionItemsEditorOutcome | undefined;
  const outcome = fetcher.data ?? (posted?.form === form ? posted : undefined);
  return { fetcher, outcome, errors: outcome && !outcome.ok ? outcome.errors : ({} as Record<string, string>) };
}

function Field({
  label,
  error,
  children,
}: {
  label: string;
  error?: string;
  children: (props: { "aria-invalid"?: true; className: string }) => React.ReactNode;
}) {
  return (
    <label className="block text-xs font-medium text-slate-700">
      {label}
      {children({ "aria-invalid": error ? true : undefined, className: CONTROL })}
      {error ? (
        <span role="alert" className="mt-0.5 block text-xs font-normal text-red-700">
          {error}
        </span>
      ) : null}
    </label>
  );
}

/** One option per value, shown by its label. */
function LabelledOptions<T extends string>({ values, labels }: { values: readonly T[]; labels: Record<T, string> }) {
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {labels[value]}
        </option>
      ))}
    </>
  );
}

function OwnerOptions({ people }: { people: Person[] }) {
  return (
    <>
      <option value="">No owner</option>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </>
  );
}

function ItemRow({
  item,
  people,
  action,
  returnTo,
  canEdit,
}: {
  item: Item;
  people: Person[];
  action: string;
  returnTo: string;
  canEdit: boolean;
}) {
  const { fetcher, errors } = useEditorForm(`update-${item.id}`);
  const saved = fetcher.state === "idle" && fetcher.data?.ok;
  // A fresh key after every save resets the fields to what the server now holds.
  const version = [item.title, item.state, item.priority, item.owner?.id, item.dueAt, item.trackerUrl].join("|");
  return (
    <li
      data-testid="action-item-editor-row"
      className={`rounded border p-3 ${item.overdue ? "border-red-300 bg-red-50" : "border-slate-300 bg-white"}`}
    >
      <fetcher.Form method="post" action={action} key={version} aria-label={`Action item: ${item.title}`}>
        <FormContext intent="update" returnTo={returnTo} />
        <input type="hidden" name="id" value={item.id} />
        <FormError message={errors._} />
        <div className="grid gap-2 sm:grid-cols-6">
          <div className="sm:col-span-3">
            <Field label="Title" error={errors.title}>
              {(p) => <input name="title" defaultValue={item.title} required maxLength={MAX_TITLE_LENGTH} disabled={!canEdit} {...p} />}
            </Field>
          </div>
          <Field label="Owner" error={errors.ownerId}>
            {(p) => (
              <select name="ownerId" defaultValue={item.owner?.id ?? ""} disabled={!canEdit} {...p}>
                <OwnerOptions people={people} />
              </select>
            )}
          </Field>
          <Field label={item.overdue ? "Due (overdue)" : "Due"} error={errors.dueAt}>
            {(p) => <input type="date" name="dueAt" defaultValue={dueDateInputValue(item.dueAt)} disabled={!canEdit} {...p} />}
          </Field>
          <Field label="State" error={errors.state}>
            {(p) => (
              <select name="state" defaultValue={item.state} disabled={!canEdit} {...p}>
                <LabelledOptions values={ACTION_ITEM_STATES} labels={ACTION_ITEM_STATE_LABELS} />
              </select>
            )}
          </Field>
          <Field label="Priority" error={errors.priority}>
            {(p) => (
              <select name="priority" defaultValue={item.priority} disabled={!canEdit} {...p}>
                <LabelledOptions values={ACTION_ITEM_PRIORITIES} labels={ACTION_ITEM_PRIORITY_LABELS} />
              </select>
            )}
          </Field>
          <div className="sm:col-span-3">
            <Field label="Tracker link" error={errors.trackerUrl}>
              {(p) => (
                <input
                  type="url"
                  name="trackerUrl"
                  defaultValue={item.trackerUrl ?? ""}
                  placeholder="https://"
                  disabled={!canEdit}
                  {...p}
                />
              )}
            </Field>
          </div>
          <div className="flex flex-wrap items-end gap-x-2">
            <span className="pb-1.5 text-xs text-slate-600">{ACTION_ITEM_KIND_LABELS[item.kind]}</span>
            {item.trackerUrl ? (
              <a href={item.trackerUrl} rel="noreferrer noopener" target="_blank" className="pb-1.5 text-xs">
                Open in tracker
              </a>
            ) : null}
          </div>
          {canEdit ? (
            <div className="flex items-end gap-2">
              <Button type="submit" variant="secondary" disabled={fetcher.state !== "idle"}>
                Save
              </Button>
              {saved ? (
                <span role="status" className="pb-1.5 text-xs text-green-800">
                  Saved
                </span>
              ) : null}
            </div>
          ) : null}
        </div>
      </fetcher.Form>
    </li>
  );
}

function AddForm({ people, action, returnTo }: { people: Person[]; action: string; returnTo: string }) {
  const { fetcher, errors } = useEditorForm("create");
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) formRef.current?.reset();
  }, [fetcher.state, fetcher.data]);
  return (
    <fetcher.Form
      method="post"
      action={action}
      ref={formRef}
      aria-label="Add an action item"
      className="rounded border border-dashed border-slate-400 bg-slate-50 p-3"
    >
      <FormContext intent="create" returnTo={returnTo} />
      <h3 className="mb-2 text-sm font-semibold">Add an action item</h3>
      <FormError message={errors._} />
      <div className="grid gap-2 sm:grid-cols-6">
        <div className="sm:col-span-3">
          <Field label="Title" error={errors.title}>
            {(p) => <input name="title" required maxLength={MAX_TITLE_LENGTH} placeholder="Bound the router's fan-out" {...p} />}
          </Field>
        </div>
        <Field label="Kind" error={errors.kind}>
          {(p) => (
            <select name="kind" defaultValue="prevent" {...p}>
              <LabelledOptions values={ACTION_ITEM_KINDS} labels={ACTION_ITEM_KIND_LABELS} />
            </select>
          )}
        </Field>
        <Field label="Priority" error={errors.priority}>
          {(p) => (
            <select name="priority" defaultValue="medium" {...p}>
              <LabelledOptions values={ACTION_ITEM_PRIORITIES} labels={ACTION_ITEM_PRIORITY_LABELS} />
            </select>
          )}
        </Field>
        <Field label="Owner" error={errors.ownerId}>
          {(p) => (
            <select name="ownerId" defaultValue="" {...p}>
              <OwnerOptions people={people} />
            </select>
          )}
        </Field>
        <Field label="Due" error={errors.dueAt}>
          {(p) => <input type="date" name="dueAt" {...p} />}
        </Field>
        <div className="sm:col-span-3">
          <Field label="Tracker link" error={errors.trackerUrl}>
            {(p) => <input type="url" name="trackerUrl" placeholder="https://" {...p} />}
          </Field>
        </div>
        <div className="flex items-end">
          <Button type="submit" disabled={fetcher.state !== "idle"}>
            Add
          </Button>
        </div>
      </div>
    </fetcher.Form>
  );
}

export function ActionItemsEditor({
  postmortemId,
  items,
  people,
  canEdit,
  heading = true,
}: {
  postmortemId: string;
  items: Item[];
  people: Person[];
  canEdit: boolean;
  /** false where the page's own title already says "Action items" */
  heading?: boolean;
}) {
  const action = `/postmortems/${postmortemId}/action-items`;
  const location = useLocation();
  const back = `${location.pathname}${location.search}`;
  return (
    <section aria-label="Action items" className="space-y-3">
      {heading ? <h2 className="text-lg font-semibold">Action items</h2> : null}
      {items.length === 0 ? <p className="text-sm text-slate-600">No action items yet.</p> : null}
      <ul className="space-y-2">
        {items.map((item) => (
          <ItemRow key={item.id} item={item} people={people} action={action} returnTo={back} canEdit={canEdit} />
        ))}
      </ul>
      {canEdit ? <AddForm people={people} action={action} returnTo={back} /> : null}
    </section>
  );
}
