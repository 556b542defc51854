import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { SearchResultList } from "~/components/search/search-results.tsx";
import { Button } from "~/components/ui/button.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { MAX_QUERY_LENGTH, SEARCH_KINDS, SEARCH_KIND_PLURALS, SearchParamsSchema } from "~/modules/search/query.ts";
import { search } from "~/modules/search/search.server.ts";
import { fieldErrors } from "~/utils/http.server.ts";
import { pageLoader } from "~/utils/page-boundary.server.ts";

const PAGE_SIZE = 20;

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const view = { q: params.q ?? "", kind: params.kinds ?? "", timeZone: actor.timeZone };
  if (!view.q.trim()) return { ...view, page: null, error: null };
  const parsed = SearchParamsSchema.safeParse({ ...params, limit: PAGE_SIZE });
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    const error = fields.q ? `The search ${fields.q}.` : "Some search options were not valid.";
    return data({ ...view, page: null, error }, { status: 400 });
  }
  const { q, ...options } = parsed.data;
  return { ...view, page: await search(q, options), error: null };
});

export default function SearchPage() {
  const { q, kind, page, error, timeZone } = useLoaderData<typeof loader>();
  const next = new URLSearchParams({ q, ...(kind ? { kinds: kind } : {}) });
  if (page?.nextCursor) next.set("cursor", page.nextCursor);
  return (
    <div className="max-w-4xl">
      <PageHeader title="Search" />
      <Form
        method="get"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-300 bg-white p-3"
        aria-label="Search"
      >
        <label className="min-w-64 flex-1 text-sm">
          Words or a "quoted phrase"
          <input
            type="search"
            name="q"
            defaultValue={q}
            required
            maxLength={MAX_QUERY_LENGTH}
            className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm"
          />
        </label>
        <label className="text-sm">
          In
          <select name="kinds" defaultValue={kind} className="mt-1 block rounded border border-slate-400 bg-white px-2 py-1 text-sm">
            <option value="">Everything</option>
            {SEARCH_KINDS.map((k) => (
              <option key={k} value={k}>
                {SEARCH_KIND_PLURALS[k]}
              </option>
            ))}
          </select>
        </label>
        <Button>Search</Button>
      </Form>
      <p className="mb-4 text-xs text-slate-600">
        Every word must appear (in any form: <i>blocked</i> finds <i>blocking</i>); put a phrase in quotes; a word after a minus sign (
        <i>-attack</i>) must not. Deleted timeline entries are not searched.
      </p>
      {error ? (
        <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {error}
        </p>
      ) : null}
      {page ? (
        page.results.length ? (
          <>
            <SearchResultList results={page.results} timeZone={timeZone} />
            {page.nextCursor ? (
              <p className="mt-3">
                <Link to={`/search?${next}`}>More results</Link>
              </p>
            ) : null}
          </>
        ) : (
          <p className="rounded-lg border border-slate-300 bg-white p-6 text-center text-slate-600">Nothing matches “{q}”.</p>
        )
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.q ? `${data.q} · Search · Incident Desk` : "Search · Incident Desk" },
];

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      byStatus={{ 400: { title: "Search", message: "This search could not be read; start it again from the search box." } }}
    />
  );
}
