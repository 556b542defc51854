// The one form behind every admin page of liquid templates (status-page updates, post-mortem
// sections): preview, save or reset the template a hidden field names. A preview of a broken
// template is an answer, not a failure; a save of one is a 422 with liquid's reason.
import { data } from "@remix-run/node";
import { z } from "zod";
import type { TemplateFormOutcome, TemplatePreview } from "~/components/admin/template-editor.tsx";
import { formErrorsFrom, parseForm } from "~/utils/form.server.ts";
import { MAX_TEMPLATE_LENGTH } from "./templates.ts";

/** The template filled with sample data by `render`, or liquid's reason why it cannot be. */
export async function previewOutcome(render: (source: string) => string, source: string): Promise<TemplatePreview> {
  try {
    return { text: render(source) };
  } catch (error) {
    const errors = await formErrorsFrom(error);
    return { error: errors.source ?? errors._ };
  }
}

export async function handleTemplateForm<K extends string>(
  request: Request,
  {
    field,
    keys,
    render,
    save,
  }: {
    /** the hidden field naming the template ("status", "section") */
    field: string;
    keys: readonly [K, ...K[]];
    render: (source: string) => string;
    /** stores `source` (null: back to the default) and answers the stored source */
    save: (key: K, source: string | null) => Promise<{ source: string }>;
  },
) {
  const Key = z.enum(keys, { message: `must be one of ${keys.join(", ")}` });
  const Source = z.string().max(MAX_TEMPLATE_LENGTH, `must be at most ${MAX_TEMPLATE_LENGTH} characters`);
  const Schema = z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("preview"), [field]: Key, source: Source }),
    z.object({ intent: z.literal("save"), [field]: Key, source: Source }),
    z.object({ intent: z.literal("reset"), [field]: Key }),
  ]);
  let submitted: Record<string, FormDataEntryValue> = {};
  const parsed = await parseForm(request, Schema, (form) => (submitted = Object.fromEntries(form)));
  const intent = String(submitted.intent ?? "");
  const form = `${intent === "preview" ? "preview" : "save"}:${String(submitted[field] ?? "")}`;
  const source = typeof submitted.source === "string" ? submitted.source : undefined;
  const failed = (errors: Record<string, string>) => data<TemplateFormOutcome>({ ok: false, form, errors, source }, { status: 422 });
  if (!parsed.ok) return failed(parsed.errors);
  const input = parsed.data as { intent: "preview" | "save" | "reset"; source?: string } & Record<string, string>;
  // a broken template is the answer to a preview, not a failed request
  if (input.intent === "preview") return data<TemplateFormOutcome>({ ok: true, form, source: input.source!, preview: await previewOutcome(render, input.source!) });
  try {
    const saved = await save(input[field] as K, input.intent === "save" ? input.source! : null);
    return data<TemplateFormOutcome>({ ok: true, form, saved: input.intent, source: saved.source, preview: await previewOutcome(render, saved.source) });
  } catch (error) {
    return failed(await formErrorsFrom(error));
  }
}
