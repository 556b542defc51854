// The demo's named templates are saved like an admin's (they fill for every shape of incident)
// and read as well as the shipped defaults on every preview case.
import { describe, expect, it } from "vitest";
import { listInWords } from "~/modules/notices/grammar.ts";
import { caseIncident, casePublicName, caseUpdateVariables, INCIDENT_CASE_IDS, INCIDENT_CASES } from "~/modules/notices/preview-cases.ts";
import { templateSlug } from "~/modules/notices/named-templates.ts";
import { renderTemplate } from "~/modules/notices/liquid.ts";
import { updateTemplateProblem } from "~/modules/notices/update-check.ts";
import { wordingDefects } from "~/modules/notices/wording-checks.ts";
import { namedTemplates } from "./templates.ts";

describe("the demo's named templates", () => {
  it("have a name unique within their status", () => {
    const keys = namedTemplates.map((t) => `${t.status}.${templateSlug(t.name)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(namedTemplates.map((t) => [`${t.status}: ${t.name}`, t] as const))("%s fills for every case and reads well", (_, t) => {
    expect(updateTemplateProblem(t.source, t.status)).toBeNull();
    for (const caseId of INCIDENT_CASE_IDS) {
      const v = caseUpdateVariables(caseId, t.status);
      const text = renderTemplate(t.source, { ...v });
      const lists = [v.components, v.affected].filter((l) => l.length);
      const subjects = lists.flatMap((l) => [
        { text: listInWords(l), plural: l.length > 1 },
        ...l.map((n) => ({ text: n, plural: false })),
      ]);
      const names = new Map(INCIDENT_CASES[caseId].windows.map((w) => [w.id, casePublicName(w)]));
      const components = caseIncident(caseId, t.status).impactHistory.map((w) => ({ name: names.get(w.id)!, impacts: [w.impact] }));
      expect(wordingDefects(text, { subjects, components, forCustomers: true }), `${caseId}: ${text}`).toEqual([]);
    }
  });
});
