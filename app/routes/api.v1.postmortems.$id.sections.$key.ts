import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { SectionDocSchema } from "~/modules/postmortems/document.ts";
import { docToMarkdown } from "~/modules/postmortems/section-markdown.ts";
import { requirePostmortem } from "~/modules/postmortems/postmortems.server.ts";
import { replaceSection } from "~/modules/postmortems/sections.server.ts";
import { isSectionKey, SECTION_KEYS } from "~/modules/postmortems/sections.ts";
import { linkBase } from "~/modules/status-page/link-base.server.ts";
import { fail, notFound, parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

const BodySchema = z.object({ doc: SectionDocSchema }).strict();

function sectionKey(key: string) {
  if (!isSectionKey(key)) fail("not_found", `No such section; the sections are ${SECTION_KEYS.join(", ")}.`);
  return key;
}

export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  const key = sectionKey(params.key!);
  const section = (await requirePostmortem(params.id!)).sections.find((s) => s.key === key);
  if (!section) notFound("Section");
  const markdown = docToMarkdown(section.doc, await linkBase());
  // doc and markdown: the section as it reads; generated and written: its two parts (decision 0042).
  const { generated, generatedAt, written } = section;
  return Response.json({ section: { key, title: section.title, doc: section.doc, markdown, generated, generatedAt, written } });
});

/** PUT {doc}: a tiptap document replaces what people wrote in the section (sanitized; over 256 KB it is refused). */
export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "PUT"]);
  const actor = await requireActor(request, "postmortem:write");
  const key = sectionKey(params.key!);
  const { doc } = await parseJson(request, BodySchema);
  const stored = await replaceSection(actor, params.id!, key, doc);
  return Response.json({ section: { key, doc: stored, markdown: docToMarkdown(stored, await linkBase()) } });
});
