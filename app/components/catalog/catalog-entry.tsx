// One component (or a group's heading) in the catalog: what it is, where it runs and how
// it is doing; for admins also the buttons to move it and the inline editor.
import { Link } from "@remix-run/react";
import { FormError } from "~/components/admin/form-error.tsx";
import { useFormOutcome } from "~/components/admin/use-form-outcome.ts";
import { Button } from "~/components/ui/button.tsx";
import type { ComponentView } from "~/modules/components/view.ts";
import type { CatalogFormOutcome } from "~/modules/components/catalog-forms.ts";
import { ComponentFields, type GroupChoice, type RegionChoice } from "./component-fields.tsx";
import { ImpactBadge } from "~/components/ui/badges.tsx";
import { ComponentStatusBadge } from "./component-status-badge.tsx";

export type CatalogEditing = { groups: GroupChoice[]; regions: RegionChoice[]; editingId: string | null };

export function CatalogEntry({
  component,
  first,
  last,
  editing,
}: {
  component: ComponentView;
  first: boolean;
  last: boolean;
  /** present for those who may change the catalog */
  editing: CatalogEditing | null;
}) {
  if (editing?.editingId === component.id)
    return <EditComponentForm component={component} groups={editing.groups} regions={editing.regions} />;
  const Heading = component.group ? "h2" : "h3";
  return (
    <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
      {/* the 16rem basis lets the controls wrap below the text on a phone */}
      <div className="min-w-0 flex-1 basis-64">
        <Heading className={component.group ? "text-lg font-semibold" : "font-medium"}>{component.name}</Heading>
        {component.description ? <p className="text-sm text-slate-600">{component.description}</p> : null}
        {component.slaTarget !== null ? <p className="text-xs text-slate-700">SLA target {component.slaTarget}%</p> : null}
        {component.regions.length ? (
          <ul aria-label={`Regions of ${component.name}`} className="mt-1.5 flex flex-wrap gap-1">
            {component.regions.map((slug) => (
              <li key={slug} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700 ring-1 ring-slate-200">
                {slug}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="flex shrink-0 items-center gap-2">
        {component.activeIncidents.map((a) => (
          <Link key={a.incidentId} to={`/incidents/${a.incidentId}`} className="text-xs font-medium" title="Open incident affecting it now">
            {a.ref}: <ImpactBadge impact={a.impact} />
          </Link>
        ))}
        <span className="sr-only">Public status:</span>
        <ComponentStatusBadge status={component.status} />
        {editing ? (
          <>
            <MoveButtons component={component} first={first} last={last} />
            <Link
              to={`?edit=${component.id}`}
              preventScrollReset
              className="rounded border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-900 no-underline hover:bg-slate-100 hover:no-underline"
              aria-label={`Edit ${component.name}`}
            >
              Edit
            </Link>
          </>
        ) : null}
      </div>
    </div>
  );
}

function MoveButtons({ component, first, last }: { component: ComponentView; first: boolean; last: boolean }) {
  const { fetcher, errors, busy } = useFormOutcome<CatalogFormOutcome>(`move:${component.id}`);
  return (
    <fetcher.Form method="post" className="flex items-center gap-0.5">
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="id" value={component.id} />
      <Button
        variant="ghost"
        className="px-2"
        name="direction"
        value="up"
        disabled={first || busy}
        aria-label={`Move ${component.name} up`}
        title="Move up"
      >
        <span aria-hidden="true">↑</span>
      </Button>
      <Button
        variant="ghost"
        className="px-2"
        name="direction"
        value="down"
        disabled={last || busy}
        aria-label={`Move ${component.name} down`}
        title="Move down"
      >
        <span aria-hidden="true">↓</span>
      </Button>
      {errors._ ? (
        <span role="alert" className="text-sm text-red-700">
          {errors._}
        </span>
      ) : null}
    </fetcher.Form>
  );
}

function EditComponentForm({ component, groups, regions }: { component: ComponentView; groups: GroupChoice[]; regions: RegionChoice[] }) {
  const { fetcher, outcome, errors, busy } = useFormOutcome<CatalogFormOutcome>(`update:${component.id}`);
  const values = outcome && !outcome.ok ? outcome.values : component;
  return (
    <fetcher.Form
      method="post"
      preventScrollReset
      aria-label={`Edit ${component.name}`}
      className="rounded-md border border-slate-300 bg-slate-50 p-3"
    >
      <input type="hidden" name="intent" value="update" />
      <input type="hidden" name="id" value={component.id} />
      <p className="mb-2 text-sm font-semibold text-slate-800">
        Editing {component.group ? "group" : "component"} “{component.name}”
      </p>
      <FormError message={errors._} />
      <ComponentFields
        values={values}
        errors={errors}
        groups={groups.filter((g) => g.id !== component.id)}
        regions={regions}
        editing={component.group ? "group" : "component"}
      />
      <div className="flex items-center gap-2">
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save changes"}
        </Button>
        <Link to="." preventScrollReset className="px-2 text-sm">
          Cancel
        </Link>
      </div>
    </fetcher.Form>
  );
}
