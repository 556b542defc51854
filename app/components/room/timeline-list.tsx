import { Form, useFetcher } from "@remix-run/react";
import { Time } from "~/components/ui/time.tsx";
import { useEffect, useRef, useState } from "react";
import { BareLinks, RichText } from "~/components/rich-text.tsx";
import { Button } from "~/components/ui/button.tsx";
import type { RoomFormOutcome } from "~/modules/incidents/forms.ts";
import type { TimelineEntryView } from "~/modules/timeline/view.ts";
import { outcomeErrors } from "~/utils/form-outcome.ts";
import { KIND_LABELS } from "./composer.tsx";
import type { PendingEntry } from "./outbox.ts";

const KIND_STYLE: Record<string, string> = {
  note: "bg-slate-100 text-slate-800",
  action: "bg-blue-100 text-blue-900",
  decision: "bg-purple-100 text-purple-900",
  observation: "bg-teal-100 text-teal-900",
  hypothesis: "bg-amber-100 text-amber-900",
  "customer-impact": "bg-red-100 text-red-900",
  "status-change": "bg-slate-200 text-slate-800",
  "update-published": "bg-green-100 text-green-900",
};

function KindTag({ kind }: { kind: string }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${KIND_STYLE[kind] ?? ""}`}>{KIND_LABELS[kind] ?? kind}</span>;
}

function EntryActions({ entry, onEdit }: { entry: TimelineEntryView; onEdit: () => void }) {
  const fetcher = useFetcher<RoomFormOutcome>();
  return (
    <div className="flex gap-1 opacity-100 sm:opacity-0 sm:group-hover:opacity-100 sm:group-focus-within:opacity-100">
      <fetcher.Form method="post">
        <input type="hidden" name="entryId" value={entry.id} />
        <input type="hidden" name="pinned" value={entry.pinned ? "false" : "true"} />
        <Button variant="ghost" name="intent" value="pin-entry" className="px-2 py-0.5 text-xs">
          {entry.pinned ? "Unpin" : "Pin"}
        </Button>
      </fetcher.Form>
      {entry.kind !== "status-change" ? (
        <Button variant="ghost" type="button" onClick={onEdit} className="px-2 py-0.5 text-xs">
          Edit
        </Button>
      ) : null}
      {entry.kind !== "status-change" && entry.kind !== "update-published" ? (
        <Form method="post" action={`/incidents/${entry.incidentId}/comms`}>
          <input type="hidden" name="entryId" value={entry.id} />
          <Button
            variant="ghost"
            name="intent"
            value="promote"
            className="px-2 py-0.5 text-xs"
            title="Start a draft status-page update from this entry"
          >
            To update
          </Button>
        </Form>
      ) : null}
      <fetcher.Form method="post">
        <input type="hidden" name="entryId" value={entry.id} />
        <Button variant="ghost" name="intent" value="delete-entry" className="px-2 py-0.5 text-xs text-red-800">
          Delete
        </Button>
      </fetcher.Form>
    </div>
  );
}

function EditEntry({ entry, onDone }: { entry: TimelineEntryView; onDone: () => void }) {
  const fetcher = useFetcher<RoomFormOutcome>();
  const errors = outcomeErrors(fetcher.data);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) onDone();
  }, [fetcher.state, fetcher.data, onDone]);
  return (
    <fetcher.Form method="post" className="mt-1">
      <input type="hidden" name="entryId" value={entry.id} />
      <label className="sr-only" htmlFor={`edit-${entry.id}`}>
        Edit entry
      </label>
      <textarea
        id={`edit-${entry.id}`}
        ref={ref}
        name="body"
        defaultValue={entry.body}
        rows={3}
        className="w-full rounded border border-slate-400 p-2 text-sm"
        onKeyDown={(e) => e.key === "Escape" && onDone()}
      />
      {fetcher.data?.ok === false ? <p className="text-sm text-red-700">{Object.values(errors).join(" ")}</p> : null}
      <div className="mt-1 flex gap-2">
        <Button name="intent" value="edit-entry" className="text-xs">
          Save
        </Button>
        <Button type="button" variant="secondary" onClick={onDone} className="text-xs">
          Cancel
        </Button>
      </div>
    </fetcher.Form>
  );
}

type Revision = { kind: string; body: string; replacedAt: string; replacedBy: { name: string } | null };

/** "(edited 14:05)" opens the earlier versions of the entry, read from the API on demand. */
function EditHistory({ entry }: { entry: TimelineEntryView; timeZone: string }) {
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  return (
    <details
      className="text-xs text-slate-600"
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open && !revisions) {
          void fetch(`/api/v1/incidents/${entry.incidentId}/timeline/${entry.id}`)
            .then((r) => r.json())
            .then((body: { revisions: Revision[] }) => setRevisions(body.revisions));
        }
      }}
    >
      <summary className="cursor-pointer">
        edited <Time at={entry.editedAt!} format="HH:mm" />
      </summary>
      <ol className="mt-1 space-y-1 border-l-2 border-slate-300 pl-2">
        {revisions === null ? <li>Loading…</li> : null}
        {revisions?.map((r) => (
          <li key={r.replacedAt}>
            <span className="font-medium">{KIND_LABELS[r.kind] ?? r.kind}</span>, replaced <Time at={r.replacedAt} format="HH:mm" />
            {r.replacedBy ? ` by ${r.replacedBy.name}` : ""}:{" "}
            <span className="whitespace-pre-wrap">
              <BareLinks text={r.body} />
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}

const MARKED = "bg-sky-50 outline outline-2 outline-sky-600";

function Entry({ entry, timeZone, canWrite, marked }: { entry: TimelineEntryView; timeZone: string; canWrite: boolean; marked: boolean }) {
  const [editing, setEditing] = useState(false);
  const deleted = entry.deletedAt !== null;
  return (
    <li
      id={`entry-${entry.seq}`}
      className={`group relative scroll-mt-4 border-b border-slate-200 px-3 py-1.5 target:bg-sky-50 target:outline target:outline-2 target:outline-sky-600 ${marked ? MARKED : entry.pinned ? "bg-amber-50" : ""}`}
      aria-current={marked ? "location" : undefined}
      data-seq={entry.seq}
      data-testid="timeline-entry"
    >
      {/* who and when beside what, wrapping below it on a narrow screen: a short entry is one line (decision 0044) */}
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
        <div className="flex shrink-0 flex-wrap items-center gap-2 text-sm sm:w-80">
          <Time at={entry.occurredAt} format="HH:mm" className="font-mono text-slate-700" />
          <KindTag kind={entry.kind} />
          <span className="font-medium">{entry.author?.name ?? "System"}</span>
          {entry.pinned ? <span className="text-xs font-semibold text-amber-800">Pinned</span> : null}
          {entry.editedAt && !deleted ? <EditHistory entry={entry} timeZone={timeZone} /> : null}
        </div>
        <div className="min-w-0 flex-1 basis-80">
          {deleted ? (
            <p className="text-sm italic text-slate-600">Entry deleted.</p>
          ) : editing ? (
            <EditEntry entry={entry} onDone={() => setEditing(false)} />
          ) : (
            <RichText doc={entry.doc} className="text-sm" bareLinks />
          )}
        </div>
      </div>
      {canWrite && !deleted && !editing ? (
        <div className="sm:absolute sm:right-2 sm:top-1 sm:rounded sm:group-focus-within:bg-white sm:group-hover:bg-white sm:group-focus-within:shadow sm:group-hover:shadow">
          <EntryActions entry={entry} onEdit={() => setEditing(true)} />
        </div>
      ) : null}
    </li>
  );
}

export function TimelineList(props: {
  entries: TimelineEntryView[];
  /** the entry the room was opened on (`?entry=`), marked as a link's target is */
  markedSeq?: number | null;
  /** above and below the entries: the controls that load the rest of the timeline */
  before?: React.ReactNode;
  after?: React.ReactNode;
  pending: PendingEntry[];
  timeZone: string;
  canWrite: boolean;
  onDiscard: (key: string) => void;
  onRetry: () => void;
}) {
  const { entries, pending, timeZone, canWrite } = props;
  const sorted = [...entries].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.seq - b.seq);
  return (
    <div className="rounded-lg border border-slate-300 bg-white">
      {props.before}
      <ol aria-label="Timeline entries">
        {sorted.length === 0 && pending.length === 0 ? <li className="p-4 text-sm text-slate-600">No entries yet.</li> : null}
        {sorted.map((entry) => (
          <Entry key={entry.id} entry={entry} timeZone={timeZone} canWrite={canWrite} marked={entry.seq === props.markedSeq} />
        ))}
        {pending.map((p, i) => (
          <li
            key={p.idempotencyKey}
            className="border-b border-dashed border-slate-300 bg-slate-50 px-3 py-2 text-slate-600"
            data-testid="pending-entry"
          >
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <KindTag kind={p.kind} />
              <span>
                {p.lastError?.startsWith("Rejected")
                  ? p.lastError
                  : p.lastError
                    ? `Not sent yet (${p.lastError}), retrying…`
                    : i === 0
                      ? "Sending…"
                      : "Waiting to send…"}
              </span>
              {p.lastError?.startsWith("Rejected") ? (
                <Button variant="ghost" className="ml-auto px-2 py-0.5 text-xs" onClick={() => props.onDiscard(p.idempotencyKey)}>
                  Discard
                </Button>
              ) : p.lastError ? (
                <Button variant="ghost" className="ml-auto px-2 py-0.5 text-xs" onClick={props.onRetry}>
                  Retry now
                </Button>
              ) : null}
            </div>
            <RichText doc={p.doc} className="mt-1 text-sm" bareLinks />
          </li>
        ))}
      </ol>
      {props.after}
    </div>
  );
}
