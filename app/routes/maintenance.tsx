import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { MaintenanceCard } from "~/components/maintenance/maintenance-card.tsx";
import { ScheduleMaintenanceForm, type MaintenanceFormOutcome } from "~/components/maintenance/schedule-form.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import type { Actor } from "~/modules/auth/actor.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { can } from "~/modules/auth/roles.ts";
import { listComponents } from "~/modules/components/catalog.server.ts";
import { catalogBlocks, errorsByField } from "~/modules/components/catalog-forms.ts";
import {
  maintenanceSections,
  maintenanceUpdateInput,
  newMaintenanceInput,
  newMaintenanceValues,
  suggestedWindow,
} from "~/modules/maintenance/forms.ts";
import { listMaintenances, postMaintenanceUpdate, scheduleMaintenance } from "~/modules/maintenance/maintenance.server.ts";
import { MaintenanceUpdateSchema, NewMaintenanceSchema } from "~/modules/maintenance/schemas.ts";
import { readForm, readIntent, unhandledIntent } from "~/utils/form.server.ts";
import { fieldErrors } from "~/utils/http.server.ts";
import { formTimeZone } from "~/utils/time-zones.ts";
import { formRefusal, pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

const MaintenanceId = z.string().trim().min(1).max(64);
/** How many completed windows the page lists; the rest stay in the API. */
const COMPLETED_SHOWN = 20;

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const canChange = can(actor.role, "update:publish");
  const [maintenances, components] = await Promise.all([listMaintenances(), canChange ? listComponents() : Promise.resolve([])]);
  const blocks = catalogBlocks(components).map((block) =>
    block.kind === "group"
      ? { group: block.group.name, components: block.members.map((c) => ({ id: c.id, name: c.name })) }
      : { group: null, components: block.components.map((c) => ({ id: c.id, name: c.name })) },
  );
  return {
    sections: maintenanceSections(maintenances),
    canChange,
    blocks: blocks.filter((b) => b.components.length > 0),
    suggested: suggestedWindow(new Date(), actor.timeZone),
    timeZone: actor.timeZone,
  };
});

const Intent = z.enum(["schedule", "move", "message"]);

export const action = pageAction(async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:publish");
  const form = await readForm(request);
  let intent: z.output<typeof Intent>;
  try {
    intent = readIntent(form, Intent);
  } catch (error) {
    const refusal = formRefusal(error);
    return data<MaintenanceFormOutcome>({ ok: false, form: "", errors: refusal.errors }, refusal.init);
  }
  switch (intent) {
    case "schedule":
      return schedule(actor, form);
    case "move":
    case "message":
      return changeWindow(actor, form, intent);
    default:
      return unhandledIntent(intent);
  }
});

async function schedule(actor: Actor, form: FormData) {
  const values = newMaintenanceValues(form);
  const failed = (errors: Record<string, string>, init: ResponseInit = { status: 422 }) =>
    data<MaintenanceFormOutcome>({ ok: false, form: "schedule", errors: errorsByField(errors), values }, init);
  // the inputs say which zone they were shown in (decision 0040)
  const zone = formTimeZone(form, actor.timeZone);
  if (!zone.success) return failed(fieldErrors(zone.error));
  const parsed = NewMaintenanceSchema.safeParse(newMaintenanceInput(values, zone.zone));
  if (!parsed.success) return failed(fieldErrors(parsed.error));
  try {
    const scheduled = await scheduleMaintenance(actor, parsed.data);
    return data<MaintenanceFormOutcome>({ ok: true, form: "schedule", scheduled: { title: scheduled.title, status: scheduled.status } });
  } catch (error) {
    const refusal = formRefusal(error);
    return failed(refusal.errors, refusal.init);
  }
}

async function changeWindow(actor: Actor, form: FormData, intent: "move" | "message") {
  const id = MaintenanceId.safeParse(form.get("id"));
  const key = `${intent}:${id.data ?? ""}`;
  const body = typeof form.get("body") === "string" ? String(form.get("body")) : undefined;
  const failed = (errors: Record<string, string>, init: ResponseInit = { status: 422 }) =>
    data<MaintenanceFormOutcome>({ ok: false, form: key, errors, values: { body } }, init);
  // a message form that only carries a message must not be read as a move, and the other way round
  const parsed = MaintenanceUpdateSchema.safeParse(maintenanceUpdateInput(form, intent));
  if (!id.success) return failed({ _: "No maintenance was named." });
  if (!parsed.success) return failed(fieldErrors(parsed.error));
  try {
    await postMaintenanceUpdate(actor, id.data, parsed.data);
    return data<MaintenanceFormOutcome>({ ok: true, form: key });
  } catch (error) {
    const refusal = formRefusal(error);
    return failed(refusal.errors, refusal.init);
  }
}

function Section({ title, empty, children, count }: { title: string; empty: string; count: number; children: React.ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-lg font-semibold">
        {title} <span className="text-sm font-normal text-slate-600">({count})</span>
      </h2>
      {count === 0 ? <p className="text-sm text-slate-600">{empty}</p> : children}
    </section>
  );
}

export default function MaintenancePage() {
  const { sections, canChange, blocks, suggested, timeZone } = useLoaderData<typeof loader>();
  const completed = sections.completed.slice(0, COMPLETED_SHOWN);
  const list = (windows: typeof completed) =>
    windows.map((m) => <MaintenanceCard key={m.id} maintenance={m} timeZone={timeZone} canChange={canChange} />);
  return (
    <div>
      <PageHeader title="Maintenance">
        <a href="/status" target="_blank" rel="noreferrer" className="text-sm">
          Public status page ↗
        </a>
      </PageHeader>
      <div className={canChange ? "grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" : ""}>
        <div className="min-w-0 space-y-6">
          <Section title="In progress" count={sections.inProgress.length} empty="No maintenance is running.">
            {list(sections.inProgress)}
          </Section>
          <Section title="Upcoming" count={sections.upcoming.length} empty="Nothing is scheduled.">
            {list(sections.upcoming)}
          </Section>
          <Section title="Completed" count={sections.completed.length} empty="No maintenance has been completed yet.">
            {list(completed)}
            {sections.completed.length > completed.length ? (
              <p className="text-sm text-slate-600">The {completed.length} most recent are shown.</p>
            ) : null}
          </Section>
        </div>
        {canChange ? (
          <div className="min-w-0">
            <ScheduleMaintenanceForm blocks={blocks} timeZone={timeZone} suggested={suggested} />
          </div>
        ) : null}
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Maintenance · Incident Desk" }];

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      byStatus={{ 403: { message: "Only admins and comms schedule and run maintenance." } }}
      unexpected={{ title: "The maintenance page could not be shown" }}
    />
  );
}
