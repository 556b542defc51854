// The tiptap extensions that shape a post-mortem section: the collaborative editor in the
// browser and the server (which turns the Yjs document into stored JSON) build their schema
// from this one list, so both agree on every node and mark. It allows only what
// `sanitizeDoc` keeps (document.ts): paragraphs, h3 headings, lists, quotes, code blocks, hard
// breaks; bold, italic, strike, code and links to SAFE_HREF. No I/O, safe in the browser.
import type { AnyExtension } from "@tiptap/core";
import Link from "@tiptap/extension-link";
import StarterKit from "@tiptap/starter-kit";
import { SAFE_HREF } from "./document.ts";

export function isSafeHref(url: string): boolean {
  return SAFE_HREF.test(url.trim());
}

export function sectionExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [3] },
      // Collaboration brings its own undo history, per user; tiptap's would undo others' typing.
      undoRedo: false,
      // The sanitizer drops both; offering them would lose what people write.
      horizontalRule: false,
      underline: false,
      // Two clients appending "the missing trailing paragraph" at once would each add one.
      trailingNode: false,
      link: false,
    }),
    Link.configure({
      openOnClick: false,
      autolink: true,
      // Typed, pasted and autolinked links alike; the server's sanitizer is the last word.
      isAllowedUri: (url) => isSafeHref(url),
    }),
  ];
}
