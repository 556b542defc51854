// After publishing: how the notices of one update are getting on, per channel, with the last
// failures and bounces and their reasons. Asked again every few seconds while any are still
// queued, then every half minute while bounces may still come back.
import { useEffect, useState } from "react";
import type { DeliveryReport } from "~/modules/delivery/report.ts";
import { inUtc } from "~/utils/time.ts";

const EVERY_MS = 3_000;
/** Once all is sent, bounces come back over minutes: asked this often until the counts rest. */
const AFTER_SENDING_MS = 30_000;
const RESTING_AFTER_MS = 30 * 60_000;

/**
 * The report from the JSON API, asked again every few seconds while any notice is queued or
 * being sent, then every half minute until the counts have not moved for half an hour. A plain
 * fetch, not a Remix fetcher: a failed poll is retried, never shown as the page's error.
 */
function useDeliveryReport(updateId: string): DeliveryReport | null {
  const [report, setReport] = useState<DeliveryReport | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastCounts = "";
    let lastChange = Date.now();
    const poll = async () => {
      let wait: number | null = EVERY_MS;
      try {
        const response = await fetch(`/api/v1/updates/${encodeURIComponent(updateId)}/deliveries`, {
          headers: { Accept: "application/json" },
        });
        if (response.ok) {
          const next = ((await response.json()) as { deliveries: DeliveryReport }).deliveries;
          if (!stopped) setReport(next);
          const counts = JSON.stringify(next.byChannel);
          if (counts !== lastCounts) [lastCounts, lastChange] = [counts, Date.now()];
          const sending = Object.values(next.byChannel).some((c) => c.queued + c.sending > 0);
          if (!sending) wait = Date.now() - lastChange < RESTING_AFTER_MS ? AFTER_SENDING_MS : null;
        } else if (response.status < 500) wait = null;
      } catch {
        // offline for a moment: the next round asks again
      }
      if (!stopped && wait !== null) timer = setTimeout(poll, wait);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [updateId]);
  return report;
}

const CHANNEL_LABELS = { email: "Email", webhook: "Webhooks" } as const;

export function DeliveryCounts({ updateId }: { updateId: string }) {
  const report = useDeliveryReport(updateId);
  if (!report) return <p className="mt-1 text-xs text-slate-600">Counting deliveries…</p>;
  if (report.total === 0)
    return (
      <p className="mt-1 text-xs text-slate-600" data-testid="delivery-counts">
        No subscriber or webhook was to be notified.
      </p>
    );
  const channels = (Object.keys(CHANNEL_LABELS) as (keyof typeof CHANNEL_LABELS)[]).filter((c) =>
    Object.values(report.byChannel[c]).some((n) => n > 0),
  );
  return (
    <div className="mt-2 rounded border border-slate-200 bg-slate-50 p-2 text-xs" data-testid="delivery-counts">
      {channels.map((channel) => {
        const c = report.byChannel[channel];
        return (
          <p key={channel}>
            <span className="font-semibold">{CHANNEL_LABELS[channel]}:</span> {c.queued + c.sending} queued · {c.sent} sent ·{" "}
            <span className={c.failed ? "font-semibold text-amber-900" : ""}>{c.failed} failed (retrying)</span> ·{" "}
            <span className={c.dead ? "font-semibold text-red-700" : ""}>{c.dead} dead</span>
            {channel === "email" ? (
              <>
                {" "}
                · <span className={c.bounced ? "font-semibold text-red-700" : ""}>{c.bounced} bounced</span>
              </>
            ) : null}
          </p>
        );
      })}
      {report.lastErrors.length ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-red-800">Last errors and bounces ({report.lastErrors.length})</summary>
          <ul className="mt-1 space-y-0.5">
            {report.lastErrors.slice(0, 10).map((e) => (
              <li key={`${e.channel}:${e.recipient}:${e.at}`}>
                <span className="font-medium">{e.recipient}</span> ({e.state}, {e.attempts} {e.attempts === 1 ? "attempt" : "attempts"}
                {e.status && e.state !== "bounced" ? `, HTTP ${e.status}` : ""},{" "}
                <span title={inUtc(e.at, "d MMM HH:mm:ss")}>{inUtc(e.at, "HH:mm:ss")}</span>): {e.error}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
