import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CommanderPublishForm, type CommanderPublishFormOutcome } from "~/components/admin/commander-publish-form.tsx";
import { AlertIntakeForm, type AlertIntakeFormOutcome } from "~/components/admin/alert-intake-form.tsx";
import { FirstUpdateForm, type FirstUpdateFormOutcome } from "~/components/admin/first-update-form.tsx";
import { PostmortemDueForm, type PostmortemDueFormOutcome } from "~/components/admin/postmortem-due-form.tsx";
import { SettingsForm, type SettingsFormOutcome } from "~/components/admin/settings-form.tsx";
import { getAlertRulesForm, saveAlertRules } from "~/modules/alerts/rules.server.ts";
import { AlertRulesFormSchema } from "~/modules/alerts/rules.ts";
import type { Actor } from "~/modules/auth/actor.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { dueDaysFromForm, PostmortemDueDaysSchema } from "~/modules/postmortems/owed.ts";
import { getPostmortemDueDays, savePostmortemDueDays } from "~/modules/postmortems/owed.server.ts";
import { FirstUpdateTargetsSchema } from "~/modules/updates/first-update.ts";
import { getFirstUpdateTargets, saveFirstUpdateTargets } from "~/modules/updates/first-update.server.ts";
import { CommanderMayPublishSchema, getCommanderMayPublish, saveCommanderMayPublish } from "~/modules/updates/publish-permission.server.ts";
import { getSettings, saveSettings, SettingsSchema } from "~/modules/status-page/organization.server.ts";
import { publicUrl } from "~/utils/env.server.ts";
import { readForm, readIntent, unhandledIntent } from "~/utils/form.server.ts";
import { fieldErrors } from "~/utils/http.server.ts";
import { formRefusal, pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

const FIELDS = ["name", "publicUrl", "timeZone", "uptimePartialWeight", "uptimeDegradedWeight"] as const;
const ALERT_FIELDS = ["severityLabel", "severityRules", "componentLabel"] as const;

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "settings:write");
  return {
    settings: await getSettings(),
    alertRules: await getAlertRulesForm(),
    postmortemDueDays: await getPostmortemDueDays(),
    firstUpdateMinutes: await getFirstUpdateTargets(),
    commanderMayPublish: await getCommanderMayPublish(),
    appUrl: publicUrl(),
  };
});

const Intent = z.enum(["settings", "alert-intake", "postmortem-due", "first-update", "commander-publish"]);

export const action = pageAction(async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "settings:write");
  const form = await readForm(request);
  // the page's first form (the status page's settings) names no intent
  const intent = readIntent(form, Intent, "settings");
  switch (intent) {
    case "settings":
      return saveStatusPageSettings(actor, form);
    case "alert-intake":
      return saveAlertIntake(actor, form);
    case "postmortem-due":
      return savePostmortemDue(actor, form);
    case "first-update":
      return saveFirstUpdate(actor, form);
    case "commander-publish":
      return saveCommanderPublish(actor, form);
    default:
      return unhandledIntent(intent);
  }
});

async function saveStatusPageSettings(actor: Actor, form: FormData) {
  // only the settings' own fields: the schema is strict, and the form carries nothing else
  const values = Object.fromEntries(FIELDS.map((field) => [field, String(form.get(field) ?? "")]));
  const failed = (errors: Record<string, string>, init: ResponseInit = { status: 422 }) =>
    data<SettingsFormOutcome>({ ok: false, form: "settings", errors, values }, init);
  // an emptied weight is missing, not 0 (which coercion would make of it)
  const parsed = SettingsSchema.safeParse({
    ...values,
    uptimePartialWeight: values.uptimePartialWeight || undefined,
    uptimeDegradedWeight: values.uptimeDegradedWeight || undefined,
  });
  if (!parsed.success) return failed(fieldErrors(parsed.error));
  try {
    await saveSettings(actor, parsed.data);
    return data<SettingsFormOutcome>({ ok: true, form: "settings" });
  } catch (error) {
    const refusal = formRefusal(error);
    return failed(refusal.errors, refusal.init);
  }
}

async function saveAlertIntake(actor: Actor, form: FormData) {
  const values = Object.fromEntries(ALERT_FIELDS.map((field) => [field, String(form.get(field) ?? "")]));
  const parsed = AlertRulesFormSchema.safeParse(values);
  if (!parsed.success)
    return data<AlertIntakeFormOutcome>({ ok: false, form: "alert-intake", errors: fieldErrors(parsed.error), values }, { status: 422 });
  await saveAlertRules(actor, parsed.data);
  return data<AlertIntakeFormOutcome>({ ok: true, form: "alert-intake" });
}

async function savePostmortemDue(actor: Actor, form: FormData) {
  const values = Object.fromEntries(["SEV1", "SEV2", "SEV3", "SEV4"].map((field) => [field, String(form.get(field) ?? "")]));
  const parsed = PostmortemDueDaysSchema.safeParse(dueDaysFromForm(form));
  if (!parsed.success) {
    const outcome: PostmortemDueFormOutcome = { ok: false, form: "postmortem-due", errors: fieldErrors(parsed.error), values };
    return data(outcome, { status: 422 });
  }
  await savePostmortemDueDays(actor, parsed.data);
  return data<PostmortemDueFormOutcome>({ ok: true, form: "postmortem-due" });
}

async function saveFirstUpdate(actor: Actor, form: FormData) {
  const values = Object.fromEntries(["SEV1", "SEV2", "SEV3", "SEV4"].map((field) => [field, String(form.get(field) ?? "")]));
  // the same four fields as the post-mortem deadlines: an empty field is none
  const parsed = FirstUpdateTargetsSchema.safeParse(dueDaysFromForm(form));
  if (!parsed.success) {
    const outcome: FirstUpdateFormOutcome = { ok: false, form: "first-update", errors: fieldErrors(parsed.error), values };
    return data(outcome, { status: 422 });
  }
  await saveFirstUpdateTargets(actor, parsed.data);
  return data<FirstUpdateFormOutcome>({ ok: true, form: "first-update" });
}

async function saveCommanderPublish(actor: Actor, form: FormData) {
  // the hidden "off" comes first; a ticked box sends "on" after it
  const parsed = CommanderMayPublishSchema.safeParse({ commanderMayPublish: form.getAll("commanderMayPublish").at(-1) });
  if (!parsed.success)
    return data<CommanderPublishFormOutcome>({ ok: false, form: "commander-publish", errors: fieldErrors(parsed.error) }, { status: 422 });
  await saveCommanderMayPublish(actor, parsed.data.commanderMayPublish === "on");
  return data<CommanderPublishFormOutcome>({ ok: true, form: "commander-publish" });
}

export default function AdminSettings() {
  const { settings, alertRules, postmortemDueDays, firstUpdateMinutes, commanderMayPublish, appUrl } = useLoaderData<typeof loader>();
  return (
    <>
      <SettingsForm settings={settings} />
      <AlertIntakeForm rules={alertRules} appUrl={appUrl} />
      <FirstUpdateForm minutes={firstUpdateMinutes} />
      <CommanderPublishForm allowed={commanderMayPublish} />
      <PostmortemDueForm dueDays={postmortemDueDays} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Settings · Admin · Incident Desk" }];
