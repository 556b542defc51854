// A section in two parts (decision 0042): what the incident's data generated, kept apart and
// shown read-only, and what people wrote, the live document's fragment. A section stored before
// that decision has no generated part of its own (`generated: null`): its generated sentences
// are inside what was written, told apart only by their links back (decision 0015). Pure: no I/O.
import { blocksOf, sanitizeDoc, writtenText, type PmDoc } from "./document.ts";

export type SectionParts = {
  /** null: stored before decision 0042, its generated text (if any) is inside `written` */
  generated: PmDoc | null;
  written: PmDoc;
};

/** The section as it reads: the generated part, then what people wrote. */
export function readingDoc(parts: SectionParts): PmDoc {
  return { type: "doc", content: [...(parts.generated?.content ?? []), ...parts.written.content] };
}

/**
 * What people wrote, as text: every paragraph, list item or code block of the written part
 * (headings never count). For a section stored before decision 0042, blocks linking back to the
 * incident are left out, as before: they were generated.
 */
export function peopleWrote(parts: SectionParts | undefined): string {
  if (!parts) return "";
  if (parts.generated === null) return writtenText(parts.written);
  return blocksOf(parts.written)
    .filter((b) => b.node.type !== "heading")
    .map((b) => b.text.trim())
    .filter(Boolean)
    .join("\n");
}

/** A generated part worth showing: something other than headings. */
export function hasGeneratedText(generated: PmDoc | null): boolean {
  return !!generated && blocksOf(generated).some((b) => b.node.type !== "heading" && b.text.trim() !== "");
}

/** A stored section's parts: `doc` is what people wrote, `generated` the part kept apart (or null). */
export function storedParts(row: { doc: unknown; generated: unknown }): SectionParts {
  return { generated: row.generated == null ? null : sanitizeDoc(row.generated), written: sanitizeDoc(row.doc) };
}
