// The shared (Yjs) document of a post-mortem: one XML fragment per section, named by the
// section's key, in the schema of the collaborative editor (editor-extensions.ts). These are
// the two conversions between it and the stored tiptap JSON. Pure: no I/O.
import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { sanitizeDoc, type PmDoc } from "./document.ts";
import { sectionExtensions } from "./editor-extensions.ts";
import { POSTMORTEM_STATES, SECTION_KEYS, type SectionKey } from "./sections.ts";

/**
 * The Yjs client id that writes a document's first state. Fixed, so the same stored sections
 * always give the same bytes: two app instances that each build the first state merge into
 * one copy of the text instead of two.
 */
const FIRST_STATE_CLIENT_ID = 1;

/** Approved and published post-mortems are read-only for everyone; nothing collaborative writes to them. */
export const LOCKED_STATES: readonly string[] = ["approved", "published"];
export function isLockedForEditing(state: string): boolean {
  return LOCKED_STATES.includes(state);
}
/** The states a write may still land in (a store's condition, so it never lands in an approved one). */
export const EDITABLE_STATES = POSTMORTEM_STATES.filter((state) => !isLockedForEditing(state));

let schema: Schema | null = null;
export function sectionSchema(): Schema {
  return (schema ??= getSchema(sectionExtensions()));
}

/** The first state of the shared document, built from the sections' stored JSON. */
export function firstSharedState(sections: { key: string; doc: unknown }[]): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = FIRST_STATE_CLIENT_ID;
  for (const key of SECTION_KEYS) {
    const clean = sanitizeDoc(sections.find((s) => s.key === key)?.doc);
    // An empty section gets its empty paragraph here, once: were each editor to add its own,
    // two people starting to write at the same time would write two paragraphs.
    const content = clean.content.length ? clean : { type: "doc", content: [{ type: "paragraph" }] };
    prosemirrorJSONToYXmlFragment(sectionSchema(), content, doc.getXmlFragment(key));
  }
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

export type SectionText = {
  key: SectionKey;
  doc: PmDoc;
  /** the length of its JSON, the measure MAX_SECTION_BYTES limits */
  size: number;
};

/**
 * Every section as sanitized tiptap JSON. An element the schema does not know (sent by a
 * client that is not our editor) is removed from the shared document on the way.
 */
export function sectionsOfSharedDocument(doc: Y.Doc): SectionText[] {
  return SECTION_KEYS.map((key) => {
    const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(key), sectionSchema());
    const clean = withoutEmptyParagraph(sanitizeDoc(node.toJSON()));
    return { key, doc: clean, size: JSON.stringify(clean).length };
  });
}

/** A section holding only an empty paragraph (the editor's empty state) is stored as empty. */
function withoutEmptyParagraph(doc: PmDoc): PmDoc {
  const [only] = doc.content;
  return doc.content.length === 1 && only.type === "paragraph" && !only.content?.length ? { type: "doc", content: [] } : doc;
}
