// Editing one email notice: its subject, plain text and HTML in Liquid, and a preview the
// server fills with the latest real update for a placeholder subscriber: the subject, the
// text, and the HTML in a sandboxed frame (no scripts, no forms, no navigation). Without
// JavaScript, Preview, Save and Reset are plain form posts; with it, the preview follows the typing.
import { useActionData, useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import {
  CasePicker,
  TemplateActions,
  useHydrated,
  VariableButtons,
  type PreviewCaseOption,
} from "~/components/admin/template-editor-parts.tsx";
import type { NoticePreview, NoticeTemplateView } from "~/modules/notices/notice-views.ts";
import { NOTICE_PART_LABELS, NOTICE_PARTS, type NoticePart, type NoticeTemplate } from "~/modules/notices/notice-defaults.ts";
import { outcomeErrors, type FormOutcome } from "~/utils/form-outcome.ts";
import { inUtc } from "~/utils/time.ts";

/** What the notices page's action answers (decision 0057): `form` is the button's intent, the notice's `kind` which editor. */
export type NoticeFormOutcome = FormOutcome<
  { form: "preview" | "save" | "reset"; kind: string; template: NoticeTemplate; preview: NoticePreview; case?: string },
  { kind: string; template?: NoticeTemplate }
>;

const PREVIEW_DELAY_MS = 350;
const ROWS: Record<NoticePart, number> = { subject: 2, text: 9, html: 14 };

const sourcesOf = (view: NoticeTemplateView): NoticeTemplate => ({
  subject: view.parts.subject.source,
  text: view.parts.text.source,
  html: view.parts.html.source,
});
const same = (a: NoticeTemplate, b: NoticeTemplate) => NOTICE_PARTS.every((p) => a[p] === b[p]);

export function NoticeEditor({
  view,
  preview: initial,
  variables,
  cases,
}: {
  view: NoticeTemplateView;
  preview: NoticePreview;
  variables: readonly string[];
  /** the preview cases this notice can be filled with; "" is the latest real update */
  cases: readonly PreviewCaseOption[];
}) {
  const id = useId();
  const hydrated = useHydrated();
  const save = useFetcher<NoticeFormOutcome>();
  const preview = useFetcher<NoticeFormOutcome>();
  const actionData = useActionData<NoticeFormOutcome>() as NoticeFormOutcome | undefined;
  const posted = actionData?.kind === view.kind ? actionData : undefined;
  const stored = sourcesOf(view);
  const [sources, setSources] = useState<NoticeTemplate>(posted?.template ?? stored);
  const [previewCase, setPreviewCase] = useState((posted?.ok && posted.form === "preview" ? posted.case : undefined) ?? "");
  const focused = useRef<NoticePart>("html");
  const boxes = useRef<Partial<Record<NoticePart, HTMLTextAreaElement | null>>>({});

  useEffect(() => {
    if (save.state === "idle" && save.data?.ok) setSources(save.data.template);
  }, [save.state, save.data]);

  // The newest answer about exactly these sources wins; while a newer one is on its way, the last one stays, marked stale.
  type Answer = { template: NoticeTemplate; case: string; preview: NoticePreview };
  const answered = (a: NoticeFormOutcome | undefined): Answer[] =>
    a?.ok ? [{ template: a.template, case: a.case ?? "", preview: a.preview }] : [];
  const answers = [
    ...answered(preview.data),
    ...answered(save.data),
    ...answered(posted),
    { template: stored, case: "", preview: initial },
  ];
  const known = answers.find((a) => same(a.template, sources) && a.case === previewCase);
  const shown = (known ?? answers[0]).preview;
  const stale = !known;

  useEffect(() => {
    if (!hydrated || known) return;
    const ask = { intent: "preview", kind: view.kind, ...sources, case: previewCase };
    const timer = setTimeout(() => preview.submit(ask, { method: "post" }), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
    // only a change of the text or of the case asks again
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sources.subject, sources.text, sources.html, previewCase, hydrated]);

  const saveOutcome = save.data ?? (posted && posted.form !== "preview" ? posted : undefined);
  const refused = saveOutcome?.ok === false ? outcomeErrors(saveOutcome) : undefined;
  const saved = save.state === "idle" && saveOutcome?.ok && same(saveOutcome.template, sources) ? saveOutcome.form : undefined;
  const changed = !same(sources, stored);
  const busy = save.state !== "idle";

  function insert(name: string) {
    const part = focused.current;
    const box = boxes.current[part];
    const text = `{{ ${name} }}`;
    const value = sources[part];
    const at = box ? [box.selectionStart, box.selectionEnd] : [value.length, value.length];
    setSources({ ...sources, [part]: value.slice(0, at[0]) + text + value.slice(at[1]) });
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(at[0] + text.length, at[0] + text.length);
    });
  }

  return (
    <section
      aria-labelledby={`${id}-heading`}
      data-testid={`notice-${view.kind}`}
      className="min-w-0 rounded-lg border border-slate-300 bg-white p-4"
    >
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {view.label}
        </h2>
        {view.isDefault ? (
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-800 ring-1 ring-slate-300">Default</span>
        ) : (
          <span
            className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950 ring-1 ring-amber-300"
            title={view.updatedAt ? `Saved ${inUtc(view.updatedAt)}` : undefined}
          >
            Customised
          </span>
        )}
        {changed ? <span className="text-xs font-medium text-slate-600">Unsaved changes</span> : null}
      </div>
      <save.Form method="post" className="grid gap-4 xl:grid-cols-2">
        <input type="hidden" name="kind" value={view.kind} />
        <div className="min-w-0 space-y-3">
          {refused ? (
            <p role="alert" className="text-sm text-red-700">
              {NOTICE_PARTS.some((p) => refused[p]) ? "Not saved: see below." : refused._}
            </p>
          ) : null}
          {NOTICE_PARTS.map((part) => (
            <div key={part}>
              <label htmlFor={`${id}-${part}`} className="flex items-baseline gap-2 text-sm font-medium text-slate-800">
                {NOTICE_PART_LABELS[part]}
                {view.parts[part].isDefault ? null : <span className="text-xs font-normal text-amber-900">customised</span>}
              </label>
              <textarea
                ref={(el) => void (boxes.current[part] = el)}
                id={`${id}-${part}`}
                name={part}
                rows={ROWS[part]}
                spellCheck={false}
                value={sources[part]}
                onFocus={() => (focused.current = part)}
                onChange={(e) => setSources({ ...sources, [part]: e.target.value })}
                aria-invalid={refused?.[part] ? true : undefined}
                aria-describedby={refused?.[part] ? `${id}-${part}-error` : undefined}
                className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 font-mono text-sm leading-relaxed aria-[invalid=true]:border-red-600"
              />
              {refused?.[part] ? (
                <p id={`${id}-${part}-error`} className="mt-1 text-sm text-red-700">
                  {refused[part]}
                </p>
              ) : null}
            </div>
          ))}
          <VariableButtons
            label={hydrated ? "Variables (inserted where the cursor was)" : "Variables"}
            variables={variables}
            hydrated={hydrated}
            onInsert={insert}
          />
          <TemplateActions
            busy={busy}
            saving={busy && save.formData?.get("intent") === "save"}
            hydrated={hydrated}
            resetDisabled={busy || (view.isDefault && !changed)}
            saved={saved}
          />
        </div>
        <NoticePreviewPanel
          preview={shown}
          stale={stale && hydrated}
          picker={
            cases.length ? (
              <CasePicker
                id={`${id}-case`}
                cases={[{ id: "", label: "The latest real update" }, ...cases]}
                value={previewCase}
                onChange={setPreviewCase}
              />
            ) : null
          }
        />
      </save.Form>
    </section>
  );
}

function NoticePreviewPanel({ preview, stale, picker }: { preview: NoticePreview; stale: boolean; picker: ReactNode }) {
  return (
    <div className="min-w-0">
      <p className="text-sm font-medium text-slate-800">
        Preview {picker} <span className="block font-normal text-slate-600">filled with {preview.source}</span>
        {stale ? <span className="ml-2 text-xs font-normal text-slate-600">Updating…</span> : null}
      </p>
      <div aria-live="polite" data-testid="notice-preview" className={`mt-1 space-y-3 transition-opacity ${stale ? "opacity-60" : ""}`}>
        {preview.errors ? (
          <ul className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            {Object.values(preview.errors).map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : (
          <>
            <div className="rounded border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
              <span className="text-slate-600">Subject: </span>
              <strong data-testid="notice-preview-subject">{preview.subject}</strong>
            </div>
            <iframe
              title="HTML part"
              sandbox=""
              srcDoc={preview.html}
              className="h-[26rem] w-full rounded border border-slate-200 bg-white"
            />
            <details className="rounded border border-slate-200 bg-slate-50 text-sm" open>
              <summary className="cursor-pointer px-3 py-1.5 text-slate-700">Plain-text part</summary>
              <pre
                data-testid="notice-preview-text"
                className="overflow-x-auto whitespace-pre-wrap px-3 pb-2 font-mono text-xs text-slate-900"
              >
                {preview.text}
              </pre>
            </details>
          </>
        )}
      </div>
    </div>
  );
}
