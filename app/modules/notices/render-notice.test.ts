import { describe, expect, it } from "vitest";
import { DEFAULT_NOTICES, type NoticeVariables } from "./notice-defaults.ts";
import { noticeCases, noticeCaseVariables } from "./notice-cases.ts";
import { oneLine, renderNotice } from "./render-notice.ts";

const vars: NoticeVariables = {
  page_name: "Northwind AI",
  page_url: "https://status.example.com/status",
  title: "Elevated errors <b>on</b> the API",
  status: "Identified",
  body: 'We found it. <script>alert("x")</script> & more',
  body_html: "<p>We found it. &lt;script&gt;</p>",
  components: ["API - Messages: Partial outage"],
  posted_at: "Nov 23, 14:05 UTC",
  incident_url: "https://status.example.com/status/incidents/abc123abc123",
  manage_url: "https://status.example.com/status/subscriptions/tok",
  unsubscribe_url: "https://status.example.com/status/subscriptions/tok/unsubscribe",
  confirm_url: "https://status.example.com/status/subscriptions/tok/confirm",
  report_url: "",
  summary: "",
};

describe("email notices", () => {
  it("escape customer text in the HTML part and keep it as text in the plain part", () => {
    const notice = renderNotice(DEFAULT_NOTICES["incident.updated"], vars);
    expect(notice.html).not.toContain("<script>");
    expect(notice.html).toContain("&lt;script&gt;");
    expect(notice.html).toContain("Elevated errors &lt;b&gt;on&lt;/b&gt; the API");
    expect(notice.text).toContain('<script>alert("x")</script>');
    expect(notice.subject).toBe("[Northwind AI] Update: Elevated errors <b>on</b> the API");
  });

  it("carry the manage and unsubscribe links", () => {
    const notice = renderNotice(DEFAULT_NOTICES["incident.created"], vars);
    expect(notice.text).toContain(vars.unsubscribe_url);
    expect(notice.html).toContain(`href="${vars.manage_url}"`);
  });

  it("never put a line break into a subject (no header injection)", () => {
    const notice = renderNotice(DEFAULT_NOTICES["incident.created"], { ...vars, title: "Outage\r\nBcc: victim@example.com" });
    expect(notice.subject).toBe("[Northwind AI] Outage Bcc: victim@example.com");
    expect(oneLine("a\nb\u2028c")).toBe("a b c");
  });

  it("stop a template that loops or outputs megabytes", () => {
    const looping = { subject: "x", text: "{% for i in (1..100000000) %}{{ body }}{% endfor %}", html: "<p>x</p>" };
    expect(() => renderNotice(looping, vars)).toThrowError();
  });
});

describe("previewing a notice with the preview cases", () => {
  it("offers the incident cases to incident notices, the maintenance case to maintenance notices, none to a confirmation", () => {
    expect(noticeCases("incident.resolved").map((c) => c.id)).toEqual(["several-mixed", "no-component", "one-component", "all-restored"]);
    expect(noticeCases("maintenance.started").map((c) => c.id)).toEqual(["maintenance"]);
    expect(noticeCases("confirmation")).toEqual([]);
    expect(noticeCaseVariables("incident.created", "maintenance")).toBeNull();
  });

  it("fills each notice with the update its case would have sent", () => {
    const resolved = renderNotice(DEFAULT_NOTICES["incident.resolved"], noticeCaseVariables("incident.resolved", "one-component")!);
    expect(resolved.subject).toBe("[Northwind AI] Resolved: Elevated errors on the API");
    expect(resolved.text).toContain("Resolved: This incident has been resolved. API - Messages endpoint is operating normally again.");
    const report = renderNotice(DEFAULT_NOTICES["postmortem.published"], noticeCaseVariables("postmortem.published", "several-mixed")!);
    expect(report.text).toContain("A database failover stalled");
    const maintenance = renderNotice(
      DEFAULT_NOTICES["maintenance.completed"],
      noticeCaseVariables("maintenance.completed", "maintenance")!,
    );
    expect(maintenance.text).toContain("Completed: The scheduled maintenance has been completed.");
  });
});
