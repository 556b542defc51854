import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { listNoticeTemplates } from "~/modules/notices/notice-templates.server.ts";

/** Every email notice: its subject, text and HTML as sent now, and whether each is the shipped default. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "settings:write");
  return Response.json({ templates: await listNoticeTemplates() });
}
