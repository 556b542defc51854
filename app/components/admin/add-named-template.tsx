// Adding a named template to a status ("Third-party outage"): a name and a text, started
// from the status's default. Without JavaScript it is a plain form post.
import { useActionData, useFetcher } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { Button } from "~/components/ui/button.tsx";
import type { TemplateFormOutcome } from "./template-editor.tsx";

const INVALID = "aria-[invalid=true]:border-red-600";

export function AddNamedTemplate({ status, statusLabel, defaultSource }: { status: string; statusLabel: string; defaultSource: string }) {
  const id = useId();
  const editor = `add:${status}`;
  const fetcher = useFetcher<TemplateFormOutcome>();
  const actionData = useActionData<TemplateFormOutcome>() as TemplateFormOutcome | undefined;
  const outcome = fetcher.data ?? (actionData?.form === `save:${editor}` ? actionData : undefined);
  const [name, setName] = useState("");
  const [source, setSource] = useState(defaultSource);
  const [open, setOpen] = useState(Boolean(outcome && !outcome.ok));
  const errors = outcome && !outcome.ok ? outcome.errors : {};

  // once added, the new template is listed above with its own editor: the form starts again
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) {
      setName("");
      setSource(defaultSource);
      setOpen(false);
    }
  }, [fetcher.state, fetcher.data, defaultSource]);

  return (
    <details
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      className="rounded-lg border border-dashed border-slate-400 bg-white p-3"
    >
      <summary className="cursor-pointer text-sm font-medium text-slate-900">Add a named {statusLabel.toLowerCase()} template</summary>
      <fetcher.Form method="post" className="mt-3 max-w-3xl space-y-2" aria-label={`New named ${statusLabel.toLowerCase()} template`}>
        <input type="hidden" name="status" value={status} />
        <input type="hidden" name="editor" value={editor} />
        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-medium text-slate-800">
            Name <span className="font-normal text-slate-600">(the scenario, such as &ldquo;Third-party outage&rdquo;)</span>
          </label>
          <input
            id={`${id}-name`}
            name="name"
            value={name}
            maxLength={80}
            required
            onChange={(e) => setName(e.target.value)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? `${id}-name-error` : undefined}
            className={`mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm ${INVALID}`}
          />
          {errors.name ? (
            <p id={`${id}-name-error`} role="alert" className="mt-1 text-sm text-red-700">
              {errors.name}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor={`${id}-source`} className="block text-sm font-medium text-slate-800">
            Template
          </label>
          <textarea
            id={`${id}-source`}
            name="source"
            rows={6}
            spellCheck={false}
            value={source}
            onChange={(e) => setSource(e.target.value)}
            aria-invalid={errors.source ? true : undefined}
            aria-describedby={errors.source ? `${id}-source-error` : undefined}
            className={`mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 font-mono text-sm ${INVALID}`}
          />
          {errors.source || (errors._ && !errors.name) ? (
            <p id={`${id}-source-error`} role="alert" className="mt-1 text-sm text-red-700">
              Not added. {errors.source ?? errors._}
            </p>
          ) : null}
        </div>
        <Button type="submit" name="intent" value="add-named" disabled={fetcher.state !== "idle"}>
          {fetcher.state !== "idle" ? "Adding…" : "Add template"}
        </Button>
      </fetcher.Form>
    </details>
  );
}
