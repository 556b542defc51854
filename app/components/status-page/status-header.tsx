// The public pages' header: the page's name, the places a reader can go, and the one button to
// follow the page (email, feeds, the API). The button is a <details>: it opens without script.
import type { PublicPage } from "~/modules/status-page/model.ts";
import { SubscribeMenu } from "~/components/status-page/subscribe-menu.tsx";

export function StatusHeader({ page, subscribe = true }: { page: PublicPage; subscribe?: boolean }) {
  return (
    <header className="border-b border-slate-200 bg-white print:border-black">
      <div className="relative mx-auto flex w-full max-w-3xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-4">
        <a href={page.page.url} className="mr-auto text-xl font-bold tracking-tight text-slate-900 hover:no-underline print:text-black">
          {page.page.name} <span className="font-normal text-slate-500 print:text-black">Status</span>
        </a>
        {/* On a phone the name and the button share the first line, the links take the second. */}
        <nav aria-label="Status page" className="order-last w-full sm:order-none sm:w-auto print:hidden">
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
        {subscribe ? <SubscribeMenu page={page} /> : null}
      </div>
    </header>
  );
}
