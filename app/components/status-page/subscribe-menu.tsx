// "Subscribe to updates": every way to follow the page in one place, as Statuspage offers it.
// Email notices (for all components, a whole group or some), Slack notices, the Atom and RSS feeds and the
// Statuspage-compatible JSON API. A <details>, so it opens and closes without script; the panel
// hangs below the header, across the width on a phone.
import type { PublicPage } from "~/modules/status-page/model.ts";
import { siteRoot } from "~/components/status-page/footer.tsx";
import { SlackSubscribeForm } from "~/components/status-page/slack-subscribe.tsx";
import { SubscribeForm } from "~/components/status-page/subscribe-form.tsx";

export function SubscribeMenu({ page }: { page: PublicPage }) {
  const root = siteRoot(page);
  return (
    <details id="subscribe" className="group/subscribe print:hidden">
      <summary
        className={
          "cursor-pointer list-none rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 " +
          "[&::-webkit-details-marker]:hidden"
        }
      >
        Subscribe<span className="hidden sm:inline"> to updates</span>
      </summary>
      <div
        className={
          "absolute inset-x-4 top-full z-30 mt-1 max-h-[80vh] overflow-y-auto rounded-lg border border-slate-200 bg-white p-4 " +
          "text-slate-900 shadow-lg sm:left-auto sm:w-96"
        }
      >
        <SubscribeForm page={page} framed={false} />
        <div className="mt-4 border-t border-slate-200 pt-3">
          <SlackSubscribeForm page={page} framed={false} />
        </div>
        <section aria-labelledby="follow-heading" className="mt-4 border-t border-slate-200 pt-3 text-sm">
          <h2 id="follow-heading" className="font-semibold">
            Or follow in a reader or a tool
          </h2>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            <li>
              <a href={`${root}/history.atom`}>Atom feed</a>
            </li>
            <li>
              <a href={`${root}/history.rss`}>RSS feed</a>
            </li>
            <li>
              <a href={`${root}/api/v2/summary.json`}>JSON API</a>
            </li>
          </ul>
        </section>
      </div>
    </details>
  );
}
