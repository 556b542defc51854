import { describe, expect, it } from "vitest";
import { DEFAULT_NOTICES, type NoticeVariables } from "./notice-templates.ts";
import { oneLine, renderNotice } from "./render-notice.ts";

const vars: NoticeVariables = {
  page_name: "Northwind AI",
  page_url: "https://status.example.com/status",
  title: "Elevated errors <b>on</b> the API",
  status: "Identified",
  body: 'We found it. <script>alert("x")</script> & more',
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
