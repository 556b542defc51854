// Every section of a post-mortem, edited together live: one shared document per post-mortem
// (use-shared-document.ts), one editor per section. The server decides who may edit; the
// page shows why someone may only read.
import { SECTIONS } from "~/modules/postmortems/sections.ts";
import { caretColour } from "./caret-colour.ts";
import { GeneratedPart, type GeneratedSection } from "./generated-part.tsx";
import { ConnectionStatus } from "./connection-status.tsx";
import { EditorWait, SectionCard, SectionEditor } from "./section-editor.tsx";
import { useSharedDocument } from "./use-shared-document.ts";

export function CollaborativeSections({
  postmortemId,
  me,
  readOnlyReason,
  generated,
  canRefresh,
}: {
  postmortemId: string;
  /** each section's generated part, shown read-only above its writing area (decision 0042) */
  generated: GeneratedSection[];
  /** whether this person may refresh the generated parts (postmortem:write, not approved or published) */
  canRefresh: boolean;
  me: { id: string; name: string };
  /** why this person may only read, when the page already knows it */
  readOnlyReason: string | null;
}) {
  const shared = useSharedDocument(postmortemId);
  const access = shared?.access ?? "pending";
  const collaborator = { name: me.name, color: caretColour(me.id) };
  const generatedOf = (key: string) => generated.find((g) => g.key === key);
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
      ) : access === "ended" ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
          Your access to this document ended (you were signed out, your account was disabled, or your role changed). Nothing typed since is
          saved: sign in again to go on.
        </p>
      ) : null}
      {SECTIONS.map((section) => (
        <SectionCard key={section.key} section={section}>
          {generatedOf(section.key) ? (
            <GeneratedPart postmortemId={postmortemId} section={generatedOf(section.key)!} canRefresh={canRefresh} />
          ) : null}
          {shared?.loaded ? (
            <SectionEditor section={section} doc={shared.doc} provider={shared.provider} me={collaborator} editable={access === "edit"} />
          ) : (
            <EditorWait>{access === "refused" || access === "ended" ? "Not available." : "Loading…"}</EditorWait>
          )}
        </SectionCard>
      ))}
    </div>
  );
}
