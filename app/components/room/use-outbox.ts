// Sends the room's entries through the localStorage outbox: kept until acknowledged,
// retried with backoff, resumed after a reload or a closed tab.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Doc } from "~/modules/timeline/document.ts";
import type { TimelineEntryView } from "~/modules/timeline/view.ts";
import { isPermanentFailure, newIdempotencyKey, readOutbox, retryDelayMs, writeOutbox, type PendingEntry } from "./outbox.ts";

export function useOutbox(incidentId: string, onAcknowledged: (entry: TimelineEntryView) => void) {
  const acknowledged = useRef(onAcknowledged);
  acknowledged.current = onAcknowledged;
  const [pending, setPending] = useState<PendingEntry[]>([]);
  const sending = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const update = useCallback(
    (change: (entries: PendingEntry[]) => PendingEntry[]) => {
      const next = change(readOutbox(localStorage, incidentId));
      writeOutbox(localStorage, incidentId, next);
      setPending(next);
      return next;
    },
    [incidentId],
  );

  const flush = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    try {
      for (;;) {
        const next = readOutbox(localStorage, incidentId).find((p) => p.lastError === null || !p.lastError.startsWith("Rejected"));
        if (!next) break;
        let status = 0;
        let message = "No connection";
        try {
          const response = await fetch(`/api/v1/incidents/${incidentId}/timeline`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ body: next.doc, kind: next.kind, occurredAt: next.occurredAt, idempotencyKey: next.idempotencyKey }),
          });
          status = response.status;
          if (response.ok) {
            const body = (await response.json().catch(() => null)) as { entry?: TimelineEntryView } | null;
            if (body?.entry) acknowledged.current(body.entry);
            update((all) => all.filter((p) => p.idempotencyKey !== next.idempotencyKey));
            continue;
          }
          const body = await response.json().catch(() => null);
          message = body?.error?.message ?? `HTTP ${status}`;
        } catch {
          // Network down: keep it and try again later.
        }
        const permanent = isPermanentFailure(status);
        const updated = update((all) =>
          all.map((p) =>
            p.idempotencyKey === next.idempotencyKey
              ? { ...p, attempts: p.attempts + 1, lastError: permanent ? `Rejected: ${message}` : message }
              : p,
          ),
        );
        if (!permanent) {
          const attempts = updated.find((p) => p.idempotencyKey === next.idempotencyKey)?.attempts ?? 1;
          timer.current = setTimeout(() => void flush(), retryDelayMs(attempts));
          break;
        }
      }
    } finally {
      sending.current = false;
    }
  }, [incidentId, update]);

  useEffect(() => {
    setPending(readOutbox(localStorage, incidentId));
    void flush();
    const online = () => void flush();
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [incidentId, flush]);

  const send = useCallback(
    (entry: { kind: string; doc: Doc; text: string }) => {
      update((all) => [
        ...all,
        { ...entry, idempotencyKey: newIdempotencyKey(), incidentId, occurredAt: new Date().toISOString(), attempts: 0, lastError: null },
      ]);
      void flush();
    },
    [incidentId, update, flush],
  );

  const discard = useCallback((key: string) => update((all) => all.filter((p) => p.idempotencyKey !== key)), [update]);
  const retry = useCallback(() => {
    update((all) => all.map((p) => ({ ...p, lastError: null })));
    void flush();
  }, [update, flush]);

  return { pending, send, discard, retry };
}
