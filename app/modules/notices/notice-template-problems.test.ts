// What saving an admin's notice refuses, checked without a database: the same check
// saved-notices.server.ts runs with the latest real update before it stores anything.
import { describe, expect, it } from "vitest";
import { DEFAULT_NOTICES, NOTICE_KINDS, SAMPLE_NOTICE_VARIABLES, type NoticeTemplate } from "./notice-defaults.ts";
import { noticeTemplateProblems, renderNotice } from "./render-notice.ts";

const base = DEFAULT_NOTICES["incident.created"];
const withPart = (part: keyof NoticeTemplate, source: string): NoticeTemplate => ({ ...base, [part]: source });

describe("checking an admin's notice before it is saved", () => {
  it("accepts every shipped notice", async () => {
    for (const kind of NOTICE_KINDS) expect(await noticeTemplateProblems(DEFAULT_NOTICES[kind], SAMPLE_NOTICE_VARIABLES), kind).toEqual({});
  });

  it("names the part and gives liquid's reason for a template that does not parse", async () => {
    const problems = await noticeTemplateProblems(withPart("html", "<p>{% if title %}open</p>"), SAMPLE_NOTICE_VARIABLES);
    expect(Object.keys(problems)).toEqual(["html"]);
    expect(problems.html).toMatch(/^HTML: The template does not parse: tag \{% if title %\} not closed/);
  });

  it("refuses unknown variables and filters in any part", async () => {
    expect((await noticeTemplateProblems(withPart("subject", "{{ incident_titel }}"), SAMPLE_NOTICE_VARIABLES)).subject).toMatch(
      /^Subject: .*undefined variable: incident_titel/,
    );
    expect((await noticeTemplateProblems(withPart("text", "{{ body | shout }}"), SAMPLE_NOTICE_VARIABLES)).text).toMatch(
      /^Plain text: .*undefined filter: shout/,
    );
    expect((await noticeTemplateProblems(withPart("html", "<p>{{ customer.name }}</p>"), SAMPLE_NOTICE_VARIABLES)).html).toMatch(
      /^HTML: .*undefined variable: customer/,
    );
  });

  it("refuses a subject over two lines", async () => {
    expect((await noticeTemplateProblems(withPart("subject", "Outage\nBcc: everyone@example.com"), SAMPLE_NOTICE_VARIABLES)).subject).toBe(
      "Subject: A subject must be one line.",
    );
  });

  it("refuses a template that produces nothing", async () => {
    expect((await noticeTemplateProblems(withPart("text", "{% if false %}x{% endif %}"), SAMPLE_NOTICE_VARIABLES)).text).toMatch(
      /produced no text/,
    );
  });

  it("stops a template that loops", async () => {
    const started = Date.now();
    const problems = await noticeTemplateProblems(
      withPart("text", "{% for i in (1..100000000) %}{% for j in (1..10) %}{{ i }}{% endfor %}{% endfor %}"),
      SAMPLE_NOTICE_VARIABLES,
    );
    expect(problems.text).toMatch(/^Plain text: /);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("refuses a template that outputs megabytes", async () => {
    const problems = await noticeTemplateProblems(
      withPart("html", "{% for i in (1..200000) %}<p>{{ body }}</p>{% endfor %}"),
      SAMPLE_NOTICE_VARIABLES,
    );
    expect(problems.html).toMatch(/^HTML: /);
    const many = await noticeTemplateProblems(withPart("text", "{% for i in (1..5000) %}{{ body }}{% endfor %}"), SAMPLE_NOTICE_VARIABLES);
    expect(many.text).toMatch(/too long/);
  });

  it("refuses a template longer than a template may be", async () => {
    expect((await noticeTemplateProblems(withPart("text", "x".repeat(20_001)), SAMPLE_NOTICE_VARIABLES)).text).toMatch(
      /at most 20000 characters/,
    );
  });
});

describe("rendering an admin's notice", () => {
  it("sanitizes the admin's HTML but not the customer text escaped inside it", async () => {
    const template = withPart("html", '<p onclick="steal()">{{ body }}</p><script>alert(1)</script><a href="javascript:alert(1)">x</a>');
    const notice = renderNotice(template, { ...SAMPLE_NOTICE_VARIABLES, body: "<b>2 < 3</b>" }, { sanitizeHtml: true });
    expect(notice.html).toBe("<p>&lt;b&gt;2 &lt; 3&lt;/b&gt;</p><a>x</a>");
  });
});
