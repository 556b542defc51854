// The pieces every template editor shares (update templates, post-mortem sections, email
// notices): the list of variables with sample values, buttons that insert a variable, the
// Save / Preview / Reset row, and the choice of preview case.
import { useEffect, useState } from "react";
import { Button } from "~/components/ui/button.tsx";

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
            <dd className="text-slate-700">
              {Array.isArray(v.sample) ? <>a list: {v.sample.map((s) => `“${s}”`).join(", ")}</> : v.sample}
            </dd>
          </div>
        ))}
      </dl>
    </details>
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
          <button
            key={name}
            type="button"
            onClick={() => onInsert(name)}
            title={`Insert {{ ${name} }}`}
            className={`${look} hover:bg-slate-200`}
          >
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
  remove = false,
  saveIntent = "save",
}: {
  busy: boolean;
  saving: boolean;
  hydrated: boolean;
  resetDisabled: boolean;
  saved: string | undefined;
  className?: string;
  /** a named template is deleted, not reset */
  remove?: boolean;
  saveIntent?: string;
}) {
  return (
    <div className={`flex flex-wrap items-center gap-2 ${className}`}>
      <Button type="submit" name="intent" value={saveIntent} disabled={busy}>
        {saving ? "Saving…" : "Save"}
      </Button>
      {hydrated ? null : (
        <Button type="submit" name="intent" value="preview" variant="secondary">
          Preview
        </Button>
      )}
      {remove ? (
        <Button type="submit" name="intent" value="delete-named" variant="secondary" disabled={busy}>
          Delete template
        </Button>
      ) : (
        <Button type="submit" name="intent" value="reset" variant="secondary" disabled={resetDisabled}>
          Reset to default
        </Button>
      )}
      {saved && saved !== "preview" ? (
        <span role="status" className="text-sm text-green-800">
          {saved === "reset" ? "Back to the default." : saved === "add" ? "Added." : "Saved."}
        </span>
      ) : null}
    </div>
  );
}

/** One incident (or maintenance) of the preview cases, to fill a preview with. */
export type PreviewCaseOption = { id: string; label: string };

/** "Preview with: [several, mixed impacts]": the shapes of incident every default is tried on. */
export function CasePicker({
  id,
  cases,
  value,
  onChange,
}: {
  id: string;
  cases: readonly PreviewCaseOption[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <span className="inline-flex items-center gap-1">
      <label htmlFor={id} className="font-normal text-slate-700">
        with
      </label>
      <select
        id={id}
        name="case"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid="preview-case"
        className="rounded border border-slate-400 bg-white px-1 py-0.5 text-sm font-normal"
      >
        {cases.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </span>
  );
}
