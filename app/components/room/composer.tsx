// The scribe's composer: always at the bottom of the room. Enter sends, Shift+Enter breaks
// the line; after each send the kind picker returns to Note, the kind most entries are (a decision
// or action is chosen for the one entry it is; decision 0039).
import { Extension } from "@tiptap/core";
import Link from "@tiptap/extension-link";
import Placeholder from "@tiptap/extension-placeholder";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useRef, useState } from "react";
import { docToText, SAFE_LINK, type Doc } from "~/modules/timeline/document.ts";
import { ENTRY_KINDS } from "~/modules/timeline/view.ts";
import { Button } from "~/components/ui/button.tsx";

export const KIND_LABELS: Record<string, string> = {
  note: "Note",
  action: "Action",
  decision: "Decision",
  observation: "Observation",
  hypothesis: "Hypothesis",
  "customer-impact": "Customer impact",
  "status-change": "Status change",
  "update-published": "Update published",
};

export function Composer({ onSend, disabled }: { onSend: (entry: { kind: string; doc: Doc; text: string }) => void; disabled?: boolean }) {
  const [kind, setKind] = useState<string>("note");
  const kindRef = useRef(kind);
  kindRef.current = kind;
  const submitRef = useRef<() => void>(() => {});

  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({ heading: false, horizontalRule: false, link: false, underline: false }),
      Link.configure({
        openOnClick: false,
        autolink: true,
        protocols: ["http", "https", "mailto"],
        isAllowedUri: (url) => SAFE_LINK.test(url),
      }),
      Placeholder.configure({ placeholder: "What just happened? Enter sends, Shift+Enter for a new line, / jumps here" }),
      Extension.create({
        name: "sendOnEnter",
        addKeyboardShortcuts() {
          return {
            Enter: () => {
              submitRef.current();
              return true;
            },
            "Mod-Enter": () => {
              submitRef.current();
              return true;
            },
          };
        },
      }),
    ],
    editorProps: {
      attributes: { "aria-label": "New timeline entry", role: "textbox", "aria-multiline": "true", "data-testid": "composer" },
    },
  });

  // "/" anywhere in the room (outside a field) jumps to the composer.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== "/" || event.metaKey || event.ctrlKey || event.altKey) return;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      event.preventDefault();
      editor?.commands.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [editor]);

  submitRef.current = () => {
    if (!editor || disabled) return;
    const doc = editor.getJSON() as Doc;
    const text = docToText(doc);
    if (!text) return;
    onSend({ kind: kindRef.current, doc, text });
    kindRef.current = "note";
    setKind("note");
    editor.commands.clearContent(true);
    editor.commands.focus();
  };

  return (
    <form
      className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-300 bg-white p-2 shadow-sm"
      onSubmit={(e) => {
        e.preventDefault();
        submitRef.current();
      }}
    >
      <label className="sr-only" htmlFor="entry-kind">
        Kind of entry
      </label>
      <select
        id="entry-kind"
        value={kind}
        onChange={(e) => setKind(e.target.value)}
        className="rounded border border-slate-400 bg-white px-2 py-1.5 text-sm"
      >
        {ENTRY_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </select>
      <div className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1.5 text-sm focus-within:border-blue-600 focus-within:ring-2 focus-within:ring-blue-600">
        {editor ? <EditorContent editor={editor} /> : <div className="min-h-10 text-slate-500">Loading editor…</div>}
      </div>
      <Button type="submit" disabled={disabled || !editor}>
        Send
      </Button>
    </form>
  );
}
