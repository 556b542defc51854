// Every section of a post-mortem, edited together live: one shared document per post-mortem
// (use-shared-document.ts), one editor per section. The server decides who may edit; the
// page shows why someone may only read.
import { SECTIONS } from "~/modules/postmortems/sections.ts";
import { caretColour } from "./caret-colour.ts";
import { ConnectionStatus } from "./connection-status.tsx";
import { EditorWait, SectionCard, SectionEditor } from "./section-editor.tsx";
import { useSharedDocument } from "./use-shared-document.ts";

export function CollaborativeSections({
  postmortemId,
  me,
  readOnlyReason,
}: {
  postmortemId: string;
  me: { id: string; name: string };
  /** why this person may only read, when the page already knows it */
  readOnlyReason: string | null;
}) {
  const shared = useSharedDocument(postmortemId);
  const access = shared?.access ?? "pending";
  const collaborator = { name: me.name, color: caretColour(me.id) };
  return (
    <div className="space-y-4" data-testid="collaborative-sections">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <ConnectionStatus link={shared?.link ?? "connecting"} unsent={shared?.unsent ?? 0} />
        {access === "read" ? (
          <p className="rounded bg-slate-100 px-2 py-1 text-sm text-slate-800" data-testid="read-only-notice">
            Read only. {readOnlyReason ?? "You may read this post-mortem but not edit it."}
          </p>
        ) : null}
      </div>
      {access === "refused" ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
          The live document could not be opened: sign in again, or reload the page.
        </p>
      ) : null}
      {SECTIONS.map((section) => (
        <SectionCard key={section.key} section={section}>
          {shared?.loaded ? (
            <SectionEditor section={section} doc={shared.doc} provider={shared.provider} me={collaborator} editable={access === "edit"} />
          ) : (
            <EditorWait>{access === "refused" ? "Not available." : "Loading…"}</EditorWait>
          )}
        </SectionCard>
      ))}
    </div>
  );
}
