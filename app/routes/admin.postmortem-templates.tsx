// Admins adjust the liquid templates that write each post-mortem section's first draft.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TemplateEditor, templatePageShouldRevalidate } from "~/components/admin/template-editor.tsx";
import { VariableList } from "~/components/admin/template-editor-parts.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { handleTemplateForm, previewOutcome } from "~/http/template-form.server.ts";
import { listSectionTemplates, previewSectionTemplate, saveSectionTemplate } from "~/modules/postmortems/section-templates.server.ts";
import { SECTION_KEYS } from "~/modules/postmortems/sections.ts";
import { sectionVariableList } from "~/modules/postmortems/template-variables.ts";
import { INCIDENT_PREVIEW_CASE_IDS, INCIDENT_PREVIEW_OPTIONS, type IncidentCaseId } from "~/modules/notices/preview-cases.ts";
import { pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

/** The incident cases, the richest first: what every preview on this page can be filled with. */
const CASES = INCIDENT_PREVIEW_CASE_IDS;

const render = (source: string, _section?: string, previewCase?: string) =>
  previewSectionTemplate(source, (previewCase as IncidentCaseId) ?? CASES[0]) || "(empty: the section starts with its prompts only)";
const previewOf = (source: string) => previewOutcome(() => render(source));

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "settings:write");
  const templates = await listSectionTemplates();
  return {
    templates: await Promise.all(templates.map(async (t) => ({ ...t, preview: await previewOf(t.source) }))),
    variables: sectionVariableList(),
    cases: INCIDENT_PREVIEW_OPTIONS,
  };
});

export const action = pageAction(async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "settings:write");
  return handleTemplateForm(request, {
    field: "section",
    keys: SECTION_KEYS,
    cases: CASES,
    render,
    save: (section, source) => saveSectionTemplate(actor, section, source),
  });
});

export const shouldRevalidate = templatePageShouldRevalidate;

export default function AdminPostmortemTemplates() {
  const { templates, variables, cases } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-sm text-slate-700">
        A new post-mortem's sections are written by these templates from the incident's data, in light Markdown: <code>### heading</code>,{" "}
        <code>- list item</code>, <code>**bold**</code>, <code>[link](/incidents/…)</code>. Link every sentence to where its data came from:
        the lint treats a block without such a link as written by a person. Changes apply to post-mortems generated after saving.
      </p>
      <VariableList variables={variables} />
      {templates.map((template) => (
        <TemplateEditor
          key={template.key}
          template={template}
          heading={template.title}
          field={{ name: "section", value: template.key }}
          variables={variables.filter((v) => !v.name.includes(".") || v.name.split(".").length === 2).map((v) => v.name)}
          rows={10}
          cases={cases}
        />
      ))}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Post-mortem templates · Admin · Incident Desk" }];
