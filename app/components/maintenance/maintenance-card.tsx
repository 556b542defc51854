// One maintenance window as the team sees it: its window in the reader's zone and UTC, what it
// touches, the latest word on it, and (for admin and comms) the moves it may make next and a
// message form. Each form works as a plain post; with JavaScript it stays on the page.
import { Time } from "~/components/ui/time.tsx";
import { useRef } from "react";
import { useFormOutcome, useOnSuccess } from "~/components/admin/use-form-outcome.ts";
import { Button } from "~/components/ui/button.tsx";
import type { MaintenanceView } from "~/modules/maintenance/view.ts";
import { moveLabel } from "~/modules/maintenance/forms.ts";
import { MAINTENANCE_STATUS_LABELS, nextMaintenanceStatuses } from "~/modules/maintenance/lifecycle.ts";
import type { MaintenanceStatusName } from "~/modules/status-page/model.ts";
import { MAX_UPDATE_BODY } from "~/modules/updates/schemas.ts";
import { inUtc, inZone, readerTime, zoneLabel } from "~/utils/time.ts";
import type { MaintenanceFormOutcome } from "./schedule-form.tsx";

const STATUS_STYLE: Record<MaintenanceStatusName, string> = {
  scheduled: "bg-slate-100 text-slate-900 ring-slate-300",
  in_progress: "bg-blue-100 text-blue-900 ring-blue-300",
  verifying: "bg-indigo-100 text-indigo-900 ring-indigo-300",
  completed: "bg-green-100 text-green-900 ring-green-300",
};

export function MaintenanceStatusBadge({ status }: { status: MaintenanceStatusName }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${STATUS_STYLE[status]}`}>
      {MAINTENANCE_STATUS_LABELS[status]}
    </span>
  );
}

/** "25 Nov 14:00 – 16:00 CET" in the reader's zone and the same in UTC; a window over midnight names both days. */
function WindowTimes({ from, until, timeZone }: { from: string; until: string; timeZone: string }) {
  const sameDay = (zone: string) => inZone(from, zone, "yyyy-MM-dd") === inZone(until, zone, "yyyy-MM-dd");
  const range = (zone: string) =>
    `${inZone(from, zone, "d MMM yyyy HH:mm")} – ${inZone(until, zone, sameDay(zone) ? "HH:mm" : "d MMM yyyy HH:mm")}`;
  return (
    <p className="text-sm text-slate-800">
      <span className="sr-only">Window: </span>
      <time dateTime={from}>{range(timeZone)}</time> <span className="text-slate-600">{zoneLabel(timeZone, new Date(from))}</span>
      {/* the reader's zone may be UTC, or at UTC's offset that day */}
      {range(timeZone) === range("UTC") ? null : <span className="ml-2 text-slate-600">({range("UTC")} UTC)</span>}
    </p>
  );
}

/** "25 Nov 14:05 (13:05 UTC)", or only the first where the reader's time is UTC's. */
function withUtc(at: string, timeZone: string): string {
  const local = readerTime(at, timeZone).text;
  return zoneLabel(timeZone, at) === "UTC" ? local : `${local} (${inUtc(at, "HH:mm")})`;
}

function MoveButtons({ maintenance }: { maintenance: MaintenanceView }) {
  const { fetcher, errors, busy } = useFormOutcome<MaintenanceFormOutcome>(`move:${maintenance.id}`);
  const next = nextMaintenanceStatuses(maintenance.status);
  if (next.length === 0) return null;
  const message = errors._ ?? errors.status;
  return (
    <fetcher.Form method="post" className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="id" value={maintenance.id} />
      {next.map((to) => (
        <Button
          key={to}
          type="submit"
          name="status"
          value={to}
          variant="secondary"
          disabled={busy}
          aria-label={`${moveLabel(maintenance.status, to)}: ${maintenance.title}`}
        >
          {moveLabel(maintenance.status, to)}
        </Button>
      ))}
      {message ? (
        <span role="alert" className="basis-full text-sm text-red-700">
          {message}
        </span>
      ) : null}
    </fetcher.Form>
  );
}

function MessageForm({ maintenance }: { maintenance: MaintenanceView }) {
  const { fetcher, outcome, errors, busy } = useFormOutcome<MaintenanceFormOutcome>(`message:${maintenance.id}`);
  const formRef = useRef<HTMLFormElement>(null);
  useOnSuccess(fetcher, () => formRef.current?.reset());
  const message = errors.body ?? errors._;
  const typed = outcome && !outcome.ok ? outcome.values?.body : undefined;
  return (
    <fetcher.Form method="post" ref={formRef} className="flex flex-wrap items-start gap-2">
      <input type="hidden" name="intent" value="message" />
      <input type="hidden" name="id" value={maintenance.id} />
      <label className="min-w-0 flex-1">
        <span className="sr-only">Message about {maintenance.title}</span>
        <textarea
          name="body"
          rows={1}
          required
          maxLength={MAX_UPDATE_BODY}
          defaultValue={typed ?? ""}
          placeholder="Post a message to the public page…"
          aria-invalid={message ? true : undefined}
          className="block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-red-600"
        />
      </label>
      <Button type="submit" variant="secondary" disabled={busy}>
        {busy ? "Posting…" : "Post message"}
      </Button>
      {message ? (
        <span role="alert" className="basis-full text-sm text-red-700">
          {message}
        </span>
      ) : null}
    </fetcher.Form>
  );
}

export function MaintenanceCard({
  maintenance,
  timeZone,
  canChange,
}: {
  maintenance: MaintenanceView;
  timeZone: string;
  canChange: boolean;
}) {
  const latest = maintenance.updates[0];
  const headingId = `maintenance-${maintenance.id}`;
  return (
    <article aria-labelledby={headingId} data-testid="maintenance" className="space-y-2 rounded-lg border border-slate-300 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="font-semibold">
          {maintenance.title}
        </h3>
        <MaintenanceStatusBadge status={maintenance.status} />
      </div>
      <WindowTimes from={maintenance.scheduledFor} until={maintenance.scheduledUntil} timeZone={timeZone} />
      {maintenance.startedAt || maintenance.completedAt ? (
        <p className="text-xs text-slate-600">
          {maintenance.startedAt ? <>Started {withUtc(maintenance.startedAt, timeZone)}</> : null}
          {maintenance.startedAt && maintenance.completedAt ? " · " : null}
          {maintenance.completedAt ? <>Completed {withUtc(maintenance.completedAt, timeZone)}</> : null}
        </p>
      ) : null}
      <ul aria-label="Components" className="flex flex-wrap gap-1.5">
        {maintenance.components.map((c) => (
          <li key={c.id} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800 ring-1 ring-slate-200">
            {c.name}
          </li>
        ))}
      </ul>
      {latest ? (
        <div className="border-t border-slate-200 pt-2 text-sm">
          <p className="whitespace-pre-line text-slate-900">{latest.body}</p>
          <p className="mt-1 text-xs text-slate-600">
            {MAINTENANCE_STATUS_LABELS[latest.status as MaintenanceStatusName] ?? latest.status} · posted <Time at={latest.publishedAt} /> ·{" "}
            {maintenance.updates.length === 1 ? "1 message" : `${maintenance.updates.length} messages`}
          </p>
        </div>
      ) : null}
      {canChange && maintenance.status !== "completed" ? (
        <div className="space-y-2 border-t border-slate-200 pt-2">
          <MoveButtons maintenance={maintenance} />
          <MessageForm maintenance={maintenance} />
        </div>
      ) : null}
    </article>
  );
}
