// Who may use each route: the role matrix of DESIGN.md ("Security") and app/modules/auth/roles.ts,
// written as data. role-matrix.test.ts sends every method to every route as every principal
// (anonymous; a session of each role; an API token of each role) and compares the answer's class.
//
// One line per route module in app/routes (a new route without a line fails the test):
//
//   { file: "api.v1.incidents.$id.ts", url: "/api/v1/incidents/{incident}", GET: "read", PATCH: "incident:write" },
//
//   file    the module's file name in app/routes
//   url     what to request; {name} is a fixture the test creates (an id, a token, or a fresh object per
//           request where the request may remove it: see FIXTURES in the test)
//   GET / POST / PUT / PATCH / DELETE: the rule for each method the route serves:
//     a permission of roles.ts  the roles that have it may (an invalid body is sent, so nothing changes);
//                               another signed-in user or token gets 403; anonymous gets 401 on /api/,
//                               elsewhere the redirect to /login
//     "public"                  everyone, signed in or not
//     "signature"               a signed webhook: no session or token opens it, an unsigned request is 401
//     "session"                 anyone signed in with a session, whatever the role; an API token gets 403
//     { anyOf: [permissions] }  a role with any of them may
//   A method not listed must not be served: 404 or 405 to everyone (checked for every method on /api/,
//   for POST elsewhere, since a page's action takes any non-GET method).
//   body     what a write sends instead of the default invalid body ("[]" as JSON on /api/, a form with no
//            known field elsewhere), when the default would not reach the rule being shown
//   variants more rules for the same URL and method with another body (one form, several intents)
//   last     runs after every other request (signing out ends the sessions the others use)
import type { Permission } from "~/modules/auth/roles.ts";

export type Rule = Permission | "public" | "signature" | "session" | { anyOf: Permission[] };
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

export type RouteExpectation = { file: string; url: string; body?: string; last?: boolean } & Partial<Record<Method, Rule>> & {
    variants?: ({ label: string; body: string } & Partial<Record<Method, Rule>>)[];
  };

const ADMIN_SECTIONS: Rule = { anyOf: ["admin:users", "settings:write", "subscriber:write", "delivery:admin"] };

export const ROUTES: RouteExpectation[] = [
  // pages
  { file: "_index.tsx", url: "/", GET: "public" },
  { file: "login.tsx", url: "/login", GET: "public", POST: "public" },
  { file: "logout.tsx", url: "/logout", GET: "public", POST: "public", last: true },
  { file: "account.tsx", url: "/account", GET: "session", POST: "session" },
  { file: "healthz.ts", url: "/healthz", GET: "public" },
  { file: "incidents._index.tsx", url: "/incidents", GET: "read" },
  { file: "incidents.new.tsx", url: "/incidents/new", GET: "incident:write", POST: "incident:write" },
  { file: "incidents.$id.tsx", url: "/incidents/{incident}", GET: "read", POST: "incident:write" },
  {
    file: "incidents.$id_.comms.tsx", url: "/incidents/{incident}/comms", GET: "read", POST: "update:draft",
    variants: [
      { label: "approve", body: "intent=approve&updateId={publishedUpdate}", POST: "update:approve" },
      { label: "publish", body: "intent=publish&updateId={publishedUpdate}", POST: "update:publish" },
    ],
  },
  { file: "incidents.$id_.comms.audience.ts", url: "/incidents/{incident}/comms/audience", GET: "read" },
  { file: "incidents.$id_.comms.template.ts", url: "/incidents/{incident}/comms/template?status=investigating", GET: "update:draft" },
  { file: "incidents.$id_.postmortem.tsx", url: "/incidents/{resolvedIncident}/postmortem", GET: "read", POST: "postmortem:write" },
  { file: "postmortems._index.tsx", url: "/postmortems", GET: "read" },
  { file: "postmortems.$id.tsx", url: "/postmortems/{postmortem}", GET: "read" },
  { file: "postmortems.$id[.md].ts", url: "/postmortems/{postmortem}.md", GET: "read" },
  { file: "postmortems.$id_.edit.tsx", url: "/postmortems/{postmortem}/edit", GET: "read" },
  { file: "postmortems.$id_.review.tsx", url: "/postmortems/{postmortem}/review", GET: "read", POST: "postmortem:write" },
  { file: "postmortems.$id_.action-items.tsx", url: "/postmortems/{postmortem}/action-items", GET: "read", POST: "postmortem:write" },
  { file: "postmortems.$id_.public-report.tsx", url: "/postmortems/{postmortem}/public-report", GET: "read", POST: "update:draft" },
  { file: "action-items.tsx", url: "/action-items", GET: "read", POST: "postmortem:write", body: "id={actionItem}&state=not-a-state" },
  { file: "components.tsx", url: "/components", GET: "read", POST: "component:write" },
  { file: "maintenance.tsx", url: "/maintenance", GET: "read", POST: "update:publish" },
  { file: "search.tsx", url: "/search?q=checkout", GET: "read" },
  { file: "insights.tsx", url: "/insights", GET: "read" },
  { file: "insights[.]csv.ts", url: "/insights.csv", GET: "read" },
  { file: "insights_.incidents.tsx", url: "/insights/incidents?figure={figure}", GET: "read" },
  { file: "admin.tsx", url: "/admin", GET: ADMIN_SECTIONS },
  { file: "admin.audit.tsx", url: "/admin/audit", GET: "audit:read" },
  { file: "admin.audit[.]csv.ts", url: "/admin/audit.csv", GET: "audit:read" },
  { file: "admin.audit[.]jsonl.ts", url: "/admin/audit.jsonl", GET: "audit:read" },
  { file: "admin.users.tsx", url: "/admin/users", GET: "admin:users", POST: "admin:users" },
  { file: "admin.tokens.tsx", url: "/admin/tokens", GET: "admin:users", POST: "admin:users" },
  { file: "admin.settings.tsx", url: "/admin/settings", GET: "settings:write", POST: "settings:write" },
  { file: "admin.templates.tsx", url: "/admin/templates", GET: "settings:write", POST: "settings:write" },
  { file: "admin.notices.tsx", url: "/admin/notices", GET: "settings:write", POST: "settings:write" },
  { file: "admin.postmortem-templates.tsx", url: "/admin/postmortem-templates", GET: "settings:write", POST: "settings:write" },
  { file: "admin.subscribers.tsx", url: "/admin/subscribers", GET: "subscriber:write", POST: "subscriber:write" },
  { file: "admin.subscribers[.]csv.ts", url: "/admin/subscribers.csv", GET: "subscriber:write" },
  { file: "admin.outbox.tsx", url: "/admin/outbox", GET: "delivery:admin" },
  { file: "admin.outbox.$id.tsx", url: "/admin/outbox/{outboxEmail}", GET: "delivery:admin" },
  { file: "admin.webhooks.tsx", url: "/admin/webhooks", GET: "delivery:admin", POST: "delivery:admin" },
  // the public side: the subscriber's token in the link is the key
  { file: "status.subscribe.tsx", url: "/status/subscribe", GET: "public", POST: "public" },
  { file: "status.subscriptions.$token.tsx", url: "/status/subscriptions/{subscriberToken}", GET: "public", POST: "public", body: "components=no-such-component" },
  { file: "status.subscriptions.$token_.confirm.tsx", url: "/status/subscriptions/{subscriberToken}/confirm", GET: "public", POST: "public" },
  { file: "status.subscriptions.$token_.unsubscribe.tsx", url: "/status/subscriptions/{subscriberToken}/unsubscribe", GET: "public", POST: "public" },

  // the JSON API
  { file: "api.v1.tokens.ts", url: "/api/v1/tokens", POST: "admin:users" },
  { file: "api.v1.components.ts", url: "/api/v1/components", GET: "read", POST: "component:write" },
  { file: "api.v1.components.$id.ts", url: "/api/v1/components/{component}", GET: "read", PATCH: "component:write" },
  { file: "api.v1.incidents.ts", url: "/api/v1/incidents", GET: "read", POST: "incident:write" },
  { file: "api.v1.incidents.$id.ts", url: "/api/v1/incidents/{incident}", GET: "read", PATCH: "incident:write" },
  { file: "api.v1.incidents.$id.events.ts", url: "/api/v1/incidents/{incident}/events", GET: "read" },
  { file: "api.v1.incidents.$id.timeline.ts", url: "/api/v1/incidents/{incident}/timeline", GET: "read", POST: "incident:write" },
  { file: "api.v1.incidents.$id.timeline.$entryId.ts", url: "/api/v1/incidents/{incident}/timeline/{freshEntry}", GET: "read", PATCH: "incident:write", DELETE: "incident:write" },
  { file: "api.v1.incidents.$id.updates.ts", url: "/api/v1/incidents/{incident}/updates", GET: "read", POST: "update:draft" },
  { file: "api.v1.incidents.$id.postmortem.ts", url: "/api/v1/incidents/{resolvedIncident}/postmortem", GET: "read", POST: "postmortem:write" },
  { file: "api.v1.updates.$id.ts", url: "/api/v1/updates/{publishedUpdate}", GET: "read", PATCH: "update:draft", DELETE: "update:draft" },
  { file: "api.v1.updates.$id.request-approval.ts", url: "/api/v1/updates/{publishedUpdate}/request-approval", POST: "update:draft" },
  { file: "api.v1.updates.$id.approve.ts", url: "/api/v1/updates/{publishedUpdate}/approve", POST: "update:approve" },
  { file: "api.v1.updates.$id.publish.ts", url: "/api/v1/updates/{publishedUpdate}/publish", POST: "update:publish" },
  // the report names the subscribers whose notices failed or bounced: who may see subscribers
  { file: "api.v1.updates.$id.deliveries.ts", url: "/api/v1/updates/{publishedUpdate}/deliveries", GET: "subscriber:write" },
  { file: "api.v1.maintenances.ts", url: "/api/v1/maintenances", GET: "read", POST: "update:publish" },
  { file: "api.v1.maintenances.$id.ts", url: "/api/v1/maintenances/{maintenance}", GET: "read", POST: "update:publish" },
  { file: "api.v1.subscribers.ts", url: "/api/v1/subscribers", GET: "subscriber:write", POST: "subscriber:write" },
  { file: "api.v1.subscribers.$id.ts", url: "/api/v1/subscribers/{freshSubscriber}", DELETE: "subscriber:write" },
  { file: "api.v1.email-events.ts", url: "/api/v1/email-events", POST: "signature" },
  { file: "api.v1.webhooks.ts", url: "/api/v1/webhooks", GET: "delivery:admin", POST: "delivery:admin" },
  { file: "api.v1.webhooks.$id.ts", url: "/api/v1/webhooks/{freshWebhook}", DELETE: "delivery:admin" },
  // templates are read where they are edited: the admin pages and these (README: "(admin)")
  { file: "api.v1.templates.ts", url: "/api/v1/templates", GET: "settings:write" },
  { file: "api.v1.templates.$key.ts", url: "/api/v1/templates/update.investigating", PUT: "settings:write" },
  { file: "api.v1.notice-templates.ts", url: "/api/v1/notice-templates", GET: "settings:write" },
  { file: "api.v1.notice-templates.$kind.ts", url: "/api/v1/notice-templates/incident.created", GET: "settings:write", PUT: "settings:write", DELETE: "settings:write" },
  { file: "api.v1.postmortems.$id.ts", url: "/api/v1/postmortems/{postmortem}", GET: "read" },
  { file: "api.v1.postmortems.$id.sections.$key.ts", url: "/api/v1/postmortems/{postmortem}/sections/summary", GET: "read", PUT: "postmortem:write" },
  { file: "api.v1.postmortems.$id.review.ts", url: "/api/v1/postmortems/{postmortem}/review", GET: "read", POST: "postmortem:write" },
  { file: "api.v1.postmortems.$id.action-items.ts", url: "/api/v1/postmortems/{postmortem}/action-items", GET: "read", POST: "postmortem:write" },
  { file: "api.v1.postmortems.$id.public-report.ts", url: "/api/v1/postmortems/{postmortem}/public-report", POST: "update:draft" },
  { file: "api.v1.action-items.ts", url: "/api/v1/action-items", GET: "read" },
  { file: "api.v1.action-items.$id.ts", url: "/api/v1/action-items/{actionItem}", GET: "read", PATCH: "postmortem:write" },
  { file: "api.v1.alerts.alertmanager.ts", url: "/api/v1/alerts/alertmanager", POST: "incident:write" },
  { file: "api.v1.alerts.generic.ts", url: "/api/v1/alerts/generic", POST: "incident:write" },
  { file: "api.v1.alert-rules.ts", url: "/api/v1/alert-rules", GET: "settings:write", PUT: "settings:write" },
  { file: "api.v1.audit-events.ts", url: "/api/v1/audit-events", GET: "audit:read" },
  { file: "api.v1.search.ts", url: "/api/v1/search?q=checkout", GET: "read" },
  { file: "api.v1.insights.ts", url: "/api/v1/insights", GET: "read" },
];

/** Answered by server.ts from the public snapshot, before any route module (server/public-files.ts). */
export const SERVER_ENDPOINTS: { name: string; url: string; GET: Rule }[] = [
  { name: "status page", url: "/status", GET: "public" },
  { name: "status widget", url: "/status/embed", GET: "public" },
  { name: "Statuspage v2 summary", url: "/api/v2/summary.json", GET: "public" },
  { name: "Atom feed", url: "/history.atom", GET: "public" },
];
