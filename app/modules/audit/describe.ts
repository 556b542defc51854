// How an audit event reads to a person: the action in words, the fields its change touched,
// and where its entity's page is. No I/O.
import { entryHref } from "~/utils/incident-links.ts";

/** What each entity is called in an action's first word ("incident.updated"). */
const SUBJECTS: Record<string, string> = {
  incident: "Incident",
  timeline: "Timeline entry",
  update: "Status update",
  maintenance: "Maintenance",
  postmortem: "Post-mortem",
  action_item: "Action item",
  component: "Component",
  subscriber: "Subscriber",
  delivery: "Delivery",
  webhook: "Webhook",
  template: "Template",
  settings: "Settings",
  user: "User",
  token: "API token",
  alert_group: "Alert group",
};

/** Where the generic reading would be clumsy. */
const ACTION_WORDS: Record<string, string> = {
  "incident.milestone_corrected": "Incident milestone corrected",
  "token.bootstrapped": "API token created from BOOTSTRAP_ADMIN_TOKEN",
  "user.sessions_ended": "User signed out everywhere",
  "settings.alert_rules_updated": "Alert rules updated",
  "settings.postmortem_deadlines_updated": "Post-mortem deadlines updated",
  "settings.first_update_targets_updated": "First public update targets updated",
  "incident.impact_corrected": "Incident impact windows corrected",
  "subscriber.preferences": "Subscriber changed their components",
  "postmortem.section_replaced": "Post-mortem section replaced",
  "postmortem.section_refreshed": "Post-mortem section refreshed from the incident",
};

const words = (snake: string) => snake.replace(/_/g, " ");

/** "incident.updated" → "Incident updated"; an unknown action still reads as words. */
export function actionInWords(action: string): string {
  const known = ACTION_WORDS[action];
  if (known) return known;
  const dot = action.indexOf(".");
  if (dot < 0) return capitalise(words(action));
  const subject = action.slice(0, dot);
  return `${SUBJECTS[subject] ?? capitalise(words(subject))} ${words(action.slice(dot + 1)).replace(/\./g, " ")}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "TimelineEntry" → "Timeline entry". */
export function entityTypeInWords(entityType: string): string {
  const spaced = entityType.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return entityType === "ApiToken" ? "API token" : capitalise(spaced);
}

/** A changed field; an id's name beside it where one is known (`beforeName`, `afterName`). */
export type FieldChange = { field: string; before: unknown; after: unknown; beforeName?: string; afterName?: string };

const MAX_DEPTH = 4;
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields that differ between before and after, as dotted paths ("severity",
 * "commander.name"); an object on both sides is compared field by field, anything else (lists,
 * text) as a whole. A field present on one side only counts as changed (undefined on the other).
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const changes: FieldChange[] = [];
  const walk = (b: unknown, a: unknown, path: string, depth: number) => {
    if (isPlainObject(b) && isPlainObject(a) && depth < MAX_DEPTH) {
      for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) walk(b[key], a[key], path ? `${path}.${key}` : key, depth + 1);
      return;
    }
    if (!same(b, a)) changes.push({ field: path || "(value)", before: b, after: a });
  };
  if (before === null || before === undefined) {
    // A creation: what was written, field by field.
    if (isPlainObject(after)) for (const [key, value] of Object.entries(after)) walk(undefined, value, key, 1);
    else if (after !== null && after !== undefined) walk(undefined, after, "", 0);
    return changes;
  }
  walk(before, after ?? undefined, "", 0);
  return changes;
}

/** A value for a diff cell: text as it is, the rest as compact JSON, cut at `max` characters. */
export function valueInWords(value: unknown, max = 160): string {
  if (value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** What the page of an entity needs to know to link to it (looked up for a page of events). */
export type EntityFacts = {
  incidentRef?: string;
  postmortemId?: string;
  entrySeq?: number;
  gone?: boolean;
  /** what people call it: "INC-12 Checkout errors", "Dana Whitfield (dana@…)", "Messages" */
  label?: string;
};

/** The app's page for an entity, or null where none shows it. */
export function entityLink(entityType: string, entityId: string, facts: EntityFacts = {}): string | null {
  if (facts.gone) return null;
  const id = encodeURIComponent(entityId);
  switch (entityType) {
    case "Incident":
      return `/incidents/${facts.incidentRef ?? id}`;
    case "TimelineEntry":
      if (!facts.incidentRef) return null;
      return facts.entrySeq ? entryHref(facts.incidentRef, facts.entrySeq) : `/incidents/${facts.incidentRef}`;
    case "StatusUpdate":
      return facts.incidentRef ? `/incidents/${facts.incidentRef}/comms` : "/maintenance";
    case "Postmortem":
      return `/postmortems/${id}`;
    case "ActionItem":
      return facts.postmortemId ? `/postmortems/${encodeURIComponent(facts.postmortemId)}/action-items` : "/action-items";
    case "Maintenance":
      return "/maintenance";
    case "Component":
      return "/components";
    case "User":
      return "/admin/users";
    case "ApiToken":
      return "/admin/tokens";
    case "Subscriber":
      return "/admin/subscribers";
    case "WebhookEndpoint":
      return "/admin/webhooks";
    case "Delivery":
      return "/admin/outbox";
    case "Organization":
      return "/admin/settings";
    case "Template":
      return entityId.startsWith("notice.")
        ? "/admin/notices"
        : entityId.startsWith("postmortem.")
          ? "/admin/postmortem-templates"
          : "/admin/templates";
    default:
      return null;
  }
}
