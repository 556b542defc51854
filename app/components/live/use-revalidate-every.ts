// Keeps a page's data current while it is open and seen: its loader is run again every `everyMs`
// (and at once when the tab is shown again), so something done elsewhere — an incident declared
// from Slack — appears without a reload. Pages with their own event stream (the room) do not need it.
import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

export function useRevalidateEvery(everyMs: number): void {
  const revalidator = useRevalidator();
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    };
    const timer = setInterval(refresh, everyMs);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [everyMs, revalidator]);
}
