// Every shipped template (status-page updates, email notices, post-mortem sections, the public
// root-cause report, maintenance messages) rendered for every status against the preview cases
// (no component, one, several with mixed impacts, all restored, maintenance), checked by the
// copy editor's rules and kept as reviewed snapshots: __snapshots__/defaults/<template>--<case>.txt.
import { describe, expect, it } from "vitest";
import type { ComponentImpactName } from "~/modules/incidents/lifecycle.ts";
import { MAINTENANCE_MESSAGES } from "~/modules/maintenance/lifecycle.ts";
import { renderPublicReport } from "~/modules/postmortems/public-report.ts";
import { caseReportInput, caseSource } from "~/modules/postmortems/sample-source.ts";
import { DEFAULT_SECTION_TEMPLATES } from "~/modules/postmortems/section-templates.ts";
import { SECTION_KEYS } from "~/modules/postmortems/sections.ts";
import { sectionVariables } from "~/modules/postmortems/variables.ts";
import { MAINTENANCE_STATUSES } from "~/modules/status-page/model.ts";
import { listInWords } from "./grammar.ts";
import { DEFAULT_NOTICES } from "./notice-defaults.ts";
import {
  caseIncident,
  caseMoves,
  casePublicName,
  caseTime,
  caseUpdateBody,
  caseUpdateNotice,
  caseUpdateVariables,
  INCIDENT_CASE_IDS,
  INCIDENT_CASES,
  MAINTENANCE_CASE,
  MAINTENANCE_NOTICE_KINDS,
  maintenanceNotice,
  noticeKindOfStatus,
  PREVIEW_PAGE,
  STATUS_MINUTE,
  type IncidentCaseId,
} from "./preview-cases.ts";
import { renderNotice } from "./render-notice.ts";
import { renderTemplate } from "./liquid.ts";
import { UPDATE_TEMPLATE_STATUSES, type UpdateTemplateStatus } from "./update-defaults.ts";
import { wordingDefects, type WordingData } from "./wording-checks.ts";

const snapshot = (name: string) => `./__snapshots__/defaults/${name}.txt`;
const NOW = caseTime(7 * 24 * 60);

const updateBody = caseUpdateBody;

/** The subjects a case's text may start a clause with, each singular or plural. */
function subjectsOf(lists: readonly (readonly string[])[]) {
  const fallbacks = ["some of our services", "our services", "all our services", "all affected services"].map((text) => ({
    text,
    plural: true,
  }));
  return [
    ...lists
      .filter((l) => l.length > 0)
      .flatMap((l) => [{ text: listInWords(l), plural: l.length > 1 }, ...l.map((text) => ({ text, plural: false }))]),
    ...fallbacks,
  ];
}

/** Each component's impacts up to the moment of `status`: its impact now if it has one, else every impact it had. */
function impactsAt(caseId: IncidentCaseId, status: UpdateTemplateStatus | "postmortem") {
  const incident = caseIncident(caseId, status === "postmortem" ? "resolved" : status);
  const names = new Map(INCIDENT_CASES[caseId].windows.map((w) => [w.id, casePublicName(w)]));
  const ids = [...new Set(incident.impactHistory.map((w) => w.id))];
  return ids.map((id) => {
    const now = incident.components.find((c) => c.id === id);
    const impacts: ComponentImpactName[] = now ? [now.impact] : incident.impactHistory.filter((w) => w.id === id).map((w) => w.impact);
    return { name: names.get(id)!, impacts };
  });
}

function expectReadsWell(text: string, data: WordingData) {
  expect(wordingDefects(text, data).map((d) => `${d.rule}: “${d.excerpt}”`)).toEqual([]);
}

describe.each(INCIDENT_CASE_IDS)("the default words for an incident with %s", (caseId) => {
  const names = INCIDENT_CASES[caseId].windows.map(casePublicName);
  const allNames = [...new Set(names)];

  it.each(UPDATE_TEMPLATE_STATUSES)("%s update", async (status) => {
    const variables = caseUpdateVariables(caseId, status);
    const text = updateBody(caseId, status);
    expectReadsWell(text, {
      subjects: subjectsOf([variables.components, variables.affected, variables.restored]),
      components: impactsAt(caseId, status),
      forCustomers: true,
    });
    await expect(text).toMatchFileSnapshot(snapshot(`update.${status}--${caseId}`));
  });

  it.each(UPDATE_TEMPLATE_STATUSES)("%s email", async (status) => {
    const variables = caseUpdateNotice(caseId, status, updateBody(caseId, status));
    const notice = renderNotice(DEFAULT_NOTICES[noticeKindOfStatus(status)], variables);
    const text = `Subject: ${notice.subject}\n\n${notice.text}`;
    const update = caseUpdateVariables(caseId, status);
    const listed = caseMoves(caseId, status).map((m) => ({ name: casePublicName(m), status: m.newStatus }));
    // the statuses the update gives its components are data too: the email names them
    const moved = listed.map((m) => ({ name: m.name, impacts: [m.status as ComponentImpactName] }));
    expectReadsWell(text, {
      subjects: subjectsOf([update.components, update.affected, update.restored]),
      components: [...impactsAt(caseId, status), ...moved],
      listed,
      forCustomers: true,
    });
    await expect(text).toMatchFileSnapshot(snapshot(`notice.${noticeKindOfStatus(status)}.${status}--${caseId}`));
  });

  it.each(SECTION_KEYS)("post-mortem section %s", async (key) => {
    const source = caseSource(caseId, (status) => updateBody(caseId, status));
    const text = renderTemplate(DEFAULT_SECTION_TEMPLATES[key], sectionVariables(source, PREVIEW_PAGE.timeZone, NOW), { allowEmpty: true });
    expectReadsWell(text, { subjects: subjectsOf([allNames]), components: impactsAt(caseId, "postmortem"), forCustomers: false });
    await expect(text || "(empty: this section starts with its prompts only)").toMatchFileSnapshot(
      snapshot(`postmortem.${key}--${caseId}`),
    );
  });

  it("public root-cause report and its email", async () => {
    const report = renderPublicReport(caseReportInput(caseId, (status) => updateBody(caseId, status)));
    const data = { subjects: subjectsOf([allNames]), components: impactsAt(caseId, "postmortem"), forCustomers: true };
    expectReadsWell(report, data);
    await expect(report).toMatchFileSnapshot(snapshot(`public-report--${caseId}`));
    const notice = renderNotice(DEFAULT_NOTICES["postmortem.published"], caseUpdateNotice(caseId, "postmortem", report));
    const email = `Subject: ${notice.subject}\n\n${notice.text}`;
    expectReadsWell(email, data);
    await expect(email).toMatchFileSnapshot(snapshot(`notice.postmortem.published--${caseId}`));
  });
});

describe("the default words for a maintenance window", () => {
  const names = MAINTENANCE_CASE.components.map(casePublicName);
  const data = { subjects: subjectsOf([names]), components: [], forCustomers: true };

  it.each(MAINTENANCE_STATUSES)("%s message", async (status) => {
    expectReadsWell(MAINTENANCE_MESSAGES[status], data);
    await expect(MAINTENANCE_MESSAGES[status]).toMatchFileSnapshot(snapshot(`maintenance.${status}--maintenance`));
  });

  it.each(Object.entries(MAINTENANCE_NOTICE_KINDS))("%s email", async (status, kind) => {
    const notice = renderNotice(DEFAULT_NOTICES[kind], maintenanceNotice(status as keyof typeof MAINTENANCE_MESSAGES));
    const text = `Subject: ${notice.subject}\n\n${notice.text}`;
    expectReadsWell(text, data);
    await expect(text).toMatchFileSnapshot(snapshot(`notice.${kind}--maintenance`));
  });
});

describe("the preview cases themselves", () => {
  it("resolve every component, so the resolved update must find what was affected in the impact history", () => {
    expect(caseIncident("several-mixed", "resolved").components).toEqual([]);
    expect(caseIncident("several-mixed", "resolved").impactHistory.length).toBeGreaterThan(0);
    expect(caseIncident("all-restored", "identified").components).toEqual([]);
    expect(caseIncident("no-component", "resolved").impactHistory).toEqual([]);
    expect(caseTime(STATUS_MINUTE.resolved).toISOString()).toBe("2026-11-23T15:23:40.000Z");
  });
});
