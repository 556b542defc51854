import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AddNamedTemplate } from "~/components/admin/add-named-template.tsx";
import { VariableList } from "~/components/admin/template-editor-parts.tsx";
import { TemplateEditor, templatePageShouldRevalidate } from "~/components/admin/template-editor.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import {
  createNamedTemplate,
  deleteNamedTemplate,
  listNamedTemplates,
  updateNamedTemplate,
} from "~/modules/notices/named-templates.server.ts";
import { INCIDENT_PREVIEW_CASE_IDS, INCIDENT_PREVIEW_OPTIONS, type IncidentCaseId } from "~/modules/notices/preview-cases.ts";
import { handleTemplateForm, previewOutcome } from "~/http/template-form.server.ts";
import { listUpdateTemplates, previewTemplate, saveUpdateTemplate } from "~/modules/notices/saved-templates.server.ts";
import {
  SAMPLE_UPDATE_VARIABLES,
  UPDATE_TEMPLATE_STATUSES,
  UPDATE_VARIABLE_NAMES,
  type UpdateTemplateStatus,
} from "~/modules/notices/update-defaults.ts";
import { EVENT_STATUS_LABELS } from "~/modules/status-page/model.ts";
import { pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

/** The incident cases, the richest first: what every preview on this page can be filled with. */
const CASES = INCIDENT_PREVIEW_CASE_IDS;

const render = (source: string, status: UpdateTemplateStatus, previewCase?: string) =>
  previewTemplate(source, status, (previewCase as IncidentCaseId) ?? CASES[0]);
const previewOf = (source: string, status: UpdateTemplateStatus) => previewOutcome(() => render(source, status));

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "settings:write");
  const [templates, named] = await Promise.all([listUpdateTemplates(), listNamedTemplates()]);
  return {
    statuses: await Promise.all(
      templates.map(async (t) => ({
        status: t.status,
        template: { ...t, preview: await previewOf(t.source, t.status) },
        named: await Promise.all(
          named
            .filter((n) => n.status === t.status)
            .map(async (n) => ({ ...n, isDefault: false, preview: await previewOf(n.source, n.status) })),
        ),
      })),
    ),
    cases: INCIDENT_PREVIEW_OPTIONS,
    variables: UPDATE_VARIABLE_NAMES.map((name) => {
      const sample = SAMPLE_UPDATE_VARIABLES[name];
      return { name, sample: Array.isArray(sample) ? sample : String(sample) };
    }),
  };
});

export const action = pageAction(async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "settings:write");
  return handleTemplateForm(request, {
    field: "status",
    keys: UPDATE_TEMPLATE_STATUSES,
    cases: CASES,
    render,
    save: (status, source) => saveUpdateTemplate(actor, status, source),
    named: {
      add: (status, name, source) => createNamedTemplate(actor, { status, name, source }),
      save: (id, name, source) => updateNamedTemplate(actor, id, { name, source }),
      remove: (id) => deleteNamedTemplate(actor, id),
    },
  });
});

export const shouldRevalidate = templatePageShouldRevalidate;

export default function AdminTemplates() {
  const { statuses, cases, variables } = useLoaderData<typeof loader>();
  const names = variables.map((v) => v.name);
  return (
    <div className="space-y-6">
      <p className="max-w-3xl text-sm text-slate-700">
        The comms tab fills a new status-page update from the template for its status, or from a named template comms picks for the scenario
        (&ldquo;Third-party outage&rdquo;). Templates are{" "}
        <a href="https://liquidjs.com/tutorials/intro-to-liquid.html" target="_blank" rel="noreferrer" className="underline">
          Liquid
        </a>
        , with filters for English: <code>list</code>, <code>plural: &quot;is&quot;, &quot;are&quot;</code>, <code>article</code>,{" "}
        <code>sentence</code>, <code>duration</code>. The preview fills them with the incident you choose. A template that does not parse,
        or does not fill for every kind of incident, is not saved.
      </p>
      <VariableList variables={variables} />
      {statuses.map(({ status, template, named }) => (
        <section key={status} aria-labelledby={`status-${status}`} data-testid={`status-${status}`} className="space-y-3">
          <h2 id={`status-${status}`} className="text-xl font-semibold">
            {EVENT_STATUS_LABELS[status]}
          </h2>
          <TemplateEditor
            template={template}
            heading="Standard text"
            headingLevel={3}
            field={{ name: "status", value: status }}
            variables={names}
            cases={cases}
          />
          {named.map((n) => (
            <TemplateEditor
              key={n.id}
              template={n}
              heading={n.name}
              headingLevel={3}
              field={{ name: "status", value: status }}
              editor={`named:${n.id}`}
              named={{ id: n.id }}
              variables={names}
              cases={cases}
            />
          ))}
          <AddNamedTemplate status={status} statusLabel={EVENT_STATUS_LABELS[status]} defaultSource={template.source} />
        </section>
      ))}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Templates · Admin · Incident Desk" }];
