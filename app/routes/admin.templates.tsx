import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { z } from "zod";
import { TemplateEditor, VariableList, type TemplateFormOutcome, type TemplatePreview } from "~/components/admin/template-editor.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { listUpdateTemplates, previewTemplate, saveUpdateTemplate } from "~/modules/notices/templates.server.ts";
import { MAX_TEMPLATE_LENGTH } from "~/modules/notices/templates.ts";
import { SAMPLE_UPDATE_VARIABLES, UPDATE_TEMPLATE_STATUSES, UPDATE_VARIABLE_NAMES } from "~/modules/notices/update-templates.ts";
import { EVENT_STATUS_LABELS } from "~/modules/status-page/model.ts";
import { formErrorsFrom, parseForm } from "~/utils/form.server.ts";

const Status = z.enum(UPDATE_TEMPLATE_STATUSES, { message: `must be one of ${UPDATE_TEMPLATE_STATUSES.join(", ")}` });
const Source = z.string().max(MAX_TEMPLATE_LENGTH, `must be at most ${MAX_TEMPLATE_LENGTH} characters`);

const TemplateFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("preview"), status: Status, source: Source }),
  z.object({ intent: z.literal("save"), status: Status, source: Source }),
  z.object({ intent: z.literal("reset"), status: Status }),
]);

/** The template filled with the sample data, or liquid's reason why it cannot be. */
async function previewOf(source: string): Promise<TemplatePreview> {
  try {
    return { text: previewTemplate(source) };
  } catch (error) {
    const errors = await formErrorsFrom(error);
    return { error: errors.source ?? errors._ };
  }
}

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
  let submitted: Record<string, FormDataEntryValue> = {};
  const parsed = await parseForm(request, TemplateFormSchema, (form) => (submitted = Object.fromEntries(form)));
  const intent = String(submitted.intent ?? "");
  const form = `${intent === "preview" ? "preview" : "save"}:${String(submitted.status ?? "")}`;
  const source = typeof submitted.source === "string" ? submitted.source : undefined;
  const failed = (errors: Record<string, string>) => data<TemplateFormOutcome>({ ok: false, form, errors, source }, { status: 422 });
  if (!parsed.ok) return failed(parsed.errors);
  const input = parsed.data;
  if (input.intent === "preview") {
    const preview = await previewOf(input.source);
    // a broken template is the answer to a preview, not a failed request
    return data<TemplateFormOutcome>({ ok: true, form, source: input.source, preview });
  }
  try {
    const saved = await saveUpdateTemplate(actor, input.status, input.intent === "save" ? input.source : null);
    return data<TemplateFormOutcome>({ ok: true, form, saved: input.intent, source: saved.source, preview: await previewOf(saved.source) });
  } catch (error) {
    return failed(await formErrorsFrom(error));
  }
}

/** A preview changes nothing on the server: no reason to reload the page's data after it. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "preview" ? false : defaultShouldRevalidate;

export default function AdminTemplates() {
  const { templates, variables } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-sm text-slate-700">
        The comms tab fills a new status-page update from the template for its status. Templates are{" "}
        <a href="https://liquidjs.com/tutorials/intro-to-liquid.html" target="_blank" rel="noreferrer">
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
