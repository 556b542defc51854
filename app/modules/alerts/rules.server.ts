// The organisation's alert intake rules: stored on Organization, edited by admins on /admin/settings.
import type { Actor } from "~/modules/auth/actor.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { alertRulesFrom, DEFAULT_SEVERITY_RULES_TEXT, type AlertRules, type AlertRulesForm } from "./rules.ts";

const SELECT = { alertSeverityLabel: true, alertSeverityRules: true, alertComponentLabel: true } as const;

/** What the settings form shows: the labels and the mapping as written (the default until an admin saves one). */
export async function getAlertRulesForm(): Promise<AlertRulesForm> {
  const org = await db.organization.findUniqueOrThrow({ where: { id: "org" }, select: SELECT });
  return {
    severityLabel: org.alertSeverityLabel,
    severityRules: org.alertSeverityRules ?? DEFAULT_SEVERITY_RULES_TEXT,
    componentLabel: org.alertComponentLabel,
  };
}

/** The rules in force, read inside the transaction that applies them. */
export async function loadAlertRules(tx: Tx): Promise<AlertRules> {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: "org" }, select: SELECT });
  return alertRulesFrom({
    severityLabel: org.alertSeverityLabel,
    severityRules: org.alertSeverityRules,
    componentLabel: org.alertComponentLabel,
  });
}

export async function saveAlertRules(actor: Actor, form: AlertRulesForm): Promise<AlertRulesForm> {
  await db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: "org" }, select: SELECT });
    await tx.organization.update({
      where: { id: "org" },
      data: { alertSeverityLabel: form.severityLabel, alertSeverityRules: form.severityRules, alertComponentLabel: form.componentLabel },
    });
    await recordAudit(tx, actor, {
      action: "settings.alert_rules_updated",
      entityType: "Organization",
      entityId: "org",
      before: {
        severityLabel: before.alertSeverityLabel,
        severityRules: before.alertSeverityRules,
        componentLabel: before.alertComponentLabel,
      },
      after: form,
    });
  });
  return getAlertRulesForm();
}
