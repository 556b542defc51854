// Subscribers for admins and comms: find an address, see where its consent stands, remove it,
// export everyone who gets notices, import addresses confirmed elsewhere.
import { isDomainError } from "~/utils/errors.ts";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import {
  ImportForm,
  RemoveSubscriber,
  rowsRefused,
  subscriberState,
  When,
  type SubscriberOutcome,
} from "~/components/admin/subscriber-forms.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { Button } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import type { Actor } from "~/modules/auth/actor.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { listSubscribers, removeSubscriber } from "~/modules/subscribers/subscribers.server.ts";
import { csvFromUpload, importSubscribersCsv, readImportForm } from "~/modules/subscribers/transfer.server.ts";
import { parseQuery } from "~/utils/http.server.ts";
import { readIntent, unhandledIntent } from "~/utils/form.server.ts";
import { outcomeErrors } from "~/utils/form-outcome.ts";
import { formRefusal, pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

const QuerySchema = z.object({ q: z.string().trim().max(254).optional(), after: z.string().max(64).optional() });
const PAGE_SIZE = 50;

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "subscriber:write");
  const { q, after } = parseQuery(request, QuerySchema);
  const page = await listSubscribers({ search: q || undefined, cursor: after, limit: PAGE_SIZE });
  return { ...page, q: q ?? "", timeZone: actor.timeZone };
});

const Intent = z.enum(["import", "remove"]);

export const action = pageAction(async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "subscriber:write");
  const form = await readImportForm(request);
  let intent: z.output<typeof Intent>;
  try {
    intent = readIntent(form, Intent);
  } catch (error) {
    const refusal = formRefusal(error);
    return data<SubscriberOutcome>({ form: "import", ok: false, errors: refusal.errors }, refusal.init);
  }
  switch (intent) {
    case "remove":
      return remove(actor, form);
    case "import":
      return importCsv(actor, form);
    default:
      return unhandledIntent(intent);
  }
});

async function remove(actor: Actor, form: FormData) {
  const id = String(form.get("id") ?? "");
  // only to say what was removed
  const email = String(form.get("email") ?? "the subscriber");
  try {
    await removeSubscriber(actor, id);
    return data<SubscriberOutcome>({ form: "remove", ok: true, email });
  } catch (error) {
    if (isDomainError(error, "not_found"))
      return data<SubscriberOutcome>({ form: "remove", ok: false, errors: { _: "That subscriber was already removed." } }, { status: 404 });
    throw error;
  }
}

async function importCsv(actor: Actor, form: FormData) {
  const upload = await csvFromUpload(form);
  if ("error" in upload) return data<SubscriberOutcome>({ form: "import", ok: false, errors: { _: upload.error } }, { status: 422 });
  const outcome = await importSubscribersCsv(actor, upload.text);
  if (!outcome.ok)
    return data<SubscriberOutcome>(
      { form: "import", ok: false, errors: { _: rowsRefused(outcome.errors) }, rows: outcome.errors },
      { status: 422 },
    );
  return data<SubscriberOutcome>({ form: "import", ok: true, imported: outcome.imported, created: outcome.created });
}

export default function AdminSubscribers() {
  const { subscribers, nextCursor, q, timeZone } = useLoaderData<typeof loader>();
  const outcome = useActionData<SubscriberOutcome>();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <Form method="get" role="search" className="flex flex-wrap items-end gap-2">
          <label className="text-sm font-medium text-slate-800">
            Address contains
            <input
              type="search"
              name="q"
              defaultValue={q}
              className="mt-1 block w-64 rounded border border-slate-400 bg-white px-2 py-1.5 text-sm"
            />
          </label>
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </Form>
        <a
          href="/admin/subscribers.csv"
          download
          className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 no-underline hover:bg-slate-100 hover:no-underline"
        >
          Export CSV
        </a>
      </div>
      {outcome?.form === "remove" ? (
        <p
          role={outcome.ok ? "status" : "alert"}
          className={`rounded border px-3 py-2 text-sm ${outcome.ok ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-red-300 bg-red-50 text-red-800"}`}
        >
          {outcome.ok ? `Removed ${outcome.email}.` : outcomeErrors(outcome)._}
        </p>
      ) : null}
      {subscribers.length ? (
        <DataTable headers={["Email", "State", "Components", "Asked", "Confirmed", "Unsubscribed", ""]}>
          {subscribers.map((s) => {
            const state = subscriberState(s);
            return (
              <tr key={s.id} className="border-b border-slate-200 align-top last:border-0" data-testid="subscriber-row">
                <td className="px-3 py-2 font-medium">
                  {s.email}
                  <span className="block text-xs font-normal text-slate-600">via {s.source}</span>
                </td>
                <td className="px-3 py-2">
                  <span className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-semibold ${state.look}`}>{state.label}</span>
                  {s.bouncedAt ? (
                    <span className="mt-1 block whitespace-nowrap text-xs text-slate-700" data-testid="bounced-at">
                      hard bounce <When at={s.bouncedAt} timeZone={timeZone} />
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2">
                  {s.components.length ? s.components.map((c) => c.name).join(", ") : <span className="text-slate-600">All</span>}
                </td>
                <td className="whitespace-nowrap px-3 py-2">
                  <When at={s.askedAt} timeZone={timeZone} />
                </td>
                <td className="whitespace-nowrap px-3 py-2">
                  <When at={s.confirmedAt} timeZone={timeZone} />
                </td>
                <td className="whitespace-nowrap px-3 py-2">
                  <When at={s.unsubscribedAt} timeZone={timeZone} />
                </td>
                <td className="px-3 py-2">
                  <RemoveSubscriber subscriber={s} />
                </td>
              </tr>
            );
          })}
        </DataTable>
      ) : (
        <p className="text-sm text-slate-600">{q ? "No subscriber's address contains that." : "No subscribers yet."}</p>
      )}
      {nextCursor ? (
        <p className="text-sm">
          <Link to={`?${new URLSearchParams({ ...(q ? { q } : {}), after: nextCursor })}`}>Next {"→"}</Link>
        </p>
      ) : null}
      <ImportForm outcome={outcome} />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Subscribers · Admin · Incident Desk" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary byStatus={{ 403: { message: "Only admins and comms manage subscribers." } }} />;
}
