import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { SelectField, TextAreaField, TextField } from "~/components/ui/field.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { listComponents, listRegions } from "~/modules/components/catalog.server.ts";
import { declareIncident } from "~/modules/incidents/declare.server.ts";
import { ComponentImpactPicker, RegionPicker } from "~/components/incidents/impact-pickers.tsx";
import { SEVERITIES, SEVERITY_LABELS } from "~/modules/incidents/lifecycle.ts";
import { DeclareIncidentSchema } from "~/modules/incidents/schemas.ts";
import { readForm } from "~/utils/form.server.ts";
import { declareFromForm } from "~/modules/incidents/forms.ts";
import { fieldErrors } from "~/utils/http.server.ts";
import { formTimeZone } from "~/utils/time-zones.ts";
import { zoneLabel } from "~/utils/time.ts";
import { useReaderZone } from "~/components/ui/time.tsx";
import { declareFormErrors, type DeclareField } from "~/modules/incidents/declare-form.ts";
import { formRefusal, pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "incident:write");
  const [components, regions] = await Promise.all([listComponents(), listRegions()]);
  return { components: components.map((c) => ({ id: c.id, name: c.name, group: c.group, groupId: c.groupId })), regions };
});

export const action = pageAction(async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "incident:write");
  const form = await readForm(request);
  // Started/Detected say which zone they were shown in (decision 0040)
  const zone = formTimeZone(form, actor.timeZone);
  if (!zone.success)
    return Response.json({ errors: declareFormErrors(fieldErrors(zone.error), []), values: typedValues(form) }, { status: 422 });
  const { leadIsMe, ...shaped } = declareFromForm(form, zone.zone);
  const parsed = DeclareIncidentSchema.safeParse({ ...shaped, commanderId: leadIsMe ? actor.userId : undefined });
  let fields: Record<string, string>;
  if (parsed.success) {
    try {
      const incident = await declareIncident(actor, parsed.data);
      return redirect(`/incidents/${incident.id}`);
    } catch (error) {
      fields = formRefusal(error).errors;
    }
  } else fields = fieldErrors(parsed.error);
  // The form again, each error beside its field and naming it, with what was typed (decision 0038).
  const names = new Map((await listComponents()).map((c) => [c.id, c.name]));
  const errors = declareFormErrors(
    fields,
    shaped.components.map((c) => ({ id: c.id, name: names.get(c.id) ?? null })),
  );
  return Response.json({ errors, values: typedValues(form) }, { status: 422 });
});

/** What the person typed, to fill the form again. */
function typedValues(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? "");
  const impacts = [...form.entries()]
    .filter(([k, v]) => k.startsWith("impact:") && v !== "")
    .map(([k, v]) => [k.slice("impact:".length), String(v)] as const);
  return {
    title: text("title"),
    severity: text("severity"),
    summary: text("summary"),
    impacts,
    regions: form.getAll("regions").map(String),
    lead: form.get("lead") === "me",
    startedAt: text("startedAt"),
    detectedAt: text("detectedAt"),
  };
}

type Refused = { errors: Partial<Record<DeclareField, string>>; values: ReturnType<typeof typedValues> };

export default function DeclareIncident() {
  const { components, regions } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>() as Refused | undefined;
  const errors = refused?.errors ?? {};
  const typed = refused?.values;
  const busy = useNavigation().state !== "idle";
  const zone = useReaderZone();
  return (
    <div className="max-w-3xl">
      <PageHeader title="Declare an incident" />
      <Form method="post" className="rounded-lg border border-slate-300 bg-white p-4">
        {errors._ ? (
          <p className="mb-3 text-sm text-red-700" role="alert">
            {errors._}
          </p>
        ) : null}
        <TextField
          label="Title: what is happening?"
          name="title"
          required
          minLength={3}
          maxLength={200}
          autoFocus
          defaultValue={typed?.title}
          error={errors.title}
          placeholder="Elevated errors on the Messages API"
        />
        <SelectField label="Severity" name="severity" defaultValue={typed?.severity || "SEV2"} error={errors.severity}>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <fieldset
          className="mb-3"
          aria-invalid={errors.components ? true : undefined}
          aria-describedby={errors.components ? "components-error" : undefined}
        >
          <legend className="text-sm font-medium text-slate-800">Affected components (optional)</legend>
          <ComponentImpactPicker
            components={components}
            current={typed ? new Map(typed.impacts) : undefined}
            className="mt-1 grid gap-1 sm:grid-cols-2"
          />
          {errors.components ? (
            <p id="components-error" className="text-sm text-red-700" role="alert">
              {errors.components}
            </p>
          ) : null}
        </fieldset>
        <RegionPicker
          regions={regions}
          selected={typed ? new Set(typed.regions) : undefined}
          legend="Regions (optional)"
          error={errors.regions}
        />
        <TextAreaField
          label="Summary (optional)"
          name="summary"
          rows={3}
          maxLength={5000}
          defaultValue={typed?.summary}
          error={errors.summary}
        />
        <details className="mb-3" open={Boolean(errors.startedAt || errors.detectedAt || typed?.startedAt || typed?.detectedAt)}>
          <summary className="cursor-pointer text-sm text-blue-800">It started or was detected earlier than now</summary>
          <input type="hidden" name="timeZone" value={zone} />
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            <TextField
              label={`Started (${zoneLabel(zone)})`}
              name="startedAt"
              type="datetime-local"
              defaultValue={typed?.startedAt}
              error={errors.startedAt}
              hint="Leave empty for now."
            />
            <TextField
              label={`Detected (${zoneLabel(zone)})`}
              name="detectedAt"
              type="datetime-local"
              defaultValue={typed?.detectedAt}
              error={errors.detectedAt}
              hint="Leave empty for now."
            />
          </div>
        </details>
        <label className="mb-4 flex items-center gap-2 text-sm">
          <input type="checkbox" name="lead" value="me" defaultChecked={typed ? typed.lead : true} /> I am the incident commander
        </label>
        {errors.commanderId ? <p className="mb-3 text-sm text-red-700">{errors.commanderId}</p> : null}
        <Button variant="danger" disabled={busy}>
          {busy ? "Declaring…" : "Declare incident"}
        </Button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Declare an incident · Incident Desk" }];
