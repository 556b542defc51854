// Editing one liquid template: its source (and name, for a named update template), the
// variables it may use, and a preview rendered by the server with one of the preview cases.
// Without JavaScript, Preview, Save and Reset (or Delete) are plain form posts; with it, the
// preview follows the typing and the chosen case (debounced).
import { useActionData, useFetcher, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { inUtc } from "~/utils/time.ts";
import { CasePicker, TemplateActions, useHydrated, VariableButtons, type PreviewCaseOption } from "./template-editor-parts.tsx";
import type { FormOutcome } from "~/utils/form-outcome.ts";

export type TemplatePreview = { text: string; error?: undefined } | { error: string; text?: undefined };

/** What a template page's action answers; `form` is "preview:<editor>" or "save:<editor>". */
export type TemplateFormOutcome = FormOutcome<
  { source: string; case?: string; preview: TemplatePreview; saved?: "save" | "reset" | "add" | "delete"; name?: string },
  { source?: string }
>;

/** For a template page's route: a preview changes nothing on the server, so no reload after it. */
export const templatePageShouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "preview" ? false : defaultShouldRevalidate;

/** How long the typing must pause before the preview is asked for. */
const PREVIEW_DELAY_MS = 350;

/** A template as an editor shows it; `preview` is its stored source filled with the first case. */
export type EditableTemplate = { source: string; isDefault: boolean; updatedAt?: string | null; preview: TemplatePreview; name?: string };

export function TemplateEditor({
  template,
  heading,
  field,
  variables,
  rows = 7,
  editor = field.value,
  cases,
  named,
  headingLevel = 2,
}: {
  template: EditableTemplate;
  heading: string;
  /** the hidden field naming which template the form posts are about */
  field: { name: string; value: string };
  variables: readonly string[];
  rows?: number;
  /** tells this editor's answers from the others' on the page */
  editor?: string;
  /** the preview cases to choose from; the first fills the stored preview */
  cases?: readonly PreviewCaseOption[];
  /** a named update template: its id; it has a name, and is deleted instead of reset */
  named?: { id: string };
  headingLevel?: 2 | 3;
}) {
  const id = useId();
  const hydrated = useHydrated();
  const save = useFetcher<TemplateFormOutcome>();
  const preview = useFetcher<TemplateFormOutcome>();
  const actionData = useActionData<TemplateFormOutcome>() as TemplateFormOutcome | undefined;
  // without JavaScript the whole page was posted: the action data says whether it was this editor
  const posted = actionData && (actionData.form === `save:${editor}` || actionData.form === `preview:${editor}`) ? actionData : undefined;
  const [source, setSource] = useState(posted?.source ?? template.source);
  const [name, setName] = useState(template.name ?? "");
  const [previewCase, setPreviewCase] = useState((posted?.ok ? posted.case : undefined) ?? cases?.[0]?.id ?? "");
  const textarea = useRef<HTMLTextAreaElement>(null);

  // A save or reset puts the stored source in the box (the default, after a reset).
  useEffect(() => {
    if (save.state === "idle" && save.data?.ok) setSource(save.data.source);
  }, [save.state, save.data]);

  // The newest answer about exactly this text and case wins; while a newer one is on its way, the last one stays, marked stale.
  type Answer = { source: string; case: string; preview: TemplatePreview };
  const firstCase = cases?.[0]?.id ?? "";
  const answered = (a: TemplateFormOutcome | undefined): Answer[] =>
    a?.ok ? [{ source: a.source, case: a.case ?? firstCase, preview: a.preview }] : [];
  const answers = [
    ...answered(preview.data),
    ...answered(save.data),
    ...answered(posted),
    { source: template.source, case: firstCase, preview: template.preview },
  ];
  const known = answers.find((a) => a.source === source && a.case === previewCase);
  const shown = (known ?? answers[0]).preview;
  const stale = !known;

  useEffect(() => {
    if (!hydrated || known) return;
    const ask = { intent: "preview", editor, [field.name]: field.value, source, ...(cases ? { case: previewCase } : {}) };
    const timer = setTimeout(() => preview.submit(ask, { method: "post" }), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
    // only a change of the text or of the case asks again
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, previewCase, hydrated]);

  const saveOutcome = save.data ?? (posted?.form.startsWith("save:") ? posted : undefined);
  const refused =
    saveOutcome && !saveOutcome.ok ? (saveOutcome.errors.source ?? saveOutcome.errors.name ?? saveOutcome.errors._) : undefined;
  const saved = save.state === "idle" && saveOutcome?.ok && saveOutcome.source === source ? saveOutcome.saved : undefined;
  const changed = source !== template.source || (named !== undefined && name !== template.name);
  const busy = save.state !== "idle";
  const Heading = headingLevel === 2 ? "h2" : "h3";

  function insert(variable: string) {
    const box = textarea.current;
    const text = `{{ ${variable} }}`;
    const at = box ? [box.selectionStart, box.selectionEnd] : [source.length, source.length];
    setSource(source.slice(0, at[0]) + text + source.slice(at[1]));
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(at[0] + text.length, at[0] + text.length);
    });
  }

  return (
    <section
      aria-labelledby={`${id}-heading`}
      data-testid={`template-${named ? `named-${template.name}` : field.value}`}
      className="rounded-lg border border-slate-300 bg-white p-4"
    >
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <Heading id={`${id}-heading`} className={headingLevel === 2 ? "text-lg font-semibold" : "text-base font-semibold"}>
          {heading}
        </Heading>
        {named ? null : template.isDefault ? (
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-800 ring-1 ring-slate-300">Default</span>
        ) : (
          <span
            className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950 ring-1 ring-amber-300"
            title={template.updatedAt ? `Saved ${inUtc(template.updatedAt)}` : undefined}
          >
            Customised
          </span>
        )}
        {changed ? <span className="text-xs font-medium text-slate-600">Unsaved changes</span> : null}
      </div>
      <save.Form method="post" className="grid gap-4 lg:grid-cols-2">
        <input type="hidden" name={field.name} value={field.value} />
        <input type="hidden" name="editor" value={editor} />
        {named ? <input type="hidden" name="id" value={named.id} /> : null}
        <div className="min-w-0">
          {named ? (
            <>
              <label htmlFor={`${id}-name`} className="block text-sm font-medium text-slate-800">
                Name
              </label>
              <input
                id={`${id}-name`}
                name="name"
                value={name}
                maxLength={80}
                onChange={(e) => setName(e.target.value)}
                className="mb-2 mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm"
              />
            </>
          ) : null}
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
            saving={busy && save.formData?.get("intent") !== "preview"}
            hydrated={hydrated}
            resetDisabled={busy || (template.isDefault && !changed)}
            saved={saved}
            saveIntent={named ? "save-named" : "save"}
            remove={Boolean(named)}
          />
        </div>
        <div className="min-w-0">
          <p className="text-sm font-medium text-slate-800">
            Preview{" "}
            {cases?.length ? (
              <CasePicker id={`${id}-case`} cases={cases} value={previewCase} onChange={setPreviewCase} />
            ) : (
              <span className="font-normal text-slate-600">with the sample incident</span>
            )}
          </p>
          <div
            aria-live="polite"
            data-testid="template-preview"
            className={`mt-1 min-h-[10rem] rounded border px-3 py-2 text-sm transition-opacity ${
              shown.error ? "border-red-300 bg-red-50 text-red-900" : "border-slate-200 bg-slate-50 text-slate-900"
            } ${stale ? "opacity-60" : ""}`}
          >
            {shown.error ? <p>{shown.error}</p> : <p className="whitespace-pre-line">{shown.text}</p>}
          </div>
          {stale && hydrated ? <p className="mt-1 text-xs text-slate-600">Updating…</p> : null}
        </div>
      </save.Form>
    </section>
  );
}
