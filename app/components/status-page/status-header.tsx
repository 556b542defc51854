// The public pages' header: the page's name and the three places a reader can go.
import type { PublicPage } from "~/modules/status-page/model.ts";

export function StatusHeader({ page }: { page: PublicPage }) {
  return (
    <header className="border-b border-slate-200 bg-white print:border-black">
      <div className="mx-auto flex w-full max-w-3xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-5">
        <a href={page.page.url} className="text-xl font-bold tracking-tight text-slate-900 hover:no-underline print:text-black">
          {page.page.name} <span className="font-normal text-slate-500 print:text-black">Status</span>
        </a>
        <nav aria-label="Status page" className="print:hidden">
          <ul className="flex gap-4 text-sm">
            <li>
              <a href={page.page.url}>Current status</a>
            </li>
            <li>
              <a href={`${page.page.url}/history`}>History</a>
            </li>
            <li>
              <a href={`${page.page.url}/uptime`}>Uptime</a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
