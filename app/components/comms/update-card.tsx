// One update in the comms tab: its state, text, component moves, who wrote it, and what can be
// done with it by this person (approve or refuse one they wrote none of, publish an approved one, discard a draft).
import { Time } from "~/components/ui/time.tsx";
import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { TextAreaField } from "~/components/ui/field.tsx";
import { Button } from "~/components/ui/button.tsx";
import { DeliveryCounts } from "~/components/comms/delivery-counts.tsx";
import { RefuseUpdate, ReturnedNote } from "~/components/comms/refuse-update.tsx";
import { LiveReportWords, REPORT_FORMAT_HINT, ReportWordsWarning } from "~/components/comms/report-words.tsx";
import { UpdateBody } from "~/components/status-page/update-body.tsx";
import { EVENT_STATUS_LABELS } from "~/modules/status-page/model.ts";
import { COMPONENT_STATUS_LABELS, type PublicIncidentStatus } from "~/modules/status-page/model.ts";
import { contributorRefusal, writtenBy } from "~/modules/two-person-rule/contributors.ts";
import { approvalHolds, approvedText, UPDATE_STATE_LABELS, type PromiseOutcome } from "~/modules/updates/rules.ts";
import type { CommsFormOutcome } from "~/modules/updates/forms.ts";
import type { UpdateView } from "~/modules/updates/views.ts";
import { outcomeErrors } from "~/utils/form-outcome.ts";
import { inUtc, readerTime } from "~/utils/time.ts";

export type Abilities = {
  actorId: string;
  canDraft: boolean;
  canApprove: boolean;
  canPublish: boolean;
  canSeeDeliveries: boolean;
  sev1: boolean;
};

const STATE_LOOK = {
  draft: "bg-slate-200 text-slate-900",
  awaiting_approval: "bg-amber-200 text-amber-950",
  approved: "bg-sky-200 text-sky-950",
  published: "bg-emerald-100 text-emerald-900",
} as const;

const PROMISE_TEXT: Record<PromiseOutcome, string> = {
  kept: "Next update came in time",
  missed: "Next update was late",
  pending: "Next update still due",
};

function ActionButton({
  update,
  intent,
  label,
  variant = "secondary",
}: {
  update: UpdateView;
  intent: string;
  label: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const fetcher = useFetcher<CommsFormOutcome>();
  const refusal = Object.values(outcomeErrors(fetcher.data))[0];
  return (
    <fetcher.Form method="post" className="inline">
      <input type="hidden" name="updateId" value={update.id} />
      <Button type="submit" name="intent" value={intent} variant={variant} disabled={fetcher.state !== "idle"}>
        {label}
      </Button>
      {refusal ? (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {refusal}
        </span>
      ) : null}
    </fetcher.Form>
  );
}

/** Rewording a draft in place; an approved one goes back for approval when its words change. */
function EditBody({ update, onDone }: { update: UpdateView; onDone: () => void }) {
  const fetcher = useFetcher<CommsFormOutcome>();
  const errors = outcomeErrors(fetcher.data);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) onDone();
  }, [fetcher.state, fetcher.data, onDone]);
  const report = update.status === "postmortem";
  const [text, setText] = useState(update.body);
  return (
    <fetcher.Form method="post" className="mt-2">
      <input type="hidden" name="updateId" value={update.id} />
      <TextAreaField
        label="Message"
        name="body"
        rows={report ? 16 : 5}
        value={text}
        onChange={(e) => setText(e.target.value)}
        hint={report ? REPORT_FORMAT_HINT : undefined}
        error={errors.body ?? errors._}
      />
      {report ? <LiveReportWords text={text} /> : null}
      {update.state === "approved" ? <p className="mb-2 text-xs text-amber-900">Changing the words withdraws the approval.</p> : null}
      <div className="flex gap-2">
        <Button type="submit" name="intent" value="edit" disabled={fetcher.state !== "idle"}>
          Save
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </fetcher.Form>
  );
}

function when(iso: string) {
  return (
    <>
      <Time at={iso} /> ({inUtc(iso, "HH:mm")})
    </>
  );
}

/** Approve, disabled, with why this person may not (they wrote some of the text). */
function ApproveRefused({ reason }: { reason: string }) {
  const id = useId();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button type="button" variant="primary" disabled aria-describedby={id}>
        Approve
      </Button>
      <span id={id} className="text-xs text-amber-900" data-testid="approve-refused">
        {reason}
      </span>
    </span>
  );
}

export function UpdateCard({
  update,
  can,
  timeZone,
  promise,
}: {
  update: UpdateView;
  can: Abilities;
  timeZone: string;
  promise?: PromiseOutcome;
}) {
  const mine = update.author.id === can.actorId;
  const written = { authorId: update.author.id, contributorIds: update.contributors.map((c) => c.id) };
  const approvalAsked = can.sev1 || update.status === "postmortem";
  const needsApproval = approvalAsked && !approvalHolds({ ...written, approvedById: update.approvedBy?.id ?? null });
  const approvable = update.state === "awaiting_approval" || update.state === "draft" || (update.state === "approved" && needsApproval);
  const refusal = contributorRefusal(approvedText(update.status), written, can.actorId);
  const [editing, setEditing] = useState(false);
  return (
    <li
      id={`update-${update.id}`}
      className="scroll-mt-4 rounded-lg border border-slate-300 bg-white p-3 shadow-sm target:outline target:outline-2 target:outline-sky-600"
      data-testid="update-card"
      data-state={update.state}
    >
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STATE_LOOK[update.state]}`}>
          {UPDATE_STATE_LABELS[update.state]}
        </span>
        <span className="font-semibold">{EVENT_STATUS_LABELS[update.status as PublicIncidentStatus] ?? update.status}</span>
        <span className="text-slate-600">
          by {update.author.name}
          {update.approvedBy ? `, approved by ${update.approvedBy.name}` : ""}
        </span>
        <span className="ml-auto text-xs text-slate-600">{update.publishedAt ? when(update.publishedAt) : when(update.createdAt)}</span>
      </div>
      {editing ? (
        <EditBody update={update} onDone={() => setEditing(false)} />
      ) : (
        <UpdateBody body={update.body} status={update.status} className="mt-2 text-sm text-slate-900" />
      )}
      {update.state === "draft" && update.returned && !editing ? <ReturnedNote returned={update.returned} /> : null}
      {editing ? null : <ReportWordsWarning issues={update.lint} />}
      {update.components.length ? (
        <ul className="mt-2 text-xs text-slate-700">
          {update.components.map((c) => (
            <li key={c.id}>
              {c.name}: {c.oldStatus ? `${COMPONENT_STATUS_LABELS[c.oldStatus]} → ` : "→ "}
              {COMPONENT_STATUS_LABELS[c.status]}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-1 text-xs text-slate-600">
        {update.notify ? "Notifies subscribers" : "No notifications"}
        {update.nextUpdateInMinutes
          ? ` · promises the next update ${update.nextUpdateAt ? `by ${readerTime(update.nextUpdateAt, timeZone, "HH:mm").text}` : `within ${update.nextUpdateInMinutes} min`}`
          : ""}
        {promise ? <span className={promise === "missed" ? "font-semibold text-red-700" : ""}> · {PROMISE_TEXT[promise]}</span> : null}
      </p>
      {update.state === "published" && update.notify && can.canSeeDeliveries ? <DeliveryCounts updateId={update.id} /> : null}
      {update.state !== "published" && !editing ? (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {can.canDraft ? (
            <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
              Edit
            </Button>
          ) : null}
          {update.state === "draft" && can.canDraft && needsApproval ? (
            <ActionButton update={update} intent="request-approval" label="Send for approval" />
          ) : null}
          {approvalAsked ? (
            <span className="text-xs text-slate-700" data-testid="written-by">
              {writtenBy(update.author, update.contributors)}
            </span>
          ) : null}
          {approvable && approvalAsked && can.canApprove ? (
            refusal ? (
              <ApproveRefused reason={refusal} />
            ) : (
              <>
                <ActionButton update={update} intent="approve" label="Approve" variant={can.canPublish ? "secondary" : "primary"} />
                {/* one step for an approver who may publish: the two-person rule is checked as for Approve */}
                {can.canPublish ? (
                  <ActionButton update={update} intent="approve-publish" label="Approve and publish" variant="primary" />
                ) : null}
                {update.state === "awaiting_approval" ? <RefuseUpdate update={update} /> : null}
              </>
            )
          ) : null}
          {update.state === "awaiting_approval" && mine ? (
            <span className="text-xs text-amber-900">Waiting for a second person to approve.</span>
          ) : null}
          {can.canPublish && update.state !== "awaiting_approval" && !needsApproval ? (
            <ActionButton update={update} intent="publish" label="Publish" variant="primary" />
          ) : null}
          {can.canDraft ? <ActionButton update={update} intent="discard" label="Discard" variant="danger" /> : null}
        </div>
      ) : null}
    </li>
  );
}
