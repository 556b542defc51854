import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { z } from "zod";
import { NoticeEditor, type NoticeFormOutcome } from "~/components/admin/notice-editor.tsx";
import { VariableList } from "~/components/admin/template-editor-parts.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { NoticeKindSchema, NoticeTemplateFormSchema } from "~/modules/notices/notice-schemas.ts";
import { listNoticeTemplates, previewNotice, saveNoticeTemplate } from "~/modules/notices/saved-notices.server.ts";
import type { NoticeTemplateView } from "~/modules/notices/notice-views.ts";
import { noticeCases } from "~/modules/notices/notice-cases.ts";
import { NOTICE_VARIABLE_NAMES, type NoticeKind, type NoticeTemplate } from "~/modules/notices/notice-defaults.ts";
import { parseForm, unhandledIntent } from "~/utils/form.server.ts";
import { formRefusal, pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

const NoticeFormSchema = z.discriminatedUnion("intent", [
  NoticeTemplateFormSchema.extend({ intent: z.literal("preview") }),
  NoticeTemplateFormSchema.extend({ intent: z.literal("save") }),
  z.object({ intent: z.literal("reset"), kind: NoticeKindSchema }),
]);

const FIRST_KIND: NoticeKind = "incident.created";

const sourcesOf = (view: NoticeTemplateView): NoticeTemplate => ({
  subject: view.parts.subject.source,
  text: view.parts.text.source,
  html: view.parts.html.source,
});

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "settings:write");
  const asked = NoticeKindSchema.safeParse(new URL(request.url).searchParams.get("kind"));
  const kind = asked.success ? asked.data : FIRST_KIND;
  const templates = await listNoticeTemplates();
  const view = templates.find((t) => t.kind === kind)!;
  const preview = await previewNotice(kind, sourcesOf(view));
  return {
    kinds: templates.map((t) => ({ kind: t.kind, label: t.label, isDefault: t.isDefault })),
    view,
    preview,
    cases: noticeCases(kind),
    variables: NOTICE_VARIABLE_NAMES.map((name) => ({ name, sample: preview.variables[name] })),
  };
});

export const action = pageAction(async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "settings:write");
  let submitted: Record<string, FormDataEntryValue> = {};
  const parsed = await parseForm(request, NoticeFormSchema, (form) => (submitted = Object.fromEntries(form)));
  // the form that answered is the button's intent (the refusal of an unknown one names it too)
  const form = String(submitted.intent ?? "");
  const kind = String(submitted.kind ?? "");
  const sent =
    typeof submitted.subject === "string"
      ? { subject: String(submitted.subject), text: String(submitted.text ?? ""), html: String(submitted.html ?? "") }
      : undefined;
  const failed = (errors: Record<string, string>, init: ResponseInit = { status: 422 }) =>
    data<NoticeFormOutcome>({ ok: false, form, kind, errors, template: sent }, init);
  if (!parsed.ok) return failed(parsed.errors);
  const input = parsed.data;
  // saved or reset (back to the default): the stored template, previewed
  const stored = async (saved: "save" | "reset", parts: NoticeTemplate | null) => {
    const template = sourcesOf(await saveNoticeTemplate(actor, input.kind, parts));
    return data<NoticeFormOutcome>({ ok: true, form: saved, kind, template, preview: await previewNotice(input.kind, template) });
  };
  try {
    switch (input.intent) {
      case "preview": {
        const template = { subject: input.subject, text: input.text, html: input.html };
        // a broken template is the answer to a preview, not a failed request
        const previewCase = input.case || undefined;
        const preview = await previewNotice(input.kind, template, previewCase);
        return data<NoticeFormOutcome>({ ok: true, form: "preview", kind, template, case: input.case ?? "", preview });
      }
      case "save":
        return await stored("save", { subject: input.subject, text: input.text, html: input.html });
      case "reset":
        return await stored("reset", null);
      default:
        return unhandledIntent(input);
    }
  } catch (error) {
    const refusal = formRefusal(error);
    return failed(refusal.errors, refusal.init);
  }
});

/** A preview changes nothing on the server: no reason to reload the page's data after it. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "preview" ? false : defaultShouldRevalidate;

export default function AdminNotices() {
  const { kinds, view, preview, variables, cases } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-sm text-slate-700">
        The emails subscribers get. Each has a subject, a plain-text part and an HTML part, in{" "}
        <a href="https://liquidjs.com/tutorials/intro-to-liquid.html" target="_blank" rel="noreferrer" className="underline">
          Liquid
        </a>
        . The preview fills them with the latest real update, or with one of the preview incidents you choose. A notice that does not parse,
        or names a variable that does not exist, is not saved; scripts, event handlers, forms, frames and unsafe links or styles are removed
        from your HTML before it is sent.
      </p>
      <nav aria-label="Notices" className="flex flex-wrap gap-1">
        {kinds.map((k) => (
          <Link
            key={k.kind}
            to={`?kind=${encodeURIComponent(k.kind)}`}
            aria-current={k.kind === view.kind ? "page" : undefined}
            className="rounded-full px-3 py-1 text-sm no-underline ring-1 ring-slate-300 hover:bg-slate-100 hover:no-underline aria-[current=page]:bg-slate-900 aria-[current=page]:text-white aria-[current=page]:ring-slate-900"
          >
            {k.label}
            {k.isDefault ? null : <span className="sr-only"> (customised)</span>}
            {k.isDefault ? null : (
              <span aria-hidden className="ml-1 text-amber-500">
                ●
              </span>
            )}
          </Link>
        ))}
      </nav>
      <VariableList variables={variables} />
      <NoticeEditor key={view.kind} view={view} preview={preview} variables={NOTICE_VARIABLE_NAMES} cases={cases} />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Notices · Admin · Incident Desk" }];
