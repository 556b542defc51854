import { Liquid } from "liquidjs";
import { describe, expect, it } from "vitest";
import { DEFAULT_NOTICES, SAMPLE_NOTICE_VARIABLES } from "./notice-defaults.ts";
import { renderNotice, renderNoticeInSlices } from "./render-notice.ts";
import { RenderClock } from "./sliced-render.ts";
import { RENDER_LIMIT_MS, renderTemplate, renderTemplateInSlices, TemplateError } from "./liquid.ts";

const HEAVY = "{{ title }}{% for i in (1..200) %}{% for j in (1..200) %}{% assign x = title | append: j %}{% endfor %}{% endfor %} done";

/** The longest gap between turns of the event loop while `work` runs. */
async function worstGap(work: () => Promise<unknown>): Promise<number> {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 1);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(worst, performance.now() - last);
}

describe("rendering in slices", () => {
  it("writes exactly what the one-piece render writes", async () => {
    const sources = [
      "{{ title }} / {{ status | downcase }}",
      "{% for c in components %}{{ forloop.index }}. {{ c }}{% if forloop.last %}!{% endif %}\n{% endfor %}",
      "{% capture x %}{% for i in (1..5) %}{% if i == 4 %}{% break %}{% endif %}{{ i }}{% endfor %}{% endcapture %}[{{ x }}]",
      "{% case status %}{% when 'Identified' %}known{% else %}other{% endcase %} {{ body | truncate: 20 }}",
    ];
    for (const source of sources)
      expect(await renderTemplateInSlices(source, SAMPLE_NOTICE_VARIABLES), source).toBe(renderTemplate(source, SAMPLE_NOTICE_VARIABLES));
    for (const template of Object.values(DEFAULT_NOTICES)) {
      const { ms, ...sliced } = await renderNoticeInSlices(template, SAMPLE_NOTICE_VARIABLES);
      expect(sliced).toEqual(renderNotice(template, SAMPLE_NOTICE_VARIABLES));
      expect(ms).toBeGreaterThan(0);
    }
  });

  it("lets the event loop turn while a heavy template renders; the one-piece render does not", async () => {
    // The template is made heavier until rendering it in one piece holds the loop for 300 ms on
    // this machine, whatever its speed; the sliced render of the same template must not.
    let heavy = HEAVY;
    let oneGap = 0;
    for (let loops = 200; ; loops *= 2) {
      heavy = HEAVY.replaceAll("(1..200)", `(1..${loops})`);
      const source = heavy;
      oneGap = await worstGap(async () => {
        await new Promise((r) => setTimeout(r, 5));
        new Liquid().parseAndRenderSync(source, SAMPLE_NOTICE_VARIABLES); // as the notices were rendered, without a limit
      });
      if (oneGap > 300 || loops >= 1600) break;
    }
    await renderTemplateInSlices(heavy, SAMPLE_NOTICE_VARIABLES, new RenderClock(30_000));
    const slicedGap = await worstGap(() => renderTemplateInSlices(heavy, SAMPLE_NOTICE_VARIABLES, new RenderClock(30_000)));
    // Slices are 8 ms; the margin is for a machine shared with other work (and the collector).
    expect(oneGap).toBeGreaterThan(300);
    expect(slicedGap).toBeLessThan(oneGap / 3);
  }, 60_000);

  it("still stops a template at the per-render limit, counting only the time spent rendering", async () => {
    const looping = "{% for i in (1..2000) %}{% for j in (1..2000) %}{% endfor %}{% endfor %}{{ title }}";
    const clock = new RenderClock(RENDER_LIMIT_MS);
    const refused = await renderTemplateInSlices(looping, SAMPLE_NOTICE_VARIABLES, clock).catch((error) => error);
    expect(refused).toBeInstanceOf(TemplateError);
    expect(refused.message).toMatch(/render limit exceeded/);
    // It rendered up to the limit and stopped there: its own time, whatever else the machine was doing
    // (the wall time of 500 ms of rendering is seconds on a busy machine).
    const spent = clock.stop();
    expect(spent).toBeGreaterThan(RENDER_LIMIT_MS * 0.8);
    expect(spent).toBeLessThan(RENDER_LIMIT_MS + 100);
    // Two heavy renders side by side: each waits while the other runs, and neither is charged for it.
    const clocks = [new RenderClock(10_000), new RenderClock(10_000)];
    const together = performance.now();
    await Promise.all(clocks.map((clock) => renderTemplateInSlices(HEAVY, SAMPLE_NOTICE_VARIABLES, clock)));
    const wall = performance.now() - together;
    for (const clock of clocks) expect(clock.elapsed()).toBeLessThan(wall * 0.8);
  });

  it("charges each part of a notice only its own time", async () => {
    await renderTemplateInSlices(HEAVY, SAMPLE_NOTICE_VARIABLES, new RenderClock(10_000));
    const clock = new RenderClock(10_000);
    await renderTemplateInSlices(HEAVY, SAMPLE_NOTICE_VARIABLES, clock);
    const one = clock.elapsed();
    // Three heavy parts, each within a limit of 2.5 times one of them: the third is not charged the first two (3 times one).
    const heavy = { subject: HEAVY, text: HEAVY, html: `<p>${HEAVY}</p>` };
    const notice = await renderNoticeInSlices(heavy, SAMPLE_NOTICE_VARIABLES, { limitMs: Math.max(2.5 * one, 100) });
    expect(notice.text).toContain("done");
    expect(notice.ms).toBeGreaterThan(one);
  }, 60_000); // four heavy renders: seconds on a busy machine
});
