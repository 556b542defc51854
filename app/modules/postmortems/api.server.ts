// A post-mortem as the API answers it: each section as tiptap JSON and as Markdown (links
// into the app made absolute), the lint problems, the action items and the review history.
import { linkBase } from "~/modules/status-page/link-base.server.ts";
import { db } from "~/utils/db.server.ts";
import { docToMarkdown } from "./section-markdown.ts";
import { lintStoredPostmortem } from "./lint.server.ts";
import type { PostmortemView } from "./view.ts";

export async function postmortemJson(view: NonNullable<PostmortemView>) {
  const origin = await linkBase();
  const lint = (await db.$transaction((tx) => lintStoredPostmortem(tx, view.id))) ?? [];
  return {
    ...view,
    sections: view.sections.map(({ prompts: _prompts, ...s }) => ({ ...s, markdown: docToMarkdown(s.doc, origin) })),
    lint,
  };
}
