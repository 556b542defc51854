import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { NoticeContext } from "~/modules/notices/notice-context.server.ts";
import { DEFAULT_NOTICES, SAMPLE_NOTICE_VARIABLES, type NoticeTemplate } from "~/modules/notices/notice-defaults.ts";
import type { EffectiveNotice } from "~/modules/notices/saved-notices.server.ts";
import { renderNoticeInSlices } from "~/modules/notices/render-notice.ts";
import { fillNotice, forgetNoticeRenders, noticeRenderer, PUBLISH_RENDER_BUDGET } from "./notice-renders.server.ts";

const { manage_url: _m, unsubscribe_url: _u, confirm_url: _c, ...variables } = SAMPLE_NOTICE_VARIABLES;
const context: NoticeContext = {
  kind: "incident.created",
  variables,
  from: "Status <status@example.com>",
  pageUrl: "https://status.example.com/status",
};
const tokens = Array.from({ length: 30 }, (_, i) => `tok${String(i).padStart(2, "0")}${"x".repeat(27)}`);
const unsubscribe = (token: string) => `${context.pageUrl}/subscriptions/${token}/unsubscribe`;

const custom = (template: NoticeTemplate): EffectiveNotice => ({
  template,
  customised: { subject: true, text: true, html: true, any: true },
});
const shipped: EffectiveNotice = {
  template: DEFAULT_NOTICES["incident.created"],
  customised: { subject: false, text: false, html: false, any: false },
};
const WITH_LINK: NoticeTemplate = {
  subject: "{{ title }}",
  text: "{{ body }}\nLeave: {{ unsubscribe_url }}",
  html: '<p>{{ title }}</p><a href="{{ unsubscribe_url }}">Leave</a> <a href="{{ manage_url }}">Manage</a>',
};

let calls: number;
beforeEach(() => {
  forgetNoticeRenders();
  calls = 0;
  vi.spyOn(noticeRenderer, "render").mockImplementation(async (...args) => {
    calls += 1;
    return renderNoticeInSlices(...args);
  });
});
afterEach(() => vi.restoreAllMocks());

describe("filling a batch's notice", () => {
  it("renders once per distinct content, not per recipient, and gives each recipient their own links", async () => {
    const filled = await fillNotice(context, custom(WITH_LINK), tokens, "update-1");
    expect(calls).toBe(2); // the content, and once more with another placeholder to prove the link is opaque to it
    expect(filled.template).toBe("custom");
    for (const token of tokens) {
      const mail = filled.forToken(token);
      expect(mail.text).toContain(unsubscribe(token));
      expect(mail.html).toContain(`href="${unsubscribe(token)}"`);
      expect(mail.html).toContain(`href="${context.pageUrl}/subscriptions/${token}"`);
      expect(mail.text.match(/subscriptions\/([\w-]+)/g)).toEqual([`subscriptions/${token}`]);
    }
    // The next batch of the same publish (and any other with the same content) renders nothing.
    await fillNotice(context, custom(WITH_LINK), ["another-token"], "update-1");
    expect(calls).toBe(2);
    // Other content is other content.
    await fillNotice({ ...context, variables: { ...variables, title: "Another title" } }, custom(WITH_LINK), tokens, "update-2");
    expect(calls).toBe(4);
  });

  it("renders a notice that names no link once, and the shipped notice once", async () => {
    await fillNotice(context, custom({ subject: "{{ title }}", text: "{{ body }}", html: "<p>{{ body }}</p>" }), tokens, "update-3");
    expect(calls).toBe(1);
    const filled = await fillNotice(context, shipped, tokens, "update-4");
    expect(calls).toBe(3);
    expect(filled.forToken(tokens[7]).text).toContain(unsubscribe(tokens[7]));
  });

  it("renders per recipient a template that reads the link itself, each one right", async () => {
    const reading: NoticeTemplate = { ...WITH_LINK, text: "{{ body }}\n{{ unsubscribe_url | upcase }} ({{ manage_url | size }})" };
    const filled = await fillNotice(context, custom(reading), tokens.slice(0, 5), "update-5");
    expect(calls).toBe(2 + 5);
    for (const token of tokens.slice(0, 5)) expect(filled.forToken(token).text).toContain(unsubscribe(token).toUpperCase());
  });

  it("sends the shipped notice, saying why, when per-recipient renders would pass the publish's budget", async () => {
    vi.spyOn(noticeRenderer, "render").mockImplementation(async (...args) => {
      calls += 1;
      return { ...(await renderNoticeInSlices(...args)), ms: PUBLISH_RENDER_BUDGET.ms / 20 };
    });
    // Appending to a link keeps it opaque (rendered once); changing its letters does not.
    const appending: NoticeTemplate = { ...WITH_LINK, html: '<a href="{{ unsubscribe_url | append: "?from=mail" }}">Leave</a>' };
    expect((await fillNotice(context, custom(appending), tokens, "update-6")).template).toBe("custom");
    expect(calls).toBe(2);
    const reading: NoticeTemplate = { ...WITH_LINK, html: '<a href="{{ unsubscribe_url }}">{{ unsubscribe_url | upcase }}</a>' };
    calls = 0;
    const filled = await fillNotice(context, custom(reading), tokens, "update-6");
    expect(filled.template).toBe("default");
    expect(filled.fallback).toMatch(/render budget/);
    expect(calls).toBeLessThanOrEqual(2 + 2); // the check, and the shipped notice
    expect(filled.forToken(tokens[3]).html).toContain(unsubscribe(tokens[3]));
  });

  it("sends the shipped notice, saying why, when the admin's template fails with the real data", async () => {
    const failing: NoticeTemplate = { ...WITH_LINK, text: "{{ body | no_such_filter }}" };
    const filled = await fillNotice(context, custom(failing), tokens, "update-7");
    expect(filled.template).toBe("default");
    expect(filled.fallback).toMatch(/failed with this update's data/);
    expect(filled.forToken(tokens[0]).text).toContain(unsubscribe(tokens[0]));
  });
});
