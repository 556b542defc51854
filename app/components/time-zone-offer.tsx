// The offer of the browser's zone to someone whose zone is still the default (UTC): one click
// sets it, "Keep UTC" dismisses it in this browser for good (decision 0040).
import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { AccountOutcome } from "~/components/account/account-outcome.ts";
import { Button } from "~/components/ui/button.tsx";
import { DEFAULT_TIME_ZONE, isKnownTimeZone, isUtcZone } from "~/utils/time-zones.ts";

const DISMISSED = "time-zone-offer-dismissed";

function browserZone(): string | null {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone && isKnownTimeZone(zone) && !isUtcZone(zone) ? zone : null;
  } catch {
    return null;
  }
}

export function TimeZoneOffer({ timeZone }: { timeZone: string }) {
  const fetcher = useFetcher<AccountOutcome>();
  const [offered, setOffered] = useState<string | null>(null);
  useEffect(() => {
    if (timeZone !== DEFAULT_TIME_ZONE) return setOffered(null);
    const zone = browserZone();
    let dismissed = false;
    try {
      dismissed = window.localStorage.getItem(DISMISSED) !== null;
    } catch {
      // storage refused: offer again next time
    }
    setOffered(zone && !dismissed ? zone : null);
  }, [timeZone]);
  if (!offered || fetcher.state !== "idle") return null;
  const dismiss = () => {
    try {
      window.localStorage.setItem(DISMISSED, offered);
    } catch {
      // nothing to remember it in
    }
    setOffered(null);
  };
  return (
    <div role="region" aria-label="Your time zone" className="border-b border-amber-300 bg-amber-50 print:hidden">
      <fetcher.Form
        method="post"
        action="/account"
        className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-2 text-sm text-amber-950"
      >
        <input type="hidden" name="intent" value="time-zone" />
        <input type="hidden" name="timeZone" value={offered} />
        <span>
          Times are shown in UTC. Your browser says <strong>{offered}</strong> — use it?
        </span>
        <Button type="submit" className="px-2 py-0.5 text-xs">
          Use {offered}
        </Button>
        <Button type="button" variant="secondary" className="px-2 py-0.5 text-xs" onClick={dismiss}>
          Keep UTC
        </Button>
      </fetcher.Form>
    </div>
  );
}
