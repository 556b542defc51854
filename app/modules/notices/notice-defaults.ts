// The shipped email notices: a subject, a plain-text part and an HTML part per kind, in liquid.
// HTML parts are rendered with every output escaped (render-notice.ts), so a body, a title or
// a name can never add markup to an email.
export const NOTICE_KINDS = [
  "confirmation",
  "incident.created",
  "incident.updated",
  "incident.resolved",
  "maintenance.scheduled",
  "maintenance.started",
  "maintenance.completed",
  "postmortem.published",
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** What an admin sees each notice called. */
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  confirmation: "Subscription confirmation",
  "incident.created": "Incident created",
  "incident.updated": "Incident updated",
  "incident.resolved": "Incident resolved",
  "maintenance.scheduled": "Maintenance scheduled",
  "maintenance.started": "Maintenance started",
  "maintenance.completed": "Maintenance completed",
  "postmortem.published": "Root-cause report published",
};

export const NOTICE_PARTS = ["subject", "text", "html"] as const;
export type NoticePart = (typeof NOTICE_PARTS)[number];
export const NOTICE_PART_LABELS: Record<NoticePart, string> = { subject: "Subject", text: "Plain text", html: "HTML" };

/** The Template row that replaces one part of a shipped notice. */
export function noticeTemplateKey(kind: NoticeKind, part: NoticePart): string {
  return `notice.${kind}.${part}`;
}

export type NoticeTemplate = Record<NoticePart, string>;

/** What every notice is filled with; all keys always present. */
export type NoticeVariables = {
  page_name: string;
  page_url: string;
  title: string;
  status: string;
  /** plain text (a root-cause report without its Markdown) */
  body: string;
  /** the body as the status page shows it, already safe HTML (a report's headings, lists and links): output it with `| raw` */
  body_html: string;
  /** "API - Messages: Partial outage" lines */
  components: string[];
  posted_at: string;
  incident_url: string;
  manage_url: string;
  unsubscribe_url: string;
  confirm_url: string;
  /** the root-cause report's address; empty unless one was published */
  report_url: string;
  /** the report's opening paragraph, one line; empty unless one was published */
  summary: string;
};

export const NOTICE_VARIABLE_NAMES = [
  "page_name",
  "page_url",
  "title",
  "status",
  "body",
  "body_html",
  "components",
  "posted_at",
  "incident_url",
  "report_url",
  "summary",
  "manage_url",
  "unsubscribe_url",
  "confirm_url",
] as const satisfies readonly (keyof NoticeVariables)[];

const FOOTER_TEXT = `--
You are receiving this because you subscribed to {{ page_name }} status notices.
Manage your subscription: {{ manage_url }}
Unsubscribe: {{ unsubscribe_url }}`;

const FOOTER_HTML = `<hr style="border:none;border-top:1px solid #e2e8f0;margin:24px 0">
<p style="color:#64748b;font-size:12px">You are receiving this because you subscribed to {{ page_name }} status notices.
<a href="{{ manage_url }}">Manage your subscription</a> · <a href="{{ unsubscribe_url }}">Unsubscribe</a></p>`;

const UPDATE_TEXT = `{{ title }}
{{ status }}: {{ body }}
{% if components.size > 0 %}
Component status: {{ components | join: "; " }}
{% endif %}
Posted {{ posted_at }}. Follow it at {{ incident_url }}

${FOOTER_TEXT}`;

const UPDATE_HTML = `<div style="font-family:system-ui,sans-serif;max-width:560px">
<p style="color:#64748b;font-size:13px">{{ page_name }} status</p>
<h1 style="font-size:20px">{{ title }}</h1>
<p><strong>{{ status }}</strong> · {{ posted_at }}</p>
<p style="white-space:pre-line">{{ body }}</p>
{% if components.size > 0 %}<p style="color:#334155">Component status: {{ components | join: "; " }}</p>{% endif %}
<p><a href="{{ incident_url }}">Follow this incident on the status page</a></p>
${FOOTER_HTML}
</div>`;

function updateNotice(subjectPrefix: string): NoticeTemplate {
  return { subject: `${subjectPrefix}{{ title }}`, text: UPDATE_TEXT, html: UPDATE_HTML };
}

export const DEFAULT_NOTICES: Record<NoticeKind, NoticeTemplate> = {
  confirmation: {
    subject: "Confirm your subscription to {{ page_name }} status",
    text: `Please confirm that you want email notices about {{ page_name }} incidents and maintenance:
{{ confirm_url }}

If you did not ask for this, ignore this email: nothing will be sent to you.`,
    html: `<div style="font-family:system-ui,sans-serif;max-width:560px">
<p>Please confirm that you want email notices about {{ page_name }} incidents and maintenance.</p>
<p><a href="{{ confirm_url }}" style="display:inline-block;background:#0f172a;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">Confirm subscription</a></p>
<p style="color:#64748b;font-size:12px">If you did not ask for this, ignore this email: nothing will be sent to you.</p>
</div>`,
  },
  "incident.created": updateNotice("[{{ page_name }}] "),
  "incident.updated": updateNotice("[{{ page_name }}] Update: "),
  "incident.resolved": updateNotice("[{{ page_name }}] Resolved: "),
  "maintenance.scheduled": updateNotice("[{{ page_name }}] Scheduled maintenance: "),
  "maintenance.started": updateNotice("[{{ page_name }}] Maintenance in progress: "),
  "maintenance.completed": updateNotice("[{{ page_name }}] Maintenance completed: "),
  "postmortem.published": {
    subject: "[{{ page_name }}] Root-cause report: {{ title }}",
    text: `Root-cause report: {{ title }}

{{ body }}

Read it on the status page: {{ report_url }}

${FOOTER_TEXT}`,
    html: `<div style="font-family:system-ui,sans-serif;max-width:560px">
<p style="color:#64748b;font-size:13px">{{ page_name }} status · Root-cause report</p>
<h1 style="font-size:20px">{{ title }}</h1>
{{ body_html | raw }}
<p><a href="{{ report_url }}">Read it on the status page</a></p>
${FOOTER_HTML}
</div>`,
  },
};

/** Realistic values for a notice when the install has no published update to show yet. */
export const SAMPLE_NOTICE_VARIABLES: NoticeVariables = {
  page_name: "Northwind AI",
  page_url: "https://status.example.com/status",
  title: "Elevated errors on the API",
  status: "Investigating",
  body: "We are investigating elevated error rates on the Messages endpoint.",
  body_html: "<p>We are investigating elevated error rates on the Messages endpoint.</p>",
  components: ["API - Messages endpoint: Partial outage"],
  posted_at: "Nov 23, 14:05 UTC",
  incident_url: "https://status.example.com/status/incidents/i1a2b3c4d5e6",
  report_url: "https://status.example.com/status/incidents/i1a2b3c4d5e6",
  summary: "A configuration change overloaded the Messages endpoint's database for 40 minutes.",
  manage_url: "https://status.example.com/status/subscriptions/preview",
  unsubscribe_url: "https://status.example.com/status/subscriptions/preview/unsubscribe",
  confirm_url: "https://status.example.com/status/subscriptions/preview/confirm",
};
