// "Slack channel behind: 3 messages waiting since 10:25": near the room's header while the
// incident's Slack messages are failing or waiting (decision 0048). It asks again every few
// seconds, so it appears and clears without a reload.
import { useEffect, useState } from "react";
import type { SlackBehind } from "~/modules/slack/behind.ts";
import { inZone } from "~/utils/time.ts";

const POLL_MS = 10_000;

export function SlackBehindNotice({
  incidentId,
  initial,
  timeZone,
  slack,
}: {
  incidentId: string;
  initial: SlackBehind | null;
  timeZone: string;
  slack: boolean;
}) {
  const [behind, setBehind] = useState(initial);
  useEffect(() => {
    if (!slack) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/incidents/${encodeURIComponent(incidentId)}/slack-behind`, {
          headers: { accept: "application/json" },
        });
        if (response.ok && !stopped) setBehind(((await response.json()) as { behind: SlackBehind | null }).behind);
      } catch {
        // the next look may answer; the notice stays as it was
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [incidentId, slack]);
  if (!behind) return null;
  const plural = (n: number) => (n === 1 ? "message" : "messages");
  return (
    <p
      role="status"
      data-testid="slack-behind"
      className="mb-2 rounded border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-900"
    >
      <span className="font-semibold">Slack channel behind:</span>{" "}
      {behind.waiting ? (
        <>
          {behind.waiting} {plural(behind.waiting)} waiting since{" "}
          <span suppressHydrationWarning>{inZone(behind.since, timeZone, "HH:mm")}</span>
        </>
      ) : null}
      {behind.waiting && behind.notPosted ? "; " : null}
      {behind.notPosted ? `${behind.notPosted} ${plural(behind.notPosted)} could not be posted` : null}. Everything here is saved; the
      channel catches up when Slack answers.
    </p>
  );
}
