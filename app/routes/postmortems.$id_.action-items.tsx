// A post-mortem's action items on a page of their own, and where every ActionItemsEditor
// posts (wherever it is embedded): add an item or change one. A fetcher (JavaScript on) gets
// the outcome as data; a plain form post goes back to the page it came from, or, when
// something was not valid, this page shows the editor with what and why.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionItemsEditor, type ActionItemsEditorOutcome } from "~/components/action-items/action-items-editor.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { createActionItem, updateActionItem } from "~/modules/action-items/action-items.server.ts";
import { postmortemActionItems } from "~/modules/action-items/queries.server.ts";
import { ActionItemPatchSchema, actionItemFromForm, NewActionItemSchema } from "~/modules/action-items/schemas.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { safeRedirectPath } from "~/modules/auth/redirect.ts";
import { can } from "~/modules/auth/roles.ts";
import { readForm, readIntent, unhandledIntent } from "~/utils/form.server.ts";
import { parseWith } from "~/utils/http.server.ts";
import { formFailed, pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

export const loader = pageLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const { postmortem, items, people } = await postmortemActionItems(params.id!);
  if (!postmortem) throw new Response("There is no post-mortem with this id.", { status: 404 });
  return { postmortem, items, people, canEdit: can(actor.role, "postmortem:write") };
});

const Intent = z.enum(["create", "update"]);

export const action = pageAction(async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "postmortem:write");
  const postmortemId = params.id!;
  const form = await readForm(request);
  const id = String(form.get("id") ?? "");
  let formName = "create";
  try {
    // a form that names no intent adds an item
    const intent = readIntent(form, Intent, "create");
    switch (intent) {
      case "create":
        await createActionItem(actor, postmortemId, parseWith(NewActionItemSchema, actionItemFromForm(form, "new")));
        break;
      case "update":
        formName = `update-${id}`;
        // An item of another post-mortem is not this form's to change.
        await updateActionItem(actor, id, parseWith(ActionItemPatchSchema, actionItemFromForm(form, "edit")), { postmortemId });
        break;
      default:
        unhandledIntent(intent);
    }
  } catch (error) {
    return formFailed(error, { form: formName });
  }
  if (form.get("enhanced") === "1") return { ok: true, form: formName } satisfies ActionItemsEditorOutcome;
  throw redirect(safeRedirectPath(form.get("returnTo"), `/postmortems/${postmortemId}/action-items`), 303);
});

export default function PostmortemActionItems() {
  const { postmortem, items, people, canEdit } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-5xl">
      <p className="mb-3 text-sm">
        <Link to={`/postmortems/${postmortem.id}`}>← {postmortem.title}</Link>
      </p>
      <PageHeader title="Action items" />
      <ActionItemsEditor postmortemId={postmortem.id} items={items} people={people} canEdit={canEdit} heading={false} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Action items · ${data.postmortem.title} · Incident Desk` : "Action items · Incident Desk" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary byStatus={{ 404: { title: "Post-mortem not found" } }} />;
}
