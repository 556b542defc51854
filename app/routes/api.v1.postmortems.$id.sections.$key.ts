import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { docToMarkdown, SectionDocSchema } from "~/modules/postmortems/document.ts";
import { requirePostmortem } from "~/modules/postmortems/postmortems.server.ts";
import { replaceSection } from "~/modules/postmortems/sections.server.ts";
import { isSectionKey, SECTION_KEYS } from "~/modules/postmortems/sections.ts";
import { fail, notFound, parseJson } from "~/utils/http.server.ts";

const BodySchema = z.object({ doc: SectionDocSchema }).strict();

function sectionKey(key: string) {
  if (!isSectionKey(key)) fail("not_found", `No such section; the sections are ${SECTION_KEYS.join(", ")}.`);
  return key;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  const key = sectionKey(params.key!);
  const section = (await requirePostmortem(params.id!)).sections.find((s) => s.key === key);
  if (!section) notFound("Section");
  return Response.json({ section: { key, title: section.title, doc: section.doc, markdown: docToMarkdown(section.doc, new URL(request.url).origin) } });
}

/** PUT {doc}: a tiptap document replaces the section (sanitized; over 256 KB it is refused). */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "PUT") fail("not_found", "Only GET and PUT are supported here.");
  const actor = await requireActor(request, "postmortem:write");
  const key = sectionKey(params.key!);
  const { doc } = await parseJson(request, BodySchema);
  const stored = await replaceSection(actor, params.id!, key, doc);
  return Response.json({ section: { key, doc: stored, markdown: docToMarkdown(stored, new URL(request.url).origin) } });
}
