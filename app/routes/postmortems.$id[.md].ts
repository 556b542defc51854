// /postmortems/:id.md: the post-mortem as one Markdown file. A route of its own because a
// page route's loader cannot answer a document request with anything but its HTML page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { requireLeadershipReport } from "~/modules/postmortems/leadership.server.ts";
import { markdownFileName, postmortemMarkdown } from "~/modules/postmortems/markdown.ts";
import { linkBase } from "~/modules/status-page/link-base.server.ts";
import { apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const report = await requireLeadershipReport(params.id!);
  const markdown = postmortemMarkdown(report, { origin: await linkBase(), timeZone: actor.timeZone });
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `inline; filename="${markdownFileName(report.postmortem.incident.ref)}"`,
      "Cache-Control": "private, no-cache",
    },
  });
});
