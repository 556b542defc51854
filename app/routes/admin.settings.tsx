import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SettingsForm, type SettingsFormOutcome } from "~/components/admin/settings-form.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { getSettings, saveSettings, SettingsSchema } from "~/modules/status-page/organization.server.ts";
import { formErrorsFrom, readForm } from "~/utils/form.server.ts";
import { fieldErrors } from "~/utils/http.server.ts";

const FIELDS = ["name", "publicUrl", "timeZone", "uptimePartialWeight", "uptimeDegradedWeight"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "settings:write");
  const zones = Intl.supportedValuesOf("timeZone");
  return { settings: await getSettings(), timeZones: zones.includes("UTC") ? zones : ["UTC", ...zones] };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "settings:write");
  const form = await readForm(request);
  // only the settings' own fields: the schema is strict, and the form carries nothing else
  const values = Object.fromEntries(FIELDS.map((field) => [field, String(form.get(field) ?? "")]));
  const failed = (errors: Record<string, string>) => data<SettingsFormOutcome>({ ok: false, form: "settings", errors, values }, { status: 422 });
  // an emptied weight is missing, not 0 (which coercion would make of it)
  const parsed = SettingsSchema.safeParse({ ...values, uptimePartialWeight: values.uptimePartialWeight || undefined, uptimeDegradedWeight: values.uptimeDegradedWeight || undefined });
  if (!parsed.success) return failed(fieldErrors(parsed.error));
  try {
    await saveSettings(actor, parsed.data);
    return data<SettingsFormOutcome>({ ok: true, form: "settings" });
  } catch (error) {
    return failed(await formErrorsFrom(error));
  }
}

export default function AdminSettings() {
  const { settings, timeZones } = useLoaderData<typeof loader>();
  return <SettingsForm settings={settings} timeZones={timeZones} />;
}

export const meta: MetaFunction = () => [{ title: "Settings · Admin · Incident Desk" }];
