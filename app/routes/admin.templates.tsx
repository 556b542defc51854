import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TemplateEditor, templatePageShouldRevalidate, VariableList } from "~/components/admin/template-editor.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { listUpdateTemplates, previewTemplate, saveUpdateTemplate } from "~/modules/notices/templates.server.ts";
import { handleTemplateForm, previewOutcome } from "~/modules/notices/template-form.server.ts";
import { SAMPLE_UPDATE_VARIABLES, UPDATE_TEMPLATE_STATUSES, UPDATE_VARIABLE_NAMES } from "~/modules/notices/update-templates.ts";
import { EVENT_STATUS_LABELS } from "~/modules/status-page/model.ts";

const render = (source: string) => previewTemplate(source);
const previewOf = (source: string) => previewOutcome(render, source);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "settings:write");
  const templates = await listUpdateTemplates();
  return {
    templates: await Promise.all(templates.map(async (t) => ({ ...t, preview: await previewOf(t.source) }))),
    variables: UPDATE_VARIABLE_NAMES.map((name) => ({ name, sample: SAMPLE_UPDATE_VARIABLES[name] })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "settings:write");
  return handleTemplateForm(request, { field: "status", keys: UPDATE_TEMPLATE_STATUSES, render, save: (status, source) => saveUpdateTemplate(actor, status, source) });
}

export const shouldRevalidate = templatePageShouldRevalidate;

export default function AdminTemplates() {
  const { templates, variables } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-sm text-slate-700">
        The comms tab fills a new status-page update from the template for its status. Templates are{" "}
        <a href="https://liquidjs.com/tutorials/intro-to-liquid.html" target="_blank" rel="noreferrer" className="underline">
          Liquid
        </a>
        ; the preview fills them with the sample incident below. A template that does not parse, or names a variable that does not exist, is not saved.
      </p>
      <VariableList variables={variables} />
      {templates.map((template) => (
        <TemplateEditor
          key={template.key}
          template={template}
          heading={EVENT_STATUS_LABELS[template.status]}
          field={{ name: "status", value: template.status }}
          variables={variables.map((v) => v.name)}
        />
      ))}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Templates · Admin · Incident Desk" }];
