// Admins adjust the liquid templates that write each post-mortem section's first draft.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { z } from "zod";
import { TemplateEditor, VariableList, type TemplateFormOutcome, type TemplatePreview } from "~/components/admin/template-editor.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { MAX_TEMPLATE_LENGTH } from "~/modules/notices/templates.ts";
import { listSectionTemplates, previewSectionTemplate, saveSectionTemplate } from "~/modules/postmortems/section-templates.server.ts";
import { SECTION_KEYS } from "~/modules/postmortems/sections.ts";
import { sectionVariableList } from "~/modules/postmortems/template-variables.ts";
import { formErrorsFrom, parseForm } from "~/utils/form.server.ts";

const Section = z.enum(SECTION_KEYS, { message: `must be one of ${SECTION_KEYS.join(", ")}` });
const Source = z.string().max(MAX_TEMPLATE_LENGTH, `must be at most ${MAX_TEMPLATE_LENGTH} characters`);

const FormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("preview"), section: Section, source: Source }),
  z.object({ intent: z.literal("save"), section: Section, source: Source }),
  z.object({ intent: z.literal("reset"), section: Section }),
]);

async function previewOf(source: string): Promise<TemplatePreview> {
  try {
    return { text: previewSectionTemplate(source) || "(empty: the section starts with its prompts only)" };
  } catch (error) {
    const errors = await formErrorsFrom(error);
    return { error: errors.source ?? errors._ };
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "settings:write");
  const templates = await listSectionTemplates();
  return {
    templates: await Promise.all(templates.map(async (t) => ({ ...t, preview: await previewOf(t.source) }))),
    variables: sectionVariableList(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "settings:write");
  let submitted: Record<string, FormDataEntryValue> = {};
  const parsed = await parseForm(request, FormSchema, (form) => (submitted = Object.fromEntries(form)));
  const intent = String(submitted.intent ?? "");
  const form = `${intent === "preview" ? "preview" : "save"}:${String(submitted.section ?? "")}`;
  const source = typeof submitted.source === "string" ? submitted.source : undefined;
  const failed = (errors: Record<string, string>) => data<TemplateFormOutcome>({ ok: false, form, errors, source }, { status: 422 });
  if (!parsed.ok) return failed(parsed.errors);
  const input = parsed.data;
  if (input.intent === "preview") return data<TemplateFormOutcome>({ ok: true, form, source: input.source, preview: await previewOf(input.source) });
  try {
    const saved = await saveSectionTemplate(actor, input.section, input.intent === "save" ? input.source : null);
    return data<TemplateFormOutcome>({ ok: true, form, saved: input.intent, source: saved.source, preview: await previewOf(saved.source) });
  } catch (error) {
    return failed(await formErrorsFrom(error));
  }
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "preview" ? false : defaultShouldRevalidate;

export default function AdminPostmortemTemplates() {
  const { templates, variables } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-sm text-slate-700">
        A new post-mortem's sections are written by these templates from the incident's data, in light Markdown: <code>### heading</code>, <code>- list item</code>,{" "}
        <code>**bold**</code>, <code>[link](/incidents/…)</code>. Link every sentence to where its data came from: the lint treats a block without such a link as
        written by a person. Changes apply to post-mortems generated after saving.
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
        />
      ))}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Post-mortem templates · Admin · Incident Desk" }];
