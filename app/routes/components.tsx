import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { z } from "zod";
import { CatalogEntry } from "~/components/catalog/catalog-entry.tsx";
import { NewComponentForm } from "~/components/catalog/new-component-form.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { can } from "~/modules/auth/roles.ts";
import {
  ComponentInputSchema,
  ComponentPatchSchema,
  createComponent,
  listComponents,
  listRegions,
  moveComponent,
  updateComponent,
} from "~/modules/components/catalog.server.ts";
import {
  catalogBlocks,
  componentFormKey,
  componentFromForm,
  errorsByField,
  type CatalogFormOutcome,
  type ComponentFormValues,
} from "~/modules/components/catalog-forms.ts";
import { parseForm, unhandledIntent } from "~/utils/form.server.ts";
import { formRefusal, pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

const ComponentId = z.string().min(1, "must not be empty").max(64);

const CatalogFormSchema = z.discriminatedUnion("intent", [
  ComponentInputSchema.extend({ intent: z.literal("create") }),
  ComponentPatchSchema.extend({ intent: z.literal("update"), id: ComponentId }),
  z.object({ intent: z.literal("move"), id: ComponentId, direction: z.enum(["up", "down"]) }),
]);

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const [components, regions] = await Promise.all([listComponents(), listRegions()]);
  const canEdit = can(actor.role, "component:write");
  return {
    blocks: catalogBlocks(components),
    editing: canEdit
      ? {
          groups: components.filter((c) => c.group).map((c) => ({ id: c.id, name: c.name })),
          regions: regions.map((r) => ({ slug: r.slug, name: r.name })),
          editingId: new URL(request.url).searchParams.get("edit"),
        }
      : null,
  };
});

export const action = pageAction(async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "component:write");
  let submitted: ComponentFormValues = {};
  const parsed = await parseForm(request, CatalogFormSchema, (form) => (submitted = componentFromForm(form)));
  const form = componentFormKey(submitted);
  const failed = (errors: Record<string, string>, init: ResponseInit = { status: 422 }) =>
    data<CatalogFormOutcome>({ ok: false, form, errors: errorsByField(errors), values: submitted }, init);
  if (!parsed.ok) return failed(parsed.errors);
  try {
    const input = parsed.data;
    switch (input.intent) {
      case "create": {
        const { intent: _, ...fields } = input;
        const added = await createComponent(actor, fields);
        return data<CatalogFormOutcome>({ ok: true, form, added: { id: added.id, name: added.name, group: added.group } });
      }
      case "update": {
        const { intent: _, id, ...patch } = input;
        await updateComponent(actor, id, patch);
        // closes the editor and brings the saved entry into view, with or without JavaScript
        return redirect(`/components#component-${id}`);
      }
      case "move":
        await moveComponent(actor, input.id, input.direction);
        return data<CatalogFormOutcome>({ ok: true, form });
      default:
        return unhandledIntent(input);
    }
  } catch (error) {
    const refusal = formRefusal(error);
    return failed(refusal.errors, refusal.init);
  }
});

export default function ComponentsPage() {
  const { blocks, editing } = useLoaderData<typeof loader>();
  const groupCount = blocks.filter((b) => b.kind === "group").length;
  return (
    <div>
      <PageHeader title="Components" />
      <p className="-mt-2 mb-4 text-sm text-slate-600">What customers use, grouped as they appear on the status page.</p>
      <div className={editing ? "grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]" : ""}>
        <div className="space-y-4">
          {blocks.length === 0 ? (
            <p className="rounded-lg border border-slate-300 bg-white p-6 text-center text-slate-600">The catalog is empty.</p>
          ) : null}
          {blocks.map((block, i) => {
            const first = i === 0;
            const last = i === blocks.length - 1;
            if (block.kind === "group") {
              return (
                <section
                  key={block.group.id}
                  id={`component-${block.group.id}`}
                  className="scroll-mt-4 overflow-hidden rounded-lg border border-slate-300 bg-white"
                >
                  <div className="border-b border-slate-200 bg-slate-100 px-4 py-3">
                    <CatalogEntry component={block.group} first={first} last={last} editing={editing} />
                  </div>
                  {block.members.length ? (
                    <ul className="divide-y divide-slate-200">
                      {block.members.map((member, j) => (
                        <li key={member.id} id={`component-${member.id}`} className="scroll-mt-4 px-4 py-3 target:bg-amber-50">
                          <CatalogEntry component={member} first={j === 0} last={j === block.members.length - 1} editing={editing} />
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="px-4 py-3 text-sm text-slate-600">No components in this group yet.</p>
                  )}
                </section>
              );
            }
            return (
              <section
                key={block.components[0].id}
                aria-label="Not in a group"
                className="overflow-hidden rounded-lg border border-slate-300 bg-white"
              >
                {groupCount ? (
                  <h2 className="border-b border-slate-200 bg-slate-100 px-4 py-2 text-sm font-semibold text-slate-700">Not in a group</h2>
                ) : null}
                <ul className="divide-y divide-slate-200">
                  {block.components.map((c, j) => (
                    <li key={c.id} id={`component-${c.id}`} className="scroll-mt-4 px-4 py-3 target:bg-amber-50">
                      <CatalogEntry
                        component={c}
                        first={first && j === 0}
                        last={last && j === block.components.length - 1}
                        editing={editing}
                      />
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
        {editing ? <NewComponentForm groups={editing.groups} regions={editing.regions} /> : null}
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Components · Incident Desk" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary unexpected={{ title: "The catalog could not be shown" }} />;
}
