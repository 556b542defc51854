// Every open action item across post-mortems, overdue first, then by due date, then
// priority; "Mine" shows the signed-in person's own. Whoever may write post-mortems moves an
// item's state in place (a small form: it works without JavaScript too).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useFetcher, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ActionItemDue, ActionItemStateSelect } from "~/components/action-items/parts.tsx";
import { Button } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { updateActionItem } from "~/modules/action-items/action-items.server.ts";
import { listActionItems } from "~/modules/action-items/queries.server.ts";
import { ACTION_ITEM_KIND_LABELS, ACTION_ITEM_PRIORITY_LABELS, describeDue } from "~/modules/action-items/rules.ts";
import { ActionItemFiltersSchema, ActionItemPatchSchema } from "~/modules/action-items/schemas.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { can } from "~/modules/auth/roles.ts";
import { ACTION_ITEM_STATE_LABELS } from "~/modules/postmortems/sections.ts";
import { readForm } from "~/utils/form.server.ts";
import { parseWith } from "~/utils/http.server.ts";
import { formFailed, pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

const PAGE_SIZE = 100;
/** One fetcher for every row's state form, so the page can say what the last change did. */
const STATE_FETCHER = "action-item-state";

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const search = new URL(request.url).searchParams;
  const mine = search.get("owner") === "me";
  const overdueOnly = search.get("overdue") === "1";
  const filters = ActionItemFiltersSchema.parse({
    state: "open,in_progress",
    owner: mine ? "me" : undefined,
    overdue: overdueOnly ? "1" : undefined,
    cursor: search.get("cursor") ?? undefined,
    limit: PAGE_SIZE,
  });
  const now = new Date();
  const page = await listActionItems(actor.userId, filters, now);
  return {
    items: page.actionItems.map((item) => ({ ...item, due: describeDue(item, now) })),
    nextCursor: page.nextCursor,
    mine,
    overdueOnly,
    canEdit: can(actor.role, "postmortem:write"),
  };
});

type StateOutcome =
  { ok: true; title: string; state: keyof typeof ACTION_ITEM_STATE_LABELS } | { ok: false; errors: Record<string, string> };

export const action = pageAction(async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "postmortem:write");
  const form = await readForm(request);
  try {
    const patch = parseWith(ActionItemPatchSchema, { state: form.get("state") || undefined });
    const item = await updateActionItem(actor, String(form.get("id") ?? ""), patch);
    return { ok: true as const, title: item.title, state: item.state };
  } catch (error) {
    return formFailed(error);
  }
});

function StateForm({ item }: { item: { id: string; title: string; state: keyof typeof ACTION_ITEM_STATE_LABELS } }) {
  const fetcher = useFetcher<StateOutcome>({ key: STATE_FETCHER });
  const location = useLocation();
  return (
    <fetcher.Form method="post" action={`${location.pathname}${location.search}`} className="flex items-center gap-2 whitespace-nowrap">
      <input type="hidden" name="id" value={item.id} />
      <ActionItemStateSelect key={`${item.id}-${item.state}`} label={`State of “${item.title}”`} defaultValue={item.state} />
      <Button type="submit" variant="secondary" disabled={fetcher.state !== "idle"}>
        Save
      </Button>
    </fetcher.Form>
  );
}

function LastChange() {
  const fetched = useFetcher<StateOutcome>({ key: STATE_FETCHER }).data;
  const posted = useActionData<StateOutcome>();
  const outcome = fetched ?? posted;
  if (!outcome) return null;
  if (!outcome.ok) {
    return (
      <p role="alert" className="mb-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
        {Object.values(outcome.errors).join(" ")}
      </p>
    );
  }
  return (
    <p role="status" className="mb-3 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
      “{outcome.title}” is now {ACTION_ITEM_STATE_LABELS[outcome.state].toLowerCase()}.
    </p>
  );
}

function FilterLink({ to, current, children }: { to: string; current: boolean; children: React.ReactNode }) {
  return (
    <Link
      to={to}
      aria-current={current ? "page" : undefined}
      className={`rounded-full border px-3 py-1 text-sm no-underline hover:no-underline ${current ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`}
    >
      {children}
    </Link>
  );
}

export default function ActionItems() {
  const { items, nextCursor, mine, overdueOnly, canEdit } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const query = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    next.delete("cursor");
    for (const [key, value] of Object.entries(changes)) value === null ? next.delete(key) : next.set(key, value);
    const text = next.toString();
    return text ? `?${text}` : "/action-items";
  };
  return (
    <div>
      <PageHeader title="Action items" />
      <p className="mb-3 text-sm text-slate-700">
        Open and in-progress items from every post-mortem: overdue first, then by due date, then priority.
      </p>
      <nav aria-label="Filter action items" className="mb-4 flex flex-wrap gap-2">
        <FilterLink to={query({ owner: null })} current={!mine}>
          Everyone’s
        </FilterLink>
        <FilterLink to={query({ owner: "me" })} current={mine}>
          Mine
        </FilterLink>
        <FilterLink to={query({ overdue: overdueOnly ? null : "1" })} current={overdueOnly}>
          Overdue only
        </FilterLink>
      </nav>
      <LastChange />
      <DataTable headers={["Action item", "Post-mortem", "Owner", "Due", "Priority", "State"]}>
        {items.length === 0 ? (
          <tr>
            <td colSpan={6} className="px-3 py-6 text-center text-slate-600">
              {mine ? "Nothing open is yours." : overdueOnly ? "Nothing is overdue." : "No open action items."}
            </td>
          </tr>
        ) : null}
        {items.map((item) => (
          <tr
            key={item.id}
            data-testid="action-item"
            className={`border-b border-slate-200 last:border-0 ${item.due.overdue ? "bg-red-50" : ""}`}
          >
            <td className="px-3 py-2">
              <div className="font-medium">{item.title}</div>
              <div className="text-xs text-slate-600">
                {ACTION_ITEM_KIND_LABELS[item.kind]}
                {item.trackerUrl ? (
                  <>
                    {" · "}
                    <a href={item.trackerUrl} rel="noreferrer noopener" target="_blank" className="underline">
                      Tracker
                    </a>
                  </>
                ) : null}
              </div>
            </td>
            <td className="px-3 py-2">
              <Link to={`/postmortems/${item.postmortem.id}`}>{item.postmortem.title}</Link>
              <div className="text-xs">
                <Link to={`/incidents/${item.incident.ref}`} className="inline-block py-1.5 text-slate-700">
                  Incident {item.incident.ref}
                </Link>
              </div>
            </td>
            <td className="px-3 py-2">{item.owner?.name ?? <span className="text-slate-600">No owner</span>}</td>
            <td className="px-3 py-2 whitespace-nowrap">
              <ActionItemDue due={item.due} dueAt={item.dueAt} />
            </td>
            <td className="px-3 py-2">{ACTION_ITEM_PRIORITY_LABELS[item.priority]}</td>
            <td className="px-3 py-2">{canEdit ? <StateForm item={item} /> : ACTION_ITEM_STATE_LABELS[item.state]}</td>
          </tr>
        ))}
      </DataTable>
      <nav aria-label="Pages" className="mt-3 flex gap-3 text-sm">
        {params.get("cursor") ? <Link to={query({})}>First page</Link> : null}
        {nextCursor ? (
          <Link to={`?${new URLSearchParams({ ...Object.fromEntries(params), cursor: nextCursor })}`}>More action items →</Link>
        ) : null}
      </nav>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Action items · Incident Desk" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
