// Who may use each route: the role matrix of DESIGN.md ("Security"), written as data. The roles
// allowed are written out here, not read from app/modules/auth/roles.ts, so a change to the app's
// permission table that widens or narrows who may do something fails the test until this table says
// so too. role-matrix.test.ts sends every method to every route as every principal (anonymous; a
// session of each role; an API token of each role) and compares the answer's class.
//
// One line per route module in app/routes (a new route without a line fails the test):
//
//   { file: "api.v1.incidents.$id.ts", url: "/api/v1/incidents/{incident}", GET: ANY_ROLE, PATCH: ["admin", "responder"] },
//
//   file    the module's file name in app/routes
//   url     what to request; {name} is a fixture the test creates (an id, a token, or a fresh object per
//           request where the request may remove it: see FIXTURES in the test)
//   GET / POST / PUT / PATCH / DELETE: the rule for each method the route serves:
//     ["admin", "comms"]        the roles that may (an invalid body is sent, so nothing changes); another
//                               signed-in user or token gets 403; anonymous gets 401 on /api/, elsewhere
//                               the redirect to /login
//     "public"                  everyone, signed in or not
//     "signature"               a signed webhook: no session or token opens it, an unsigned request is 401
//     "session"                 anyone signed in with a session, whatever the role; an API token gets 403
//   A method not listed must not be served: 404 or 405 to everyone (checked for every method on /api/,
//   for POST elsewhere, since a page's action takes any non-GET method).
//   body     what a write sends instead of the default invalid body ("[]" as JSON on /api/, a form with no
//            known field elsewhere), when the default would not reach the rule being shown
//   variants more rules for the same URL and method with another body (one form, several intents)
//   last     runs after every other request (signing out ends the sessions the others use)

export const ROLES = ["admin", "responder", "comms", "viewer"] as const;
export type Role = (typeof ROLES)[number];
export type Rule = readonly Role[] | "public" | "signature" | "session";
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

export type RouteExpectation = { file: string; url: string; body?: string; last?: boolean } & Partial<Record<Method, Rule>> & {
    variants?: ({ label: string; body: string } & Partial<Record<Method, Rule>>)[];
  };

/** Everyone signed in: reading incidents, timelines, components, post-mortems and insights. */
const ANY_ROLE: Rule = ["admin", "responder", "comms", "viewer"];

export const ROUTES: RouteExpectation[] = [
  // pages
  { file: "_index.tsx", url: "/", GET: "public" },
  { file: "login.tsx", url: "/login", GET: "public", POST: "public" },
  { file: "logout.tsx", url: "/logout", GET: "public", POST: "public", last: true },
  { file: "account.tsx", url: "/account", GET: "session", POST: "session" },
  { file: "healthz.ts", url: "/healthz", GET: "public" },
  { file: "incidents._index.tsx", url: "/incidents", GET: ANY_ROLE },
  { file: "incidents.new.tsx", url: "/incidents/new", GET: ["admin", "responder"], POST: ["admin", "responder"] },
  { file: "incidents.$id.tsx", url: "/incidents/{incident}", GET: ANY_ROLE, POST: ["admin", "responder"] },
  // the Timeline tab, a child of the incident layout (decision 0044): the room's own forms post to ?index
  { file: "incidents.$id._index.tsx", url: "/incidents/{incident}?index", GET: ANY_ROLE, POST: ["admin", "responder"] },
  {
    file: "incidents.$id.comms.tsx",
    url: "/incidents/{incident}/comms",
    GET: ANY_ROLE,
    POST: ["admin", "responder", "comms"],
    variants: [
      { label: "approve", body: "intent=approve&updateId={publishedUpdate}", POST: ["admin", "responder", "comms"] },
      { label: "publish", body: "intent=publish&updateId={publishedUpdate}", POST: ["admin", "comms"] },
      // approving is open to these; the publishing step is refused to a responder by publishing itself (the notifications test shows it)
      { label: "approve-publish", body: "intent=approve-publish&updateId={publishedUpdate}", POST: ["admin", "responder", "comms"] },
      // refusing is approving's other answer: the same roles (decision 0046)
      { label: "refuse", body: "intent=refuse&updateId={publishedUpdate}&reason=Wrong+region", POST: ["admin", "responder", "comms"] },
    ],
  },
  // your own notifications: everyone signed in reads and marks theirs
  { file: "notifications.tsx", url: "/notifications", GET: ANY_ROLE, POST: ANY_ROLE },
  { file: "incidents.$id_.comms.audience.ts", url: "/incidents/{incident}/comms/audience", GET: ANY_ROLE },
  {
    file: "incidents.$id_.comms.template.ts",
    url: "/incidents/{incident}/comms/template?status=investigating",
    GET: ["admin", "responder", "comms"],
  },
  // whether the incident's Slack channel is behind (decision 0048), asked by the room's notice
  { file: "incidents.$id_.slack-behind.ts", url: "/incidents/{incident}/slack-behind", GET: ANY_ROLE },
  { file: "incidents.$id.postmortem.tsx", url: "/incidents/{resolvedIncident}/postmortem", GET: ANY_ROLE, POST: ["admin", "responder"] },
  { file: "postmortems._index.tsx", url: "/postmortems", GET: ANY_ROLE },
  { file: "postmortems.$id.tsx", url: "/postmortems/{postmortem}", GET: ANY_ROLE },
  { file: "postmortems.$id[.md].ts", url: "/postmortems/{postmortem}.md", GET: ANY_ROLE },
  { file: "postmortems.$id_.edit.tsx", url: "/postmortems/{postmortem}/edit", GET: ANY_ROLE },
  { file: "postmortems.$id_.refresh.tsx", url: "/postmortems/{postmortem}/refresh", GET: ANY_ROLE, POST: ["admin", "responder"] },
  { file: "postmortems.$id_.review.tsx", url: "/postmortems/{postmortem}/review", GET: ANY_ROLE, POST: ["admin", "responder"] },
  { file: "postmortems.$id_.action-items.tsx", url: "/postmortems/{postmortem}/action-items", GET: ANY_ROLE, POST: ["admin", "responder"] },
  {
    file: "postmortems.$id_.public-report.tsx",
    url: "/postmortems/{postmortem}/public-report",
    GET: ANY_ROLE,
    POST: ["admin", "responder", "comms"],
  },
  {
    file: "action-items.tsx",
    url: "/action-items",
    GET: ANY_ROLE,
    POST: ["admin", "responder"],
    body: "id={actionItem}&state=not-a-state",
  },
  { file: "components.tsx", url: "/components", GET: ANY_ROLE, POST: ["admin"] },
  { file: "maintenance.tsx", url: "/maintenance", GET: ANY_ROLE, POST: ["admin", "comms"] },
  { file: "search.tsx", url: "/search?q=checkout", GET: ANY_ROLE },
  { file: "insights.tsx", url: "/insights", GET: ANY_ROLE },
  { file: "insights[.]csv.ts", url: "/insights.csv", GET: ANY_ROLE },
  { file: "insights_.incidents.tsx", url: "/insights/incidents?figure={figure}", GET: ANY_ROLE },
  { file: "admin.tsx", url: "/admin", GET: ["admin", "comms"] },
  { file: "admin.audit.tsx", url: "/admin/audit", GET: ["admin"] },
  { file: "admin.audit[.]csv.ts", url: "/admin/audit.csv", GET: ["admin"] },
  { file: "admin.audit[.]jsonl.ts", url: "/admin/audit.jsonl", GET: ["admin"] },
  { file: "admin.users.tsx", url: "/admin/users", GET: ["admin"], POST: ["admin"] },
  { file: "admin.tokens.tsx", url: "/admin/tokens", GET: ["admin"], POST: ["admin"] },
  { file: "admin.settings.tsx", url: "/admin/settings", GET: ["admin"], POST: ["admin"] },
  { file: "admin.templates.tsx", url: "/admin/templates", GET: ["admin"], POST: ["admin"] },
  { file: "admin.notices.tsx", url: "/admin/notices", GET: ["admin"], POST: ["admin"] },
  { file: "admin.postmortem-templates.tsx", url: "/admin/postmortem-templates", GET: ["admin"], POST: ["admin"] },
  { file: "admin.subscribers.tsx", url: "/admin/subscribers", GET: ["admin", "comms"], POST: ["admin", "comms"] },
  { file: "admin.subscribers[.]csv.ts", url: "/admin/subscribers.csv", GET: ["admin", "comms"] },
  { file: "admin.outbox.tsx", url: "/admin/outbox", GET: ["admin"] },
  { file: "admin.outbox.$id.tsx", url: "/admin/outbox/{outboxEmail}", GET: ["admin"] },
  { file: "admin.webhooks.tsx", url: "/admin/webhooks", GET: ["admin"], POST: ["admin"] },
  // the public side: the subscriber's token in the link is the key
  { file: "status.subscribe.tsx", url: "/status/subscribe", GET: "public", POST: "public" },
  {
    file: "status.subscriptions.$token.tsx",
    url: "/status/subscriptions/{subscriberToken}",
    GET: "public",
    POST: "public",
    body: "components=no-such-component",
  },
  {
    file: "status.subscriptions.$token_.confirm.tsx",
    url: "/status/subscriptions/{subscriberToken}/confirm",
    GET: "public",
    POST: "public",
  },
  {
    file: "status.subscriptions.$token_.unsubscribe.tsx",
    url: "/status/subscriptions/{subscriberToken}/unsubscribe",
    GET: "public",
    POST: "public",
  },

  // readers' Slack subscriptions (decision 0048): the hook's token in the unsubscribe link is the key
  { file: "status.subscribe_.slack.tsx", url: "/status/subscribe/slack", GET: "public", POST: "public" },
  { file: "status.slack.$token.unsubscribe.tsx", url: "/status/slack/{slackHookToken}/unsubscribe", GET: "public", POST: "public" },

  // the 404s: no page here, for anyone (the status page's own under /status)
  { file: "status.$.tsx", url: "/status/no-such-page" },
  { file: "$.tsx", url: "/no-such-page" },

  // the JSON API
  { file: "api.v1.tokens.ts", url: "/api/v1/tokens", POST: ["admin"] },
  { file: "api.v1.notifications.ts", url: "/api/v1/notifications", GET: ANY_ROLE },
  { file: "api.v1.notifications.read.ts", url: "/api/v1/notifications/read", POST: ANY_ROLE },
  { file: "api.v1.notifications.events.ts", url: "/api/v1/notifications/events", GET: ANY_ROLE },
  { file: "api.v1.users.ts", url: "/api/v1/users", GET: ["admin"], POST: ["admin"] },
  { file: "api.v1.users.$id.ts", url: "/api/v1/users/{user}", PATCH: ["admin"] },
  { file: "api.v1.components.ts", url: "/api/v1/components", GET: ANY_ROLE, POST: ["admin"] },
  { file: "api.v1.components.$id.ts", url: "/api/v1/components/{component}", GET: ANY_ROLE, PATCH: ["admin"] },
  { file: "api.v1.incidents.ts", url: "/api/v1/incidents", GET: ANY_ROLE, POST: ["admin", "responder"] },
  { file: "api.v1.incidents.$id.ts", url: "/api/v1/incidents/{incident}", GET: ANY_ROLE, PATCH: ["admin", "responder"] },
  { file: "api.v1.incidents.$id.impact.ts", url: "/api/v1/incidents/{incident}/impact", GET: ANY_ROLE, PUT: ["admin", "responder"] },
  { file: "api.v1.incidents.$id.events.ts", url: "/api/v1/incidents/{incident}/events", GET: ANY_ROLE },
  { file: "api.v1.incidents.$id.timeline.ts", url: "/api/v1/incidents/{incident}/timeline", GET: ANY_ROLE, POST: ["admin", "responder"] },
  {
    file: "api.v1.incidents.$id.timeline.$entryId.ts",
    url: "/api/v1/incidents/{incident}/timeline/{freshEntry}",
    GET: ANY_ROLE,
    PATCH: ["admin", "responder"],
    DELETE: ["admin", "responder"],
  },
  {
    file: "api.v1.incidents.$id.updates.ts",
    url: "/api/v1/incidents/{incident}/updates",
    GET: ANY_ROLE,
    POST: ["admin", "responder", "comms"],
  },
  {
    file: "api.v1.incidents.$id.postmortem.ts",
    url: "/api/v1/incidents/{resolvedIncident}/postmortem",
    GET: ANY_ROLE,
    POST: ["admin", "responder"],
  },
  {
    file: "api.v1.updates.$id.ts",
    url: "/api/v1/updates/{publishedUpdate}",
    GET: ANY_ROLE,
    PATCH: ["admin", "responder", "comms"],
    DELETE: ["admin", "responder", "comms"],
  },
  {
    file: "api.v1.updates.$id.request-approval.ts",
    url: "/api/v1/updates/{publishedUpdate}/request-approval",
    POST: ["admin", "responder", "comms"],
  },
  { file: "api.v1.updates.$id.approve.ts", url: "/api/v1/updates/{publishedUpdate}/approve", POST: ["admin", "responder", "comms"] },
  { file: "api.v1.updates.$id.refuse.ts", url: "/api/v1/updates/{publishedUpdate}/refuse", POST: ["admin", "responder", "comms"] },
  { file: "api.v1.updates.$id.publish.ts", url: "/api/v1/updates/{publishedUpdate}/publish", POST: ["admin", "comms"] },
  // the report names the subscribers whose notices failed or bounced: who may see subscribers
  { file: "api.v1.updates.$id.deliveries.ts", url: "/api/v1/updates/{publishedUpdate}/deliveries", GET: ["admin", "comms"] },
  { file: "api.v1.maintenances.ts", url: "/api/v1/maintenances", GET: ANY_ROLE, POST: ["admin", "comms"] },
  { file: "api.v1.maintenances.$id.ts", url: "/api/v1/maintenances/{maintenance}", GET: ANY_ROLE, POST: ["admin", "comms"] },
  { file: "api.v1.subscribers.ts", url: "/api/v1/subscribers", GET: ["admin", "comms"], POST: ["admin", "comms"] },
  { file: "api.v1.subscribers.$id.ts", url: "/api/v1/subscribers/{freshSubscriber}", DELETE: ["admin", "comms"] },
  { file: "api.v1.email-events.ts", url: "/api/v1/email-events", POST: "signature" },
  // Slack's endpoints (decision 0045): only Slack's signature opens them, whoever else asks
  { file: "api.v1.slack.commands.ts", url: "/api/v1/slack/commands", POST: "signature" },
  { file: "api.v1.slack.events.ts", url: "/api/v1/slack/events", POST: "signature" },
  { file: "api.v1.slack.interactions.ts", url: "/api/v1/slack/interactions", POST: "signature" },
  { file: "api.v1.webhooks.ts", url: "/api/v1/webhooks", GET: ["admin"], POST: ["admin"] },
  { file: "api.v1.webhooks.$id.ts", url: "/api/v1/webhooks/{freshWebhook}", DELETE: ["admin"] },
  // templates are read where they are edited: the admin pages and these (docs/api.md: "(admin)")
  { file: "api.v1.templates.ts", url: "/api/v1/templates", GET: ["admin"], POST: ["admin"] },
  // DELETE on a status's default puts the shipped text back (it is the default already, so nothing changes)
  { file: "api.v1.templates.$key.ts", url: "/api/v1/templates/update.investigating", PUT: ["admin"], DELETE: ["admin"] },
  { file: "api.v1.notice-templates.ts", url: "/api/v1/notice-templates", GET: ["admin"] },
  {
    file: "api.v1.notice-templates.$kind.ts",
    url: "/api/v1/notice-templates/incident.created",
    GET: ["admin"],
    PUT: ["admin"],
    DELETE: ["admin"],
  },
  { file: "api.v1.postmortems.$id.ts", url: "/api/v1/postmortems/{postmortem}", GET: ANY_ROLE },
  {
    file: "api.v1.postmortems.$id.sections.$key.ts",
    url: "/api/v1/postmortems/{postmortem}/sections/summary",
    GET: ANY_ROLE,
    PUT: ["admin", "responder"],
  },
  { file: "api.v1.postmortems.$id.review.ts", url: "/api/v1/postmortems/{postmortem}/review", GET: ANY_ROLE, POST: ["admin", "responder"] },
  {
    file: "api.v1.postmortems.$id.action-items.ts",
    url: "/api/v1/postmortems/{postmortem}/action-items",
    GET: ANY_ROLE,
    POST: ["admin", "responder"],
  },
  {
    file: "api.v1.postmortems.$id.public-report.ts",
    url: "/api/v1/postmortems/{postmortem}/public-report",
    POST: ["admin", "responder", "comms"],
  },
  { file: "api.v1.action-items.ts", url: "/api/v1/action-items", GET: ANY_ROLE },
  { file: "api.v1.action-items.$id.ts", url: "/api/v1/action-items/{actionItem}", GET: ANY_ROLE, PATCH: ["admin", "responder"] },
  { file: "api.v1.alerts.alertmanager.ts", url: "/api/v1/alerts/alertmanager", POST: ["admin", "responder"] },
  { file: "api.v1.alerts.generic.ts", url: "/api/v1/alerts/generic", POST: ["admin", "responder"] },
  { file: "api.v1.alert-rules.ts", url: "/api/v1/alert-rules", GET: ["admin"], PUT: ["admin"] },
  { file: "api.v1.postmortem-deadlines.ts", url: "/api/v1/postmortem-deadlines", GET: ["admin"], PUT: ["admin"] },
  { file: "api.v1.first-update-targets.ts", url: "/api/v1/first-update-targets", GET: ["admin"], PUT: ["admin"] },
  { file: "api.v1.audit-events.ts", url: "/api/v1/audit-events", GET: ["admin"] },
  { file: "api.v1.search.ts", url: "/api/v1/search?q=checkout", GET: ANY_ROLE },
  { file: "api.v1.insights.ts", url: "/api/v1/insights", GET: ANY_ROLE },
];

/** Answered by server.ts from the public snapshot, before any route module (server/public-files.ts). */
export const SERVER_ENDPOINTS: { name: string; url: string; GET: Rule }[] = [
  { name: "status page", url: "/status", GET: "public" },
  { name: "status widget", url: "/status/embed", GET: "public" },
  { name: "Statuspage v2 summary", url: "/api/v2/summary.json", GET: "public" },
  { name: "Atom feed", url: "/history.atom", GET: "public" },
];
