// A post-mortem as the API answers it: each section as tiptap JSON and as Markdown (links
// into the app made absolute), the lint problems, the action items and the review history.
import { docToMarkdown } from "./document.ts";
import type { PostmortemView } from "./postmortems.server.ts";

export async function postmortemJson(view: NonNullable<PostmortemView>, request: Request) {
  const origin = new URL(request.url).origin;
  return {
    ...view,
    sections: view.sections.map(({ prompts: _prompts, ...s }) => ({ ...s, markdown: docToMarkdown(s.doc, origin) })),
  };
}
