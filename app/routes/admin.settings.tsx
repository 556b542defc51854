import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AlertIntakeForm, type AlertIntakeFormOutcome } from "~/components/admin/alert-intake-form.tsx";
import { SettingsForm, type SettingsFormOutcome } from "~/components/admin/settings-form.tsx";
import { getAlertRulesForm, saveAlertRules } from "~/modules/alerts/rules.server.ts";
import { AlertRulesFormSchema } from "~/modules/alerts/rules.ts";
import type { Actor } from "~/modules/auth/actor.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { getSettings, saveSettings, SettingsSchema } from "~/modules/status-page/organization.server.ts";
import { publicUrl } from "~/utils/env.server.ts";
import { formErrorsFrom, readForm } from "~/utils/form.server.ts";
import { fieldErrors } from "~/utils/http.server.ts";

const FIELDS = ["name", "publicUrl", "timeZone", "uptimePartialWeight", "uptimeDegradedWeight"] as const;
const ALERT_FIELDS = ["severityLabel", "severityRules", "componentLabel"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "settings:write");
  const zones = Intl.supportedValuesOf("timeZone");
  return {
    settings: await getSettings(),
    timeZones: zones.includes("UTC") ? zones : ["UTC", ...zones],
    alertRules: await getAlertRulesForm(),
    appUrl: publicUrl(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "settings:write");
  const form = await readForm(request);
  if (form.get("intent") === "alert-intake") return saveAlertIntake(actor, form);
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

async function saveAlertIntake(actor: Actor, form: FormData) {
  const values = Object.fromEntries(ALERT_FIELDS.map((field) => [field, String(form.get(field) ?? "")]));
  const parsed = AlertRulesFormSchema.safeParse(values);
  if (!parsed.success) return data<AlertIntakeFormOutcome>({ ok: false, form: "alert-intake", errors: fieldErrors(parsed.error), values }, { status: 422 });
  await saveAlertRules(actor, parsed.data);
  return data<AlertIntakeFormOutcome>({ ok: true, form: "alert-intake" });
}

export default function AdminSettings() {
  const { settings, timeZones, alertRules, appUrl } = useLoaderData<typeof loader>();
  return (
    <>
      <SettingsForm settings={settings} timeZones={timeZones} />
      <AlertIntakeForm rules={alertRules} appUrl={appUrl} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Settings · Admin · Incident Desk" }];
