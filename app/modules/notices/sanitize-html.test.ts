import { describe, expect, it } from "vitest";
import { DISGUISED_HREFS } from "../../../tests/fixtures/xss-payloads.ts";
import { DEFAULT_NOTICES, NOTICE_KINDS } from "./notice-defaults.ts";
import { sanitizeHtml } from "./sanitize-html.ts";

/** Nothing in the output may run: no script element, handler, javascript:/data: URL or embedded document. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<\s*(script|svg|math|iframe|object|embed|form|input|button|style|link|meta|base)\b/i);
  expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/(href|src)="\s*(javascript|data|vbscript):/i);
  expect(html).not.toMatch(/expression\(|url\(|position:/i);
}

describe("sanitizing an admin's notice HTML", () => {
  it("keeps the email markup: paragraphs, emphasis, lists, tables, https images and safe links", () => {
    const html =
      "<div><h1>Title</h1><p>Hello <strong>you</strong> <em>there</em> <u>u</u> <b>b</b> <i>i</i><br></p><ul><li>one</li></ul><ol><li>two</li></ol>" +
      '<table width="100%"><tr><th>A</th><td colspan="2">B</td></tr></table><hr>' +
      '<a href="https://example.com/x?a=1&amp;b=2" title="t">go</a> <a href="mailto:ops@example.com">mail</a>' +
      '<img src="https://cdn.example.com/logo.png" alt="Logo" width="120"></div>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  it("leaves the shipped templates' own styles alone", () => {
    for (const kind of NOTICE_KINDS) {
      const html = DEFAULT_NOTICES[kind].html.replace(/\{\{[^}]*\}\}/g, "https://example.com/x").replace(/\{%[^%]*%\}/g, "");
      expect(sanitizeHtml(html), kind).toBe(html);
    }
  });

  it.each([
    ["a script tag", '<p>Hi</p><script>alert("x")</script><p>after</p>', "<p>Hi</p><p>after</p>"],
    ["an unclosed script", "<p>Hi</p><script>alert(1)", "<p>Hi</p>"],
    ["a script with its closing tag spelt oddly", "<script>alert(1)</SCRIPT >ok", "ok"],
    ["an image's onerror", '<img src="https://x.example/a.png" onerror="alert(1)">', '<img src="https://x.example/a.png">'],
    ["a handler without quotes", "<p onclick=alert(1)>x</p>", "<p>x</p>"],
    ["a javascript: link", '<a href="javascript:alert(1)">x</a>', "<a>x</a>"],
    ["a javascript: link in capitals with spaces", '<a href="  JaVaScRiPt:alert(1)">x</a>', "<a>x</a>"],
    ["a javascript: link split by a tab", '<a href="java\tscript:alert(1)">x</a>', "<a>x</a>"],
    ["a javascript: link in entities", '<a href="&#106;avascript&colon;alert(1)">x</a>', "<a>x</a>"],
    ["a javascript: link in hex entities without semicolons", '<a href="&#x6A&#x61vascript:alert(1)">x</a>', "<a>x</a>"],
    ["a data: link", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', "<a>x</a>"],
    ["a relative link", '<a href="/admin">x</a>', "<a>x</a>"],
    ["a data: image", '<img src="data:image/svg+xml,<svg onload=alert(1)>">', ""],
    ["an http image", '<img src="http://tracker.example/p.gif">', ""],
    ["an svg with onload", '<svg onload="alert(1)"><circle r="1"/></svg>ok', "ok"],
    ["nested svgs", "<svg><svg></svg><script>alert(1)</script></svg>ok", "ok"],
    ["an iframe", '<iframe src="https://evil.example"></iframe>ok', "ok"],
    ["a form", '<form action="https://evil.example"><input name="password"><button>Log in</button></form>', "Log in"],
    ["a style element", "<style>body{background:url(javascript:alert(1))}</style>ok", "ok"],
    ["a mangled script tag", "<scr<script>ipt>alert(1)</script>", "ipt&gt;alert(1)"],
    ["a script inside a comment trick", "<!--<script>-->alert(1)<!-- --!><p>x</p>", "alert(1)<p>x</p>"],
    ["a doctype and CDATA", "<!DOCTYPE html><![CDATA[<script>alert(1)</script>]]><p>x</p>", "alert(1)]]&gt;<p>x</p>"],
    [
      "an unfinished tag",
      '<p>x</p><img src="https://a.example/x.png" onerror="alert(1)',
      '<p>x</p>&lt;img src="https://a.example/x.png" onerror="alert(1)',
    ],
    ["a slash instead of a space", "<img/src=x/onerror=alert(1)>", ""],
    ["a stray angle bracket", "1 < 2 > 0 <<p>x</p>", "1 &lt; 2 &gt; 0 &lt;<p>x</p>"],
    ["a math element", "<math><mtext><script>alert(1)</script></mtext></math>ok", "ok"],
    [
      "a meta refresh and a base",
      '<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example">ok',
      "ok",
    ],
    ["a NUL inside a tag name", "<scr\u0000ipt>alert(1)</script>", ""],
  ])("drops %s", (_name, input, expected) => {
    const html = sanitizeHtml(input);
    expect(html).toBe(expected);
    expectInert(html);
  });

  it.each([
    ["url()", '<div style="background:url(javascript:alert(1))">x</div>', "<div>x</div>"],
    ["expression()", '<div style="width:expression(alert(1))">x</div>', "<div>x</div>"],
    [
      "position:fixed overlays",
      '<div style="position:fixed;top:0;left:0;width:100%;color:red">x</div>',
      '<div style="width:100%;color:red">x</div>',
    ],
    ["negative margins", '<p style="margin:-500px 0;color:#333">x</p>', '<p style="color:#333">x</p>'],
    ["escapes and comments", '<p style="col\\6fr:red;color:/**/red">x</p>', "<p>x</p>"],
    ["behaviour and bindings", '<p style="behavior:url(x.htc);-moz-binding:url(x.xml#xss)">x</p>', "<p>x</p>"],
    ["hiding with display:none", '<p style="display:none">x</p>', "<p>x</p>"],
    ["quotes closing the attribute", `<p style='color:red" onmouseover="alert(1)'>x</p>`, "<p>x</p>"],
  ])("drops style tricks: %s", (_name, input, expected) => {
    expect(sanitizeHtml(input)).toBe(expected);
  });

  it.each(DISGUISED_HREFS)("drops the link %j, whatever allowed scheme it carries further on", (href) => {
    const attribute = href.replace(/&(?!#|colon)/g, "&amp;").replace(/"/g, "&quot;");
    const html = sanitizeHtml(`<a href="${attribute}">x</a><img src="${attribute}">`);
    expect(html).toBe("<a>x</a>");
    expectInert(html);
  });

  it("keeps https and mailto links written in capitals", () => {
    expect(sanitizeHtml('<a href="HTTPS://EXAMPLE.COM/X">x</a><a href="MailTo:ops@example.com">m</a>')).toBe(
      '<a href="HTTPS://EXAMPLE.COM/X">x</a><a href="MailTo:ops@example.com">m</a>',
    );
  });

  it("re-escapes attribute values so nothing can close the quotes", () => {
    const html = sanitizeHtml(`<a href='https://example.com/"><script>alert(1)</script>' title='"><b>'>x</a>`);
    expect(html).toBe('<a href="https://example.com/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" title="&quot;&gt;&lt;b&gt;">x</a>');
    expectInert(html);
  });

  it("keeps text escaped by the template engine as text", () => {
    expect(sanitizeHtml("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
  });
});
