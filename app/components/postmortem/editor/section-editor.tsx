// One section: its title and guiding prompts, and its editor, bound to the section's fragment
// of the post-mortem's shared document. Everyone editing sees the others' carets with their
// names; the section's title names the editor for screen readers.
import type { HocuspocusProvider } from "@hocuspocus/provider";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import Placeholder from "@tiptap/extension-placeholder";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useState, type ReactNode } from "react";
import type * as Y from "yjs";
import { MAX_SECTION_BYTES } from "~/modules/postmortems/document.ts";
import { sectionExtensions } from "~/modules/postmortems/editor-extensions.ts";
import type { SectionDefinition } from "~/modules/postmortems/sections.ts";

export type Collaborator = { name: string; color: string };

/** A caret with its owner's name above it; styled inline so it needs no stylesheet. */
function renderCaret(user: Record<string, string>): HTMLElement {
  const caret = document.createElement("span");
  caret.className = "collaboration-carets__caret";
  Object.assign(caret.style, {
    borderLeft: `2px solid ${user.color}`,
    marginLeft: "-1px",
    marginRight: "-1px",
    position: "relative",
    wordBreak: "normal",
    pointerEvents: "none",
  });
  const label = document.createElement("span");
  label.className = "collaboration-carets__label";
  label.textContent = user.name;
  Object.assign(label.style, {
    position: "absolute",
    top: "-1.4em",
    left: "-2px",
    padding: "0 0.3rem",
    borderRadius: "3px 3px 3px 0",
    backgroundColor: user.color,
    color: "#fff",
    fontSize: "0.75rem",
    fontWeight: "600",
    lineHeight: "1.4",
    whiteSpace: "nowrap",
    userSelect: "none",
  });
  caret.append(label);
  return caret;
}

/** A section's frame: its title, its guiding questions, and what goes in it (the editor, or a wait). */
export function SectionCard({ section, children }: { section: Pick<SectionDefinition, "key" | "title" | "prompts">; children: ReactNode }) {
  return (
    <section
      aria-labelledby={`section-${section.key}-title`}
      className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm"
      data-testid={`section-${section.key}`}
    >
      <h2 id={`section-${section.key}-title`} className="text-lg font-semibold">
        {section.title}
      </h2>
      {section.prompts.length ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-600" aria-label={`Questions for ${section.title}`}>
          {section.prompts.map((prompt) => (
            <li key={prompt}>{prompt}</li>
          ))}
        </ul>
      ) : null}
      {children}
    </section>
  );
}

export function SectionEditor({
  section,
  doc,
  provider,
  me,
  editable,
}: {
  section: Pick<SectionDefinition, "key" | "title" | "source">;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  me: Collaborator;
  editable: boolean;
}) {
  const [refusedPaste, setRefusedPaste] = useState(false);
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        ...sectionExtensions(),
        Collaboration.configure({ document: doc, field: section.key }),
        CollaborationCaret.configure({ provider, user: me, render: renderCaret }),
        Placeholder.configure({
          placeholder: section.source === "written" ? "Answer the questions above…" : "Write what the generated part does not say…",
        }),
      ],
      editorProps: {
        attributes: {
          "aria-label": section.title,
          role: "textbox",
          "aria-multiline": "true",
          "data-testid": `section-editor-${section.key}`,
          class: "prose-entry min-h-16 [&_h3]:mt-2 [&_h3]:font-semibold",
        },
        // The server stores no section above MAX_SECTION_BYTES and refuses messages of a few
        // MB outright; a paste that large would never arrive, so it is refused here, saying why.
        handlePaste: (_view, event) => {
          const data = event.clipboardData;
          const size = (data?.getData("text/html").length ?? 0) + (data?.getData("text/plain").length ?? 0);
          setRefusedPaste(size > MAX_SECTION_BYTES);
          return size > MAX_SECTION_BYTES;
        },
      },
    },
    [doc, provider],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setEditable(editable);
    editor.setOptions({
      editorProps: {
        ...editor.options.editorProps,
        attributes: { ...(editor.options.editorProps.attributes as Record<string, string>), "aria-readonly": String(!editable) },
      },
    });
  }, [editor, editable]);

  return (
    <>
      <div
        className={`mt-3 rounded border px-3 pb-2 pt-5 text-sm focus-within:border-blue-600 focus-within:ring-2 focus-within:ring-blue-600 ${editable ? "border-slate-300 bg-white" : "border-slate-200 bg-slate-50"}`}
      >
        {editor ? <EditorContent editor={editor} /> : <div className="min-h-16 text-slate-500">Loading editor…</div>}
      </div>
      {refusedPaste ? (
        <p role="alert" className="mt-1 text-sm text-red-800">
          That is too long to paste into one section (at most {MAX_SECTION_BYTES / 1024} KB). Link to it instead.
        </p>
      ) : null}
    </>
  );
}

/** Where the editor will be, until the shared document has arrived. */
export function EditorWait({ children = "Loading…" }: { children?: ReactNode }) {
  return <div className="mt-3 min-h-16 rounded border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-500">{children}</div>;
}
