// The one-line verdict at the top: the words Statuspage uses, an icon, and colour as a second cue.
import type { PublicPage } from "~/modules/status-page/model.ts";
import { pageStatus } from "~/modules/status-page/indicator.ts";
import { IndicatorIcon, indicatorBannerClass } from "~/components/status-page/status-look.tsx";

export function Banner({ page }: { page: PublicPage }) {
  const status = pageStatus(page);
  return (
    <section
      aria-label="Current status"
      data-indicator={status.indicator}
      className={`flex items-center gap-3 rounded-lg px-5 py-4 shadow-sm print:border-2 print:border-black print:bg-white print:text-black print:shadow-none ${indicatorBannerClass(status.indicator)}`}
    >
      <IndicatorIcon indicator={status.indicator} className="size-7 print:text-black" />
      <h2 className="text-lg font-semibold sm:text-xl">{status.description}</h2>
    </section>
  );
}
