// Drafting an update: status, text from the template, components, notify, the promised next
// update, and a preview exactly as the public page will show it. Works without JavaScript
// (a plain form post); with it, the text follows the chosen status until someone edits it.
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { Button } from "~/components/ui/button.tsx";
import { SelectField, TextAreaField, TextField } from "~/components/ui/field.tsx";
import { EVENT_STATUS_LABELS } from "~/modules/status-page/model.ts";
import { UPDATE_TEMPLATE_STATUSES, type UpdateTemplateStatus } from "~/modules/notices/update-defaults.ts";
import type { ComponentStatusName } from "~/modules/status-page/model.ts";
import type { CommsComponent } from "~/modules/updates/comms.ts";
import type { CommsFormOutcome } from "~/modules/updates/forms.ts";
import { MAX_UPDATE_BODY } from "~/modules/updates/schemas.ts";
import { AudienceEstimate } from "./audience.tsx";
import { proposedMoves } from "~/modules/updates/moves.ts";
import { ComponentMoves } from "./component-moves.tsx";
import { outcomeErrors } from "~/utils/form-outcome.ts";
import { UpdatePreview } from "./update-preview.tsx";

export type ComposerProps = {
  incidentId: string;
  title: string;
  firstPublish: boolean;
  needsApproval: boolean;
  canPublish: boolean;
  components: CommsComponent[];
  draft: { status: UpdateTemplateStatus; nextUpdateInMinutes: number | null; body: string; templateError: string | null };
  /** named templates comms may start from, per status ("Third-party outage") */
  templates: { id: string; status: UpdateTemplateStatus; name: string }[];
  nextChoices: readonly number[];
  timeZone: string;
};

export function UpdateComposer(props: ComposerProps) {
  const fetcher = useFetcher<CommsFormOutcome>();
  const template = useFetcher<{ body?: string; error?: string }>();
  const [status, setStatus] = useState<UpdateTemplateStatus>(props.draft.status);
  const [next, setNext] = useState<string>(props.draft.nextUpdateInMinutes ? String(props.draft.nextUpdateInMinutes) : "");
  const [body, setBody] = useState(props.draft.body);
  /** the named template the text comes from; "" for the status's default */
  const [templateId, setTemplateId] = useState("");
  const [edited, setEdited] = useState(false);
  const [title, setTitle] = useState(props.title);
  const [moves, setMoves] = useState(() => proposedMoves(props.components, props.draft.status));
  const [notify, setNotify] = useState(true);
  const form = useRef<HTMLFormElement>(null);
  const errors = outcomeErrors(fetcher.data);

  // The text follows the status, the chosen template and the promise until someone writes their own;
  // picking a template is asking for its text, so it fills the message even then.
  const refill = (nextStatus: string, minutes: string, named = templateId, force = false) => {
    if (edited && !force) return;
    if (force) setEdited(false);
    const query = new URLSearchParams({ status: nextStatus, next: minutes, ...(named ? { template: named } : {}) });
    template.load(`/incidents/${props.incidentId}/comms/template?${query}`);
  };
  const templatesOfStatus = props.templates.filter((t) => t.status === status);
  useEffect(() => {
    if (template.data?.body !== undefined && !edited) setBody(template.data.body);
  }, [template.data, edited]);

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) {
      setEdited(false);
      refill(status, next);
    }
    // Only a finished submission resets the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);

  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form
      method="post"
      ref={form}
      className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm"
      aria-labelledby="composer-heading"
    >
      <h2 id="composer-heading" className="mb-3 text-lg font-semibold">
        New status-page update
      </h2>
      {props.draft.templateError ? (
        <p role="alert" className="mb-3 text-sm text-amber-900">
          {props.draft.templateError}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Status"
          name="status"
          value={status}
          error={errors.status}
          onChange={(e) => {
            const value = e.target.value as UpdateTemplateStatus;
            setStatus(value);
            setMoves(proposedMoves(props.components, value));
            const minutes = value === "resolved" ? "" : next || "30";
            setNext(minutes);
            // named templates belong to one status: another status starts from its default
            setTemplateId("");
            refill(value, minutes, "");
          }}
        >
          {UPDATE_TEMPLATE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {EVENT_STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Promise the next update in"
          name="nextUpdateInMinutes"
          value={next}
          error={errors.nextUpdateInMinutes}
          onChange={(e) => {
            setNext(e.target.value);
            refill(status, e.target.value);
          }}
        >
          <option value="">No promise</option>
          {props.nextChoices.map((m) => (
            <option key={m} value={m}>
              {m < 60 ? `${m} minutes` : `${m / 60} hour${m === 60 ? "" : "s"}`}
            </option>
          ))}
        </SelectField>
      </div>
      {templatesOfStatus.length ? (
        <SelectField
          label="Template"
          name="template"
          value={templateId}
          hint="Fills the message with this scenario's text; the text stays yours to edit."
          onChange={(e) => {
            setTemplateId(e.target.value);
            refill(status, next, e.target.value, true);
          }}
        >
          <option value="">Default for {EVENT_STATUS_LABELS[status].toLowerCase()}</option>
          {templatesOfStatus.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {props.firstPublish ? (
        <TextField
          label="Public title"
          name="title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={errors.title}
          hint="What customers see as the incident's name; set by the first published update."
        />
      ) : null}
      <TextAreaField
        label="Message"
        name="body"
        rows={6}
        value={body}
        maxLength={MAX_UPDATE_BODY}
        error={errors.body}
        onChange={(e) => {
          setBody(e.target.value);
          setEdited(true);
        }}
        hint={
          edited
            ? "Edited by hand: changing the status no longer replaces the text."
            : "Filled from the template for this status; edit freely."
        }
      />
      <ComponentMoves
        components={props.components}
        value={moves}
        onChange={(id, s: ComponentStatusName | "") => setMoves({ ...moves, [id]: s })}
      />
      {errors.components || Object.keys(errors).some((k) => k.startsWith("components.")) ? (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {errors.components ?? Object.entries(errors).find(([k]) => k.startsWith("components."))?.[1]}
        </p>
      ) : null}
      <label className="mb-3 flex items-center gap-2 text-sm">
        <input type="checkbox" name="notify" checked={notify} onChange={(e) => setNotify(e.target.checked)} /> Notify subscribers (email and
        webhooks)
      </label>
      <AudienceEstimate incidentId={props.incidentId} componentIds={Object.keys(moves).filter((id) => moves[id])} notify={notify} />
      <UpdatePreview title={title || props.title} status={status} body={body} timeZone={props.timeZone} />
      {errors._ ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {errors._}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Button type="submit" name="intent" value="draft" variant="secondary" disabled={busy}>
          Save draft
        </Button>
        {props.needsApproval ? (
          <Button type="submit" name="intent" value="submit-for-approval" disabled={busy}>
            Send for approval
          </Button>
        ) : props.canPublish ? (
          <Button type="submit" name="intent" value="publish-new" disabled={busy}>
            Publish now
          </Button>
        ) : null}
        {props.needsApproval ? (
          <span className="text-xs text-slate-600">SEV1: a second person approves before it is published.</span>
        ) : null}
      </div>
    </fetcher.Form>
  );
}
