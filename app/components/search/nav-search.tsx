// The one search box, in the main navigation: a plain GET form to /search, so it works
// without JavaScript. It shows the current query while on the search page.
import { Form, useLocation } from "@remix-run/react";
import { MAX_QUERY_LENGTH } from "~/modules/search/query.ts";

export function NavSearch() {
  const location = useLocation();
  const current = location.pathname === "/search" ? (new URLSearchParams(location.search).get("q") ?? "") : "";
  return (
    <Form
      method="get"
      action="/search"
      role="search"
      aria-label="Search incidents, timelines and post-mortems"
      className="flex items-center"
    >
      <label htmlFor="nav-search" className="sr-only">
        Search
      </label>
      <input
        id="nav-search"
        key={current}
        type="search"
        name="q"
        defaultValue={current}
        required
        maxLength={MAX_QUERY_LENGTH}
        placeholder="Search…"
        className="w-24 rounded border border-slate-600 bg-slate-800 px-2 py-1 text-sm text-white placeholder:text-slate-400 focus:outline-none focus:ring-2 focus:ring-sky-400 2xl:w-40"
      />
    </Form>
  );
}
