// Editing one update template: the Liquid source, the variables it may use, and a preview
// rendered by the server with the sample incident. Without JavaScript, Preview, Save and
// Reset are plain form posts; with it, the preview follows the typing (debounced).
import { useActionData, useFetcher, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "~/components/ui/button.tsx";
import { inUtc } from "~/utils/time.ts";

export type TemplatePreview = { text: string; error?: undefined } | { error: string; text?: undefined };

/** What the templates page's action answers; `form` is "preview:<status>" or "save:<status>". */
export type TemplateFormOutcome =
  | { ok: true; form: string; source: string; preview: TemplatePreview; saved?: "save" | "reset" }
  | { ok: false; form: string; errors: Record<string, string>; source?: string };

/** For a template page's route: a preview changes nothing on the server, so no reload after it. */
export const templatePageShouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "preview" ? false : defaultShouldRevalidate;

/** How long the typing must pause before the preview is asked for. */
const PREVIEW_DELAY_MS = 350;

export function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function VariableList({ variables }: { variables: { name: string; sample: string | string[] }[] }) {
  return (
    <details className="max-w-3xl rounded-lg border border-slate-300 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium">Variables and the sample values the preview uses</summary>
      <dl className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1">
        {variables.map((v) => (
          <div key={v.name} className="contents">
            <dt className="font-mono text-xs leading-5 text-slate-900">{`{{ ${v.name} }}`}</dt>
            <dd className="text-slate-700">{Array.isArray(v.sample) ? <>a list: {v.sample.map((s) => `“${s}”`).join(", ")}</> : v.sample}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** A template as an editor shows it; `field` names which template the form posts are about. */
export type EditableTemplate = { source: string; isDefault: boolean; updatedAt?: string | null; preview: TemplatePreview };

export function TemplateEditor({
  template,
  heading,
  field,
  variables,
  rows = 7,
}: {
  template: EditableTemplate;
  heading: string;
  field: { name: string; value: string };
  variables: readonly string[];
  rows?: number;
}) {
  const id = useId();
  const hydrated = useHydrated();
  const save = useFetcher<TemplateFormOutcome>();
  const preview = useFetcher<TemplateFormOutcome>();
  const actionData = useActionData<TemplateFormOutcome>() as TemplateFormOutcome | undefined;
  // without JavaScript the whole page was posted: the action data says whether it was this editor
  const posted = actionData && (actionData.form === `save:${field.value}` || actionData.form === `preview:${field.value}`) ? actionData : undefined;
  const [source, setSource] = useState(posted?.source ?? template.source);
  const textarea = useRef<HTMLTextAreaElement>(null);

  // A save or reset puts the stored source in the box (the default, after a reset).
  useEffect(() => {
    if (save.state === "idle" && save.data?.ok) setSource(save.data.source);
  }, [save.state, save.data]);

  // The newest answer about exactly this text wins; while a newer one is on its way, the last one stays, marked stale.
  type Answer = { source: string; preview: TemplatePreview };
  const answered = (a: TemplateFormOutcome | undefined): Answer[] => (a?.ok ? [{ source: a.source, preview: a.preview }] : []);
  const answers = [...answered(preview.data), ...answered(save.data), ...answered(posted), { source: template.source, preview: template.preview }];
  const known = answers.find((a) => a.source === source);
  const shown = (known ?? answers[0]).preview;
  const stale = !known;

  useEffect(() => {
    if (!hydrated || known) return;
    const timer = setTimeout(() => preview.submit({ intent: "preview", [field.name]: field.value, source }, { method: "post" }), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
    // only a change of the text asks again
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, hydrated]);

  const saveOutcome = save.data ?? (posted?.form.startsWith("save:") ? posted : undefined);
  const refused = saveOutcome && !saveOutcome.ok ? (saveOutcome.errors.source ?? saveOutcome.errors._) : undefined;
  const saved = save.state === "idle" && saveOutcome?.ok && saveOutcome.source === source ? saveOutcome.saved : undefined;
  const changed = source !== template.source;
  const busy = save.state !== "idle";

  function insert(name: string) {
    const box = textarea.current;
    const text = `{{ ${name} }}`;
    const at = box ? [box.selectionStart, box.selectionEnd] : [source.length, source.length];
    setSource(source.slice(0, at[0]) + text + source.slice(at[1]));
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(at[0] + text.length, at[0] + text.length);
    });
  }

  return (
    <section aria-labelledby={`${id}-heading`} data-testid={`template-${field.value}`} className="rounded-lg border border-slate-300 bg-white p-4">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {heading}
        </h2>
        {template.isDefault ? (
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-800 ring-1 ring-slate-300">Default</span>
        ) : (
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950 ring-1 ring-amber-300" title={template.updatedAt ? `Saved ${inUtc(template.updatedAt)}` : undefined}>
            Customised
          </span>
        )}
        {changed ? <span className="text-xs font-medium text-slate-600">Unsaved changes</span> : null}
      </div>
      <save.Form method="post" className="grid gap-4 lg:grid-cols-2">
        <input type="hidden" name={field.name} value={field.value} />
        <div className="min-w-0">
          <label htmlFor={`${id}-source`} className="block text-sm font-medium text-slate-800">
            Template
          </label>
          <textarea
            ref={textarea}
            id={`${id}-source`}
            name="source"
            rows={rows}
            spellCheck={false}
            value={source}
            onChange={(e) => setSource(e.target.value)}
            aria-invalid={refused ? true : undefined}
            aria-describedby={`${id}-vars${refused ? ` ${id}-error` : ""}`}
            className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 font-mono text-sm leading-relaxed aria-[invalid=true]:border-red-600"
          />
          {refused ? (
            <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
              Not saved. {refused}
            </p>
          ) : null}
          <VariableButtons id={`${id}-vars`} className="mt-1" variables={variables} hydrated={hydrated} onInsert={insert} />
          <TemplateActions
            className="mt-3"
            busy={busy}
            saving={busy && save.formData?.get("intent") === "save"}
            hydrated={hydrated}
            resetDisabled={busy || (template.isDefault && !changed)}
            saved={saved}
          />
        </div>
        <div className="min-w-0">
          <p className="text-sm font-medium text-slate-800">
            Preview <span className="font-normal text-slate-600">with the sample incident</span>
          </p>
          <div
            aria-live="polite"
            data-testid="template-preview"
            className={`mt-1 min-h-[10rem] rounded border px-3 py-2 text-sm transition-opacity ${shown.error ? "border-red-300 bg-red-50 text-red-900" : "border-slate-200 bg-slate-50 text-slate-900"} ${stale ? "opacity-60" : ""}`}
          >
            {shown.error ? <p>{shown.error}</p> : <p className="whitespace-pre-line">{shown.text}</p>}
          </div>
          {stale && hydrated ? <p className="mt-1 text-xs text-slate-600">Updating…</p> : null}
        </div>
      </save.Form>
    </section>
  );
}

/** The variables under an editor: buttons that insert `{{ name }}` once scripts run, plain code before. */
export function VariableButtons({
  variables,
  hydrated,
  onInsert,
  id,
  className = "",
  label = "Variables",
}: {
  variables: readonly string[];
  hydrated: boolean;
  onInsert: (name: string) => void;
  id?: string;
  className?: string;
  label?: string;
}) {
  const look = "mr-1 rounded bg-slate-100 px-1 font-mono text-slate-800 ring-1 ring-slate-200";
  return (
    <p id={id} className={`text-xs leading-6 text-slate-600 ${className}`}>
      {label}:{" "}
      {variables.map((name) =>
        hydrated ? (
          <button key={name} type="button" onClick={() => onInsert(name)} title={`Insert {{ ${name} }}`} className={`${look} hover:bg-slate-200`}>
            {name}
          </button>
        ) : (
          <code key={name} className={look}>
            {name}
          </code>
        ),
      )}
    </p>
  );
}

/** Save, Preview (only without scripts: with them the preview follows the typing), Reset, and what happened. */
export function TemplateActions({
  busy,
  saving,
  hydrated,
  resetDisabled,
  saved,
  className = "",
}: {
  busy: boolean;
  saving: boolean;
  hydrated: boolean;
  resetDisabled: boolean;
  saved: string | undefined;
  className?: string;
}) {
  return (
    <div className={`flex flex-wrap items-center gap-2 ${className}`}>
      <Button type="submit" name="intent" value="save" disabled={busy}>
        {saving ? "Saving…" : "Save"}
      </Button>
      {hydrated ? null : (
        <Button type="submit" name="intent" value="preview" variant="secondary">
          Preview
        </Button>
      )}
      <Button type="submit" name="intent" value="reset" variant="secondary" disabled={resetDisabled}>
        Reset to default
      </Button>
      {saved && saved !== "preview" ? (
        <span role="status" className="text-sm text-green-800">
          {saved === "reset" ? "Back to the default." : "Saved."}
        </span>
      ) : null}
    </div>
  );
}
