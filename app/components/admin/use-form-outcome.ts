import { useActionData, useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { outcomeErrors, type FormOutcome } from "~/utils/form-outcome.ts";

/**
 * One form's fetcher and its outcome (the one FormOutcome, decision 0057). With JavaScript the outcome is the fetcher's data;
 * without it the browser posted the whole page, and the action data says which form it was.
 */
export function useFormOutcome<T extends FormOutcome>(form: string) {
  const fetcher = useFetcher<T>();
  const actionData = useActionData<T>() as T | undefined;
  const outcome = (fetcher.data as T | undefined) ?? (actionData?.form === form ? actionData : undefined);
  const errors = outcomeErrors(outcome);
  return { fetcher, outcome, errors, busy: fetcher.state !== "idle" };
}

/** Calls `onSuccess` once each time the fetcher comes back with ok. */
export function useOnSuccess(fetcher: { state: string; data?: unknown }, onSuccess: () => void) {
  const handled = useRef<unknown>(null);
  useEffect(() => {
    const data = fetcher.data as FormOutcome | undefined;
    if (fetcher.state === "idle" && data?.ok && handled.current !== data) {
      handled.current = data;
      onSuccess();
    }
  });
}
