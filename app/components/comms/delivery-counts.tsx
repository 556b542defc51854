// After publishing: how the notices of one update are getting on, per channel, with the last
// failures and their reasons. Asked again every few seconds while any are still queued.
import { useEffect, useState } from "react";
import type { DeliveryReport } from "~/modules/delivery/report.server.ts";
import { inUtc } from "~/utils/time.ts";

const EVERY_MS = 3_000;

/**
 * The report from the JSON API, asked again every few seconds while any notice is queued or
 * being sent. A plain fetch, not a Remix fetcher: a failed poll is retried, never shown as the
 * page's error.
 */
function useDeliveryReport(updateId: string): DeliveryReport | null {
  const [report, setReport] = useState<DeliveryReport | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      let settled = false;
      try {
        const response = await fetch(`/api/v1/updates/${encodeURIComponent(updateId)}/deliveries`, { headers: { Accept: "application/json" } });
        if (response.ok) {
          const next = ((await response.json()) as { deliveries: DeliveryReport }).deliveries;
          if (!stopped) setReport(next);
          settled = Object.values(next.byChannel).every((c) => c.queued + c.sending === 0);
        } else settled = response.status < 500;
      } catch {
        // offline for a moment: the next round asks again
      }
      if (!stopped && !settled) timer = setTimeout(poll, EVERY_MS);
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
  if (report.total === 0) return <p className="mt-1 text-xs text-slate-600" data-testid="delivery-counts">No subscriber or webhook was to be notified.</p>;
  const channels = (Object.keys(CHANNEL_LABELS) as (keyof typeof CHANNEL_LABELS)[]).filter((c) => Object.values(report.byChannel[c]).some((n) => n > 0));
  return (
    <div className="mt-2 rounded border border-slate-200 bg-slate-50 p-2 text-xs" data-testid="delivery-counts">
      {channels.map((channel) => {
        const c = report.byChannel[channel];
        return (
          <p key={channel}>
            <span className="font-semibold">{CHANNEL_LABELS[channel]}:</span> {c.queued + c.sending} queued · {c.sent} sent ·{" "}
            <span className={c.failed ? "font-semibold text-amber-900" : ""}>{c.failed} failed (retrying)</span> ·{" "}
            <span className={c.dead ? "font-semibold text-red-700" : ""}>{c.dead} dead</span>
          </p>
        );
      })}
      {report.lastErrors.length ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-red-800">Last errors ({report.lastErrors.length})</summary>
          <ul className="mt-1 space-y-0.5">
            {report.lastErrors.slice(0, 10).map((e) => (
              <li key={`${e.channel}:${e.recipient}:${e.at}`}>
                <span className="font-medium">{e.recipient}</span> ({e.state}, {e.attempts} {e.attempts === 1 ? "attempt" : "attempts"}
                {e.status ? `, HTTP ${e.status}` : ""}, <span title={inUtc(e.at, "d MMM HH:mm:ss")}>{inUtc(e.at, "HH:mm:ss")}</span>): {e.error}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
