// Where to go next: the history, the uptime method, the subscription (in the header's menu), the
// feeds and the API.
import type { PublicPage } from "~/modules/status-page/model.ts";

/** The feeds and the JSON API live at the root of the page's host, where Statuspage clients look. */
export function siteRoot(page: PublicPage): string {
  return new URL(page.page.url).origin;
}

export function StatusFooter({ page }: { page: PublicPage }) {
  const root = siteRoot(page);
  const links = [
    { href: `${page.page.url}/history`, label: "Incident history" },
    { href: `${page.page.url}/uptime`, label: "How uptime is computed" },
    { href: "#subscribe", label: "Subscribe to updates" },
    { href: `${root}/history.atom`, label: "Atom feed" },
    { href: `${root}/history.rss`, label: "RSS feed" },
    { href: `${root}/api/v2/summary.json`, label: "JSON API" },
  ];
  return (
    <footer className="mx-auto w-full max-w-3xl px-4 pt-4 pb-10 text-sm text-slate-600 print:text-black">
      <nav aria-label="More about this status page" className="border-t border-slate-200 pt-4 print:hidden">
        <ul className="flex flex-wrap gap-x-5 gap-y-2">
          {links.map((link) => (
            <li key={link.label}>
              <a href={link.href}>{link.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <p className="mt-4 text-xs text-slate-500 print:mt-0 print:text-black">
        {page.page.name} status · {page.page.url}
      </p>
    </footer>
  );
}
