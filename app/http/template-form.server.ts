// The one form behind every admin page of liquid templates (status-page updates, post-mortem
// sections): preview (with one of the preview cases), save or reset the template a hidden
// field names; on the update templates page also add, save and delete named templates. A
// preview of a broken template is an answer, not a failure; a save of one is a 422 with
// liquid's reason.
import { formRefusal } from "~/utils/page-boundary.server.ts";
import { data } from "@remix-run/node";
import { z } from "zod";
import type { TemplateFormOutcome, TemplatePreview } from "~/components/admin/template-editor.tsx";
import { parseForm, unhandledIntent } from "~/utils/form.server.ts";
import { TemplateNameSchema } from "~/modules/notices/named-templates.ts";
import { MAX_TEMPLATE_LENGTH } from "~/modules/notices/liquid.ts";

/** The template filled by `render`, or liquid's reason why it cannot be. */
export async function previewOutcome(render: () => string): Promise<TemplatePreview> {
  try {
    return { text: render() };
  } catch (error) {
    const { errors } = formRefusal(error);
    return { error: errors.source ?? errors._ };
  }
}

/** What a page with named templates does with them; each answers the stored source. */
export type NamedTemplateHandlers<K extends string> = {
  add: (key: K, name: string, source: string) => Promise<{ source: string }>;
  save: (id: string, name: string, source: string) => Promise<{ source: string }>;
  remove: (id: string) => Promise<void>;
};

export async function handleTemplateForm<K extends string>(
  request: Request,
  {
    field,
    keys,
    cases,
    render,
    save,
    named,
  }: {
    /** the hidden field naming the template ("status", "section") */
    field: string;
    keys: readonly [K, ...K[]];
    /** the preview cases a preview may ask for; the first when none is asked */
    cases?: readonly [string, ...string[]];
    render: (source: string, key: K, previewCase: string | undefined) => string;
    /** stores `source` (null: back to the default) and answers the stored source */
    save: (key: K, source: string | null) => Promise<{ source: string }>;
    named?: NamedTemplateHandlers<K>;
  },
) {
  const Key = z.enum(keys, { message: `must be one of ${keys.join(", ")}` });
  const Source = z.string().max(MAX_TEMPLATE_LENGTH, `must be at most ${MAX_TEMPLATE_LENGTH} characters`);
  const Case = cases ? z.enum(cases, { message: `must be one of ${cases.join(", ")}` }).optional() : z.undefined().optional();
  const Id = z.string().min(1).max(64);
  const Schema = z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("preview"), [field]: Key, source: Source, case: Case }),
    z.object({ intent: z.literal("save"), [field]: Key, source: Source }),
    z.object({ intent: z.literal("reset"), [field]: Key }),
    ...(named
      ? [
          z.object({ intent: z.literal("add-named"), [field]: Key, name: TemplateNameSchema, source: Source }),
          z.object({ intent: z.literal("save-named"), [field]: Key, id: Id, name: TemplateNameSchema, source: Source }),
          z.object({ intent: z.literal("delete-named"), [field]: Key, id: Id }),
        ]
      : []),
  ]);
  let submitted: Record<string, FormDataEntryValue> = {};
  const parsed = await parseForm(request, Schema, (form) => (submitted = Object.fromEntries(form)));
  const editor = typeof submitted.editor === "string" && submitted.editor.length <= 100 ? submitted.editor : String(submitted[field] ?? "");
  const form = `${editorPart(submitted.intent)}:${editor}`;
  const source = typeof submitted.source === "string" ? submitted.source : undefined;
  const failed = (errors: Record<string, string>, init: ResponseInit = { status: 422 }) =>
    data<TemplateFormOutcome>({ ok: false, form, errors, source }, init);
  if (!parsed.ok) return failed(parsed.errors);
  const input = parsed.data as { intent: TemplateIntent; source?: string; case?: string; name?: string; id?: string } & Record<
    string,
    string
  >;
  const key = input[field] as K;
  const previewOf = (text: string) => previewOutcome(() => render(text, key, input.case));
  const stored = async (saved: "add" | "save" | "reset", template: { source: string }) =>
    data<TemplateFormOutcome>({
      ok: true,
      form,
      saved,
      source: template.source,
      name: input.name,
      preview: await previewOf(template.source),
    });
  try {
    switch (input.intent) {
      case "preview":
        // a broken template is the answer to a preview, not a failed request
        return data<TemplateFormOutcome>({
          ok: true,
          form,
          source: input.source!,
          case: input.case,
          preview: await previewOf(input.source!),
        });
      case "save":
        return await stored("save", await save(key, input.source!));
      case "reset":
        return await stored("reset", await save(key, null));
      case "add-named":
        return await stored("add", await named!.add(key, input.name!, input.source!));
      case "save-named":
        return await stored("save", await named!.save(input.id!, input.name!, input.source!));
      case "delete-named":
        await named!.remove(input.id!);
        return data<TemplateFormOutcome>({ ok: true, form, saved: "delete", source: "", preview: { text: "" } });
      default:
        return unhandledIntent(input.intent);
    }
  } catch (error) {
    const refusal = formRefusal(error);
    return failed(refusal.errors, refusal.init);
  }
}

type TemplateIntent = "preview" | "save" | "reset" | "add-named" | "save-named" | "delete-named";

/** Which of an editor's two forms answers: its preview or its save (save, reset and the named templates' buttons). */
function editorPart(intent: unknown): "preview" | "save" {
  switch (intent) {
    case "preview":
      return "preview";
    default:
      return "save";
  }
}
