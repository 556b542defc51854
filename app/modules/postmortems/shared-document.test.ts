import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { PmDoc } from "./document.ts";
import { firstSharedState, isLockedForEditing, sectionsOfSharedDocument } from "./shared-document.ts";

const summary: PmDoc = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "What happened" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Chat was down for 5 h 30 min. " },
        { type: "text", text: "INC-7", marks: [{ type: "link", attrs: { href: "/incidents/INC-7#entry-3" } }] },
      ],
    },
  ],
};
const sections = [
  { key: "summary", doc: summary },
  { key: "root_cause", doc: { type: "doc", content: [] } },
];

function docFrom(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
const section = (doc: Y.Doc, key: string) => sectionsOfSharedDocument(doc).find((s) => s.key === key)!.doc;

describe("the shared document of a post-mortem", () => {
  it("starts from the stored sections and gives them back unchanged", () => {
    const doc = docFrom(firstSharedState(sections));
    expect(section(doc, "summary")).toEqual(summary);
    expect(section(doc, "root_cause")).toEqual({ type: "doc", content: [] });
    expect(sectionsOfSharedDocument(doc).map((s) => s.key)).toContain("lessons");
  });

  it("gives an empty section one shared empty paragraph, so two people start in the same one", () => {
    const doc = docFrom(firstSharedState(sections));
    expect(
      doc
        .getXmlFragment("root_cause")
        .toArray()
        .map((n) => (n as Y.XmlElement).nodeName),
    ).toEqual(["paragraph"]);
  });

  it("builds the same first state twice, so two instances that both build it hold the text once", () => {
    const a = firstSharedState(sections);
    const b = firstSharedState(sections);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const merged = docFrom(a);
    Y.applyUpdate(merged, b);
    expect(section(merged, "summary")).toEqual(summary);
  });

  it("keeps only what the page renders from whatever a client sent", () => {
    const doc = docFrom(firstSharedState(sections));
    doc.transact(() => {
      const paragraph = new Y.XmlElement("paragraph");
      const frame = new Y.XmlElement("iframe");
      doc.getXmlFragment("lessons").push([paragraph, frame]);
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      text.insert(0, "click", { link: { href: "javascript:alert(1)" } });
      text.insert(5, " <b>bold?</b>");
      frame.insert(0, [new Y.XmlText("framed")]);
    });
    const lessons = section(doc, "lessons");
    expect(lessons.content.at(-1)).toEqual({ type: "paragraph", content: [{ type: "text", text: "click <b>bold?</b>" }] });
    expect(JSON.stringify(lessons)).not.toMatch(/javascript|iframe|framed/);
    expect(
      doc
        .getXmlFragment("lessons")
        .toArray()
        .map((n) => (n as Y.XmlElement).nodeName),
    ).toEqual(["paragraph", "paragraph"]);
  });

  it("is locked once approved or published", () => {
    expect(["draft", "in_review", "approved", "published"].filter(isLockedForEditing)).toEqual(["approved", "published"]);
  });
});
