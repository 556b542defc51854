// Templates as an admin left them: the shipped default unless a Template row replaces it.
// Saving checks the template parses and fills with realistic data first, so a broken one
// is refused at the door (422 with liquid's reason), not discovered mid-incident.
import type { Actor } from "~/modules/auth/actor.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { db } from "~/utils/db.server.ts";
import { fail } from "~/utils/http.server.ts";
import { caseUpdateVariables, DEFAULT_PREVIEW_CASE, type IncidentCaseId } from "./preview-cases.ts";
import { renderTemplate, TemplateError } from "./liquid.ts";
import { updateTemplateProblem } from "./update-check.ts";
import { DEFAULT_UPDATE_TEMPLATES, UPDATE_TEMPLATE_STATUSES, updateTemplateKey, type UpdateTemplateStatus } from "./update-defaults.ts";

export type TemplateView = {
  key: string;
  status: UpdateTemplateStatus;
  source: string;
  isDefault: boolean;
  defaultSource: string;
  updatedAt: string | null;
};

export async function updateTemplateSource(status: UpdateTemplateStatus): Promise<string> {
  const row = await db.$transaction((tx) => tx.template.findUnique({ where: { key: updateTemplateKey(status) } }));
  return row?.source ?? DEFAULT_UPDATE_TEMPLATES[status];
}

export async function listUpdateTemplates(): Promise<TemplateView[]> {
  const rows = await db.$transaction((tx) => tx.template.findMany({ where: { key: { startsWith: "update." } } }));
  return UPDATE_TEMPLATE_STATUSES.map((status) => {
    const row = rows.find((r) => r.key === updateTemplateKey(status));
    return {
      key: updateTemplateKey(status),
      status,
      source: row?.source ?? DEFAULT_UPDATE_TEMPLATES[status],
      isDefault: !row,
      defaultSource: DEFAULT_UPDATE_TEMPLATES[status],
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  });
}

/** The template filled for an update of `status` on one of the preview cases; a broken template is a 422. */
export function previewTemplate(source: string, status: UpdateTemplateStatus, caseId: IncidentCaseId = DEFAULT_PREVIEW_CASE): string {
  try {
    return renderTemplate(source, { ...caseUpdateVariables(caseId, status) });
  } catch (error) {
    if (error instanceof TemplateError) fail("invalid", error.message, { source: error.message });
    throw error;
  }
}

/** Saves an admin's template (null: back to the shipped default), once it fills for every shape of incident. */
export async function saveUpdateTemplate(actor: Actor, status: UpdateTemplateStatus, source: string | null): Promise<TemplateView> {
  const problem = source === null ? null : updateTemplateProblem(source, status);
  if (problem) fail("invalid", problem, { source: problem });
  const key = updateTemplateKey(status);
  await db.$transaction(async (tx) => {
    const before = await tx.template.findUnique({ where: { key } });
    if (source === null) await tx.template.deleteMany({ where: { key } });
    else
      await tx.template.upsert({
        where: { key },
        create: { key, source, updatedById: actor.userId },
        update: { source, updatedById: actor.userId },
      });
    await recordAudit(tx, actor, {
      action: source === null ? "template.reset" : "template.saved",
      entityType: "Template",
      entityId: key,
      before: before?.source,
      after: source,
    });
  });
  return (await listUpdateTemplates()).find((t) => t.key === key)!;
}
