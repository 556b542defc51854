// Whether an update template can be used: it must fill, with text, for the sample incident and
// for every preview case of its status (no component, one, several with mixed impacts, all
// restored), so one that breaks on an incident without components is refused when it is saved,
// not found out mid-incident. Pure.
import { withArticle } from "./grammar.ts";
import { caseUpdateVariables, INCIDENT_CASE_DESCRIPTIONS, INCIDENT_CASE_IDS } from "./preview-cases.ts";
import { renderTemplate, TemplateError } from "./liquid.ts";
import { SAMPLE_UPDATE_VARIABLES, UPDATE_TEMPLATE_STATUSES, type UpdateTemplateStatus } from "./update-defaults.ts";

/** Why `source` cannot be used for `status` (every status when none is given), or null. */
export function updateTemplateProblem(source: string, status?: UpdateTemplateStatus): string | null {
  try {
    renderTemplate(source, { ...SAMPLE_UPDATE_VARIABLES });
  } catch (error) {
    if (error instanceof TemplateError) return error.message;
    throw error;
  }
  for (const s of status ? [status] : UPDATE_TEMPLATE_STATUSES) {
    for (const caseId of INCIDENT_CASE_IDS) {
      try {
        renderTemplate(source, { ...caseUpdateVariables(caseId, s) });
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        return `${error.message} (for ${withArticle(s)} update on an incident with ${INCIDENT_CASE_DESCRIPTIONS[caseId]})`;
      }
    }
  }
  return null;
}
