// The fields each JSON endpoint reads (docs/api.md "JSON API"), by route file and method, with the
// kind of value each takes. The fuzz test breaks them; a route that reads JSON and is not here
// fails the test until its fields are added, so a new endpoint cannot escape the fuzzing.
import type { FieldSpec } from "./values.ts";

const text: FieldSpec = { kind: "text" };
const textOrNull: FieldSpec = { kind: "text", nullable: true };
const choice: FieldSpec = { kind: "choice" };
const choiceOrNull: FieldSpec = { kind: "choice", nullable: true };
const int: FieldSpec = { kind: "int" };
const intOrNull: FieldSpec = { kind: "int", nullable: true };
const bool: FieldSpec = { kind: "bool" };
const percentOrNull: FieldSpec = { kind: "percent", nullable: true };
const list: FieldSpec = { kind: "list" };
const time: FieldSpec = { kind: "time" };
const object: FieldSpec = { kind: "object" };
const body: FieldSpec = { kind: "body" };

type Fields = Record<string, FieldSpec>;

const declare: Fields = {
  title: text,
  severity: choice,
  summary: text,
  components: list,
  regions: list,
  commanderId: text,
  startedAt: time,
  detectedAt: time,
};
const incidentPatch: Fields = {
  ...declare,
  status: choice,
  commanderId: textOrNull,
  commsLeadId: textOrNull,
  scribeId: textOrNull,
  acknowledgedAt: time,
  mitigatedAt: time,
  resolvedAt: time,
  moveImpactWindows: bool,
};
const updateFields: Fields = { status: choice, body: text, title: text, components: list, notify: bool, nextUpdateInMinutes: intOrNull };
const actionItem: Fields = {
  title: text,
  kind: choice,
  priority: choice,
  ownerId: text,
  ownerEmail: choice,
  dueAt: time,
  trackerUrl: choice,
};

export const JSON_FIELDS: Record<string, Fields> = {
  "api.v1.incidents.ts POST": declare,
  "api.v1.incidents.$id.ts PATCH": incidentPatch,
  "api.v1.incidents.$id.timeline.ts POST": { body, kind: choice, occurredAt: time, pinned: bool, idempotencyKey: text },
  "api.v1.incidents.$id.timeline.$entryId.ts PATCH": { body, kind: choice, pinned: bool, occurredAt: time },
  "api.v1.incidents.$id.updates.ts POST": { ...updateFields, publish: bool, fromEntryId: text, template: text },
  "api.v1.updates.$id.ts PATCH": updateFields,
  "api.v1.components.ts POST": {
    name: text,
    description: textOrNull,
    groupId: textOrNull,
    group: bool,
    regions: list,
    slaTarget: percentOrNull,
  },
  "api.v1.components.$id.ts PATCH": {
    name: text,
    description: textOrNull,
    groupId: textOrNull,
    regions: list,
    position: int,
    slaTarget: percentOrNull,
  },
  "api.v1.tokens.ts POST": { name: text, role: choice },
  "api.v1.users.ts POST": { email: choice, name: text, role: choice, password: text },
  "api.v1.users.$id.ts PATCH": { role: choice, name: text, disabled: bool },
  "api.v1.maintenances.ts POST": { title: text, scheduledFor: time, scheduledUntil: time, components: list, body: text, notify: bool },
  "api.v1.maintenances.$id.ts POST": { status: choice, body: text },
  "api.v1.subscribers.ts POST": { email: choice, components: list, confirmedAt: time },
  "api.v1.webhooks.ts POST": { url: choice, secret: text, events: list },
  "api.v1.notice-templates.$kind.ts PUT": { subject: text, text: text, html: text },
  "api.v1.templates.ts POST": { status: choice, name: text, source: text },
  "api.v1.templates.$key.ts PUT": { source: textOrNull, name: text },
  "api.v1.postmortems.$id.action-items.ts POST": actionItem,
  "api.v1.action-items.$id.ts PATCH": { ...actionItem, state: choice, ownerId: textOrNull, trackerUrl: choiceOrNull },
  "api.v1.postmortems.$id.review.ts POST": { action: choice, note: text },
  "api.v1.postmortems.$id.sections.$key.ts PUT": { doc: object },
  "api.v1.alerts.generic.ts POST": {
    source: text,
    key: text,
    status: choice,
    title: text,
    severity: choice,
    component: text,
    description: text,
    url: text,
  },
  "api.v1.alerts.alertmanager.ts POST": {
    version: choice,
    groupKey: text,
    truncatedAlerts: int,
    status: choice,
    receiver: text,
    groupLabels: object,
    commonLabels: object,
    commonAnnotations: object,
    externalURL: text,
    alerts: list,
  },
  "api.v1.email-events.ts POST": { type: text, created_at: text, data: object },
  // Slack's endpoints take any bytes past a valid signature: the command and interaction forms are read from them
  "api.v1.slack.events.ts POST": { type: text, challenge: text, event: object },
  "api.v1.slack.commands.ts POST": { command: text, text: text, user_id: text, channel_id: text },
  "api.v1.slack.interactions.ts POST": { payload: text, type: text },
  "api.v1.alert-rules.ts PUT": { severityLabel: text, severityRules: text, componentLabel: text },
  "api.v1.incidents.$id.impact.ts PUT": { windows: list },
  "api.v1.postmortem-deadlines.ts PUT": { SEV1: intOrNull, SEV2: intOrNull, SEV3: intOrNull, SEV4: intOrNull },
  "api.v1.first-update-targets.ts PUT": { SEV1: intOrNull, SEV2: intOrNull, SEV3: intOrNull, SEV4: intOrNull },
  "api.v1.updates.$id.approve.ts POST": { publish: bool },
  "api.v1.updates.$id.refuse.ts POST": { reason: text },
  "api.v1.notifications.read.ts POST": { ids: list, all: bool },
};
