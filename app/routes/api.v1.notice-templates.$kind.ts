import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { NoticeKindSchema, NoticeTemplatePatchSchema } from "~/modules/notices/notice-schemas.ts";
import { listNoticeTemplates, previewNotice, saveNoticeTemplate } from "~/modules/notices/saved-notices.server.ts";
import type { NoticeKind } from "~/modules/notices/notice-defaults.ts";
import { notFound, parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

function kindOf(param: string | undefined): NoticeKind {
  const kind = NoticeKindSchema.safeParse(param);
  if (!kind.success) notFound("Notice template");
  return kind.data;
}

/** The notice as sent now, and as the latest real update would fill it. */
export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "settings:write");
  const kind = kindOf(params.kind);
  const template = (await listNoticeTemplates()).find((t) => t.kind === kind)!;
  const source = { subject: template.parts.subject.source, text: template.parts.text.source, html: template.parts.html.source };
  return Response.json({ template, preview: await previewNotice(kind, source) });
});

/** PUT {subject?, text?, html?}: replace those parts (checked first, 422 naming the part); DELETE: back to the shipped notice. */
export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "PUT", "DELETE"]);
  const actor = await requireActor(request, "settings:write");
  const kind = kindOf(params.kind);
  if (request.method === "DELETE") return Response.json({ template: await saveNoticeTemplate(actor, kind, null) });
  const parts = await parseJson(request, NoticeTemplatePatchSchema);
  return Response.json({ template: await saveNoticeTemplate(actor, kind, parts) });
});
