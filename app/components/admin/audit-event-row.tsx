// One audit event as a table row: when (the admin's zone, UTC beside it), who, what, the
// entity (a link where a page shows it), and the fields it changed, with the raw JSON on demand.
import { Time } from "~/components/ui/time.tsx";
import { entityTypeInWords, valueInWords } from "~/modules/audit/describe.ts";
import type { AuditEventView } from "~/modules/audit/event-view.ts";
import { inUtc } from "~/utils/time.ts";

/** An event as the loader sends it (a type only: nothing of the server module reaches the browser). */
export type AuditRowEvent = Omit<AuditEventView, "requestId">;

function Who({ actor }: { actor: AuditRowEvent["actor"] }) {
  if (actor.kind === "system") return <span className="text-slate-600">The app itself</span>;
  return (
    <>
      {actor.kind === "token" ? <span className="block font-medium">API token {actor.token.name}</span> : null}
      <span className={actor.kind === "token" ? "block text-xs text-slate-600" : "block font-medium"} title={actor.email}>
        {actor.kind === "token" ? "of " : ""}
        {actor.name}
      </span>
      <span className="block text-xs text-slate-600">{actor.email}</span>
    </>
  );
}

function Changes({ event }: { event: AuditRowEvent }) {
  const shown = event.changes.slice(0, 12);
  const raw = JSON.stringify({ before: event.before ?? null, after: event.after ?? null }, null, 2);
  return (
    <div>
      {shown.length ? (
        <dl className="space-y-1 text-xs" aria-label={`Changed fields of ${event.actionText}`}>
          {shown.map((c) => (
            <div key={c.field}>
              <dt className="inline font-mono text-slate-700">{c.field}: </dt>
              <dd className="inline wrap-anywhere">
                <del
                  className="bg-red-50 px-0.5 text-red-900 decoration-red-400"
                  title={c.beforeName ? `before: ${valueInWords(c.before, 300)}` : "before"}
                >
                  {c.beforeName ?? valueInWords(c.before, 120)}
                </del>
                <span aria-hidden="true"> → </span>
                <span className="sr-only"> became </span>
                <ins
                  className="bg-green-50 px-0.5 text-green-900 no-underline"
                  title={c.afterName ? `after: ${valueInWords(c.after, 300)}` : "after"}
                >
                  {c.afterName ?? valueInWords(c.after, 120)}
                </ins>
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <span className="text-xs text-slate-600">No fields recorded</span>
      )}
      {event.changes.length > shown.length ? (
        <p className="text-xs text-slate-600">and {event.changes.length - shown.length} more fields</p>
      ) : null}
      {event.before != null || event.after != null ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-slate-700">Raw JSON</summary>
          <pre className="mt-1 max-h-80 max-w-xl overflow-auto rounded bg-slate-100 p-2 text-xs">{raw}</pre>
        </details>
      ) : null}
    </div>
  );
}

export function AuditEventRow({ event }: { event: AuditRowEvent; timeZone: string }) {
  return (
    <tr className="border-b border-slate-200 align-top last:border-0" data-audit-event={event.id}>
      <td className="whitespace-nowrap px-3 py-2">
        <Time at={event.at} format="d MMM yyyy HH:mm:ss" className="block" />
        <span className="block text-xs text-slate-600">{inUtc(event.at, "d MMM HH:mm:ss")}</span>
      </td>
      <td className="px-3 py-2">
        <Who actor={event.actor} />
      </td>
      <td className="px-3 py-2">
        <span className="block font-medium">{event.actionText}</span>
        <span className="block font-mono text-xs text-slate-600">{event.action}</span>
      </td>
      <td className="min-w-[12rem] px-3 py-2">
        <span className="block whitespace-nowrap">{entityTypeInWords(event.entity.type)}</span>
        {event.entity.label ? (
          // the page reads in names; the id is on hover and in the exports
          event.entity.link ? (
            <a href={event.entity.link} className="block text-sm wrap-anywhere" title={`${event.entity.type} id ${event.entity.id}`}>
              {event.entity.label}
            </a>
          ) : (
            <span className="block text-sm wrap-anywhere" title={`${event.entity.type} id ${event.entity.id}`}>
              {event.entity.label}
            </span>
          )
        ) : event.entity.link ? (
          <a href={event.entity.link} className="break-all font-mono text-xs">
            {event.entity.id}
          </a>
        ) : (
          <span className="break-all font-mono text-xs text-slate-600">{event.entity.id}</span>
        )}
      </td>
      <td className="min-w-[24rem] px-3 py-2">
        <Changes event={event} />
      </td>
    </tr>
  );
}
