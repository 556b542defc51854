// The preview cases as plain data: no component, one, several with mixed impacts (one of them
// changing impact), all restored before the end, and a maintenance window, on one clock (the
// incident starts 14:05 CET on 23 Nov). preview-cases.ts turns them into what templates are
// filled with. Pure.
import type { ComponentImpactName, SeverityName } from "~/modules/incidents/lifecycle.ts";
import type { UpdateTemplateStatus } from "./update-defaults.ts";

export const PREVIEW_CASES = [
  { id: "no-component", label: "No component" },
  { id: "one-component", label: "One component" },
  { id: "several-mixed", label: "Several, mixed impacts" },
  { id: "all-restored", label: "All restored" },
  { id: "maintenance", label: "Maintenance" },
] as const;
export type PreviewCaseId = (typeof PREVIEW_CASES)[number]["id"];
export const PREVIEW_CASE_IDS = PREVIEW_CASES.map((c) => c.id) as [PreviewCaseId, ...PreviewCaseId[]];

export type IncidentCaseId = Exclude<PreviewCaseId, "maintenance">;
export const INCIDENT_CASE_IDS: readonly IncidentCaseId[] = ["no-component", "one-component", "several-mixed", "all-restored"];
/** The case an admin's preview starts with: the one with the most to get right. */
export const DEFAULT_PREVIEW_CASE: IncidentCaseId = "several-mixed";

/** What an incident case is, after "an incident with": in the reason a template was refused. */
export const INCIDENT_CASE_DESCRIPTIONS: Record<IncidentCaseId, string> = {
  "no-component": "no component affected",
  "one-component": "one component affected",
  "several-mixed": "several components with mixed impacts",
  "all-restored": "every component restored before the update",
};

/** "Several, mixed impacts": how a preview's select names a case. */
export const caseLabel = (id: PreviewCaseId): string => PREVIEW_CASES.find((c) => c.id === id)!.label;

/** The incident cases as a preview offers them, the richest first. */
export const INCIDENT_PREVIEW_CASE_IDS = [DEFAULT_PREVIEW_CASE, ...INCIDENT_CASE_IDS.filter((c) => c !== DEFAULT_PREVIEW_CASE)] as [
  IncidentCaseId,
  ...IncidentCaseId[],
];
export const INCIDENT_PREVIEW_OPTIONS = INCIDENT_PREVIEW_CASE_IDS.map((id) => ({ id, label: caseLabel(id) }));

export const PREVIEW_PAGE = { name: "Northwind AI", pageUrl: "https://status.example.com/status", timeZone: "Europe/Berlin" };

const START = Date.UTC(2026, 10, 23, 13, 5);
/** A moment of the case's clock, minutes (and seconds) after the incident started. */
export const caseTime = (minutes: number) => new Date(START + Math.round(minutes * 60_000));

/** When each status's update is written, in minutes after the start; resolving closes every impact. */
export const STATUS_MINUTE: Record<UpdateTemplateStatus, number> = {
  investigating: 12,
  identified: 40,
  monitoring: 68,
  resolved: 138 + 40 / 60,
};
export const NEXT_UPDATE_MINUTES = 30;

export type CaseWindow = {
  id: string;
  name: string;
  group: string | null;
  impact: ComponentImpactName;
  from: number;
  until: number | null;
};

export type IncidentCase = {
  id: IncidentCaseId;
  publicId: string;
  ref: string;
  title: string;
  severity: SeverityName;
  summary: string;
  regions: string[];
  windows: CaseWindow[];
  milestones: { detected: number; acknowledged: number | null; mitigated: number | null };
  commander: string | null;
  /** what the people of the post-mortem wrote, for the public report */
  written: { summary: string; rootCause: string };
  commitments: { title: string; dueAt: Date | null }[];
  entries: { kind: string; text: string; at: number; pinned?: boolean; author: string }[];
};

const messages = { id: "cmpmessages1", name: "Messages endpoint", group: "API" };
const batch = { id: "cmpbatch0001", name: "Batch endpoint", group: "API" };
const web = { id: "cmpwebapp001", name: "Web app", group: null };

export const INCIDENT_CASES: Record<IncidentCaseId, IncidentCase> = {
  "no-component": {
    id: "no-component",
    publicId: "inc0nocomp01",
    ref: "INC-101",
    title: "Delayed sign-in emails",
    severity: "SEV3",
    summary: "Sign-in emails arrived late for some customers.",
    regions: [],
    windows: [],
    milestones: { detected: 4, acknowledged: 6, mitigated: null },
    commander: null,
    written: {
      summary: "Sign-in emails reached some customers up to 20 minutes late.",
      rootCause: "Our email provider throttled us after a marketing send shared the same sending domain.",
    },
    commitments: [],
    entries: [{ kind: "observation", text: "Support reports sign-in emails arriving late.", at: 4, author: "Sofia Marquez" }],
  },
  "one-component": {
    id: "one-component",
    publicId: "inc0onecomp1",
    ref: "INC-102",
    title: "Elevated errors on the API",
    severity: "SEV2",
    summary: "The Messages endpoint failed part of its requests in EU West.",
    regions: ["EU West"],
    windows: [{ ...messages, impact: "partial_outage", from: 0, until: null }],
    milestones: { detected: 3, acknowledged: 5, mitigated: 62 },
    commander: "Marcus Okafor",
    written: {
      summary: "Part of the requests to the Messages endpoint failed in EU West after a configuration change.",
      rootCause: "A routing change capped the connection pool of the EU West cluster far below its intended size.",
    },
    commitments: [{ title: "Check pool limits before a routing change is applied", dueAt: new Date(Date.UTC(2026, 11, 15)) }],
    entries: [
      { kind: "observation", text: "Error rate on /v1/messages at 12% in EU West.", at: 3, pinned: true, author: "Sofia Marquez" },
      { kind: "hypothesis", text: "The routing change capped the connection pool.", at: 30, author: "Marcus Okafor" },
      { kind: "action", text: "Rolled the routing change back in EU West.", at: 58, author: "Dana Kim" },
    ],
  },
  "several-mixed": {
    id: "several-mixed",
    publicId: "inc0several1",
    ref: "INC-103",
    title: "Errors and slow pages on the API and the Web app",
    severity: "SEV1",
    summary: "The API failed most requests and the Web app was slow while a database failover stalled.",
    regions: ["US East", "EU West"],
    windows: [
      { ...messages, impact: "major_outage", from: 0, until: null },
      { ...batch, impact: "degraded_performance", from: 5, until: 30 },
      { ...batch, impact: "partial_outage", from: 30, until: null },
      { ...web, impact: "degraded_performance", from: 2, until: null },
    ],
    milestones: { detected: 3, acknowledged: 5, mitigated: 62 },
    commander: "Marcus Okafor",
    written: {
      summary: "A database failover stalled, so the API failed most requests and the Web app was slow for over two hours.",
      rootCause: "The standby database had fallen behind, and the failover waited for it to catch up instead of serving reads.",
    },
    commitments: [
      { title: "Alert when the standby database falls more than a minute behind", dueAt: new Date(Date.UTC(2026, 11, 1)) },
      { title: "Practise a database failover every quarter", dueAt: null },
    ],
    entries: [
      { kind: "observation", text: "Error rate on /v1/messages at 38% and climbing.", at: 3, pinned: true, author: "Sofia Marquez" },
      { kind: "customer_impact", text: "Enterprise customers report halted pipelines.", at: 20, author: "Elena Petrova" },
      { kind: "hypothesis", text: "The failover is waiting for the standby to catch up.", at: 40, author: "Marcus Okafor" },
      {
        kind: "decision",
        text: "Serve reads from the primary region while the standby catches up.",
        at: 50,
        pinned: true,
        author: "Marcus Okafor",
      },
      { kind: "action", text: "Pointed reads at the primary region.", at: 58, author: "Dana Kim" },
    ],
  },
  "all-restored": {
    id: "all-restored",
    publicId: "inc0restore1",
    ref: "INC-104",
    title: "Slow dashboard loads",
    severity: "SEV3",
    summary: "Dashboards loaded slowly until a cache node was replaced.",
    regions: ["US East"],
    windows: [
      { ...web, impact: "degraded_performance", from: 0, until: 10 },
      { ...messages, impact: "partial_outage", from: 3, until: 11 },
    ],
    milestones: { detected: 2, acknowledged: 4, mitigated: 11 },
    commander: "Dana Kim",
    written: {
      summary: "Dashboards loaded slowly and some API requests failed for about ten minutes.",
      rootCause: "A cache node failed, and its traffic fell through to the database until the node was replaced.",
    },
    commitments: [{ title: "Replace a failed cache node automatically", dueAt: new Date(Date.UTC(2027, 0, 31)) }],
    entries: [{ kind: "action", text: "Replaced the failed cache node.", at: 10, author: "Dana Kim" }],
  },
};

/** The maintenance case: two components, a two-hour window the night after the incident. */
export const MAINTENANCE_CASE = {
  publicId: "mnt0database",
  title: "Database maintenance",
  components: [messages, web],
  scheduledFor: new Date(Date.UTC(2026, 10, 24, 1, 0)),
  scheduledUntil: new Date(Date.UTC(2026, 10, 24, 3, 0)),
};
