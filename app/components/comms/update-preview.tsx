// The draft as the public page will show it: the same entry component the status page uses.
import { UpdateEntry } from "~/components/status-page/update-list.tsx";
import type { PublicIncidentStatus } from "~/modules/status-page/model.ts";

export function UpdatePreview({
  title,
  status,
  body,
  timeZone,
}: {
  title: string;
  status: PublicIncidentStatus;
  body: string;
  timeZone: string;
}) {
  const now = new Date();
  return (
    <section aria-label="Preview on the public page" className="rounded-lg border border-dashed border-slate-400 bg-white p-4">
      <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-600">Preview: as the status page will show it</p>
      <h3 className="text-base font-semibold text-slate-900">{title}</h3>
      <ol>
        <UpdateEntry
          timeZone={timeZone}
          update={{
            id: "preview",
            status,
            body: body.trim() || "…",
            displayAt: now,
            createdAt: now,
            updatedAt: now,
            affectedComponents: [],
            deliverNotifications: false,
          }}
        />
      </ol>
    </section>
  );
}
