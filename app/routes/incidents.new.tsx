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
import { formErrorsFrom, readForm } from "~/utils/form.server.ts";
import { declareFromForm } from "~/modules/incidents/forms.ts";
import { fieldErrors } from "~/utils/http.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "incident:write");
  const [components, regions] = await Promise.all([listComponents(), listRegions()]);
  return { components: components.map((c) => ({ id: c.id, name: c.name, group: c.group, groupId: c.groupId })), regions };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "incident:write");
  const { leadIsMe, ...shaped } = declareFromForm(await readForm(request));
  const parsed = DeclareIncidentSchema.safeParse({ ...shaped, commanderId: leadIsMe ? actor.userId : undefined });
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 422 });
  try {
    const incident = await declareIncident(actor, parsed.data);
    return redirect(`/incidents/${incident.id}`);
  } catch (error) {
    return Response.json({ errors: await formErrorsFrom(error) }, { status: 422 });
  }
}

export default function DeclareIncident() {
  const { components, regions } = useLoaderData<typeof loader>();
  const errors = (useActionData<typeof action>() as { errors?: Record<string, string> } | undefined)?.errors ?? {};
  const busy = useNavigation().state !== "idle";
  return (
    <div className="max-w-3xl">
      <PageHeader title="Declare an incident" />
      <Form method="post" className="rounded-lg border border-slate-300 bg-white p-4">
        {errors._ ? <p className="mb-3 text-sm text-red-700" role="alert">{errors._}</p> : null}
        <TextField label="What is happening?" name="title" required minLength={3} maxLength={200} autoFocus error={errors.title} placeholder="Elevated errors on the Messages API" />
        <SelectField label="Severity" name="severity" defaultValue="SEV2" error={errors.severity}>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <fieldset className="mb-3">
          <legend className="text-sm font-medium text-slate-800">Affected components (optional)</legend>
          <ComponentImpactPicker components={components} className="mt-1 grid gap-1 sm:grid-cols-2" />
          {errors.components ? <p className="text-sm text-red-700">{errors.components}</p> : null}
        </fieldset>
        <RegionPicker regions={regions} legend="Regions (optional)" />
        <TextAreaField label="Summary (optional)" name="summary" rows={3} maxLength={5000} error={errors.summary} />
        <details className="mb-3">
          <summary className="cursor-pointer text-sm text-blue-800">It started or was detected earlier than now</summary>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            <TextField label="Started (UTC)" name="startedAt" type="datetime-local" error={errors.startedAt} hint="Leave empty for now." />
            <TextField label="Detected (UTC)" name="detectedAt" type="datetime-local" error={errors.detectedAt} hint="Leave empty for now." />
          </div>
        </details>
        <label className="mb-4 flex items-center gap-2 text-sm">
          <input type="checkbox" name="lead" value="me" defaultChecked /> I am the incident commander
        </label>
        <Button variant="danger" disabled={busy}>
          {busy ? "Declaring…" : "Declare incident"}
        </Button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Declare an incident · Incident Desk" }];
