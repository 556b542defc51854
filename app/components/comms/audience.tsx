// "This update will reach N subscribers": asked again whenever the chosen components change.
import { useFetcher } from "@remix-run/react";
import { useEffect } from "react";

export function AudienceEstimate({ incidentId, componentIds, notify }: { incidentId: string; componentIds: string[]; notify: boolean }) {
  const fetcher = useFetcher<{ audience?: number }>();
  const query = componentIds
    .slice()
    .sort()
    .map((id) => `component=${encodeURIComponent(id)}`)
    .join("&");
  useEffect(() => {
    fetcher.load(`/incidents/${incidentId}/comms/audience${query ? `?${query}` : ""}`);
    // the fetcher's identity changes every render; the query is what matters
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [incidentId, query]);
  const count = fetcher.data?.audience;
  let text: string;
  if (!notify) text = "Notifications are off: no email or webhook goes out for this update.";
  else if (count === undefined) text = "Counting the subscribers this update will reach…";
  else text = `This update will reach ${count} ${count === 1 ? "subscriber" : "subscribers"} by email.`;
  return (
    <p className="-mt-2 mb-3 text-sm text-slate-700" data-testid="audience" aria-live="polite">
      {text}
    </p>
  );
}
