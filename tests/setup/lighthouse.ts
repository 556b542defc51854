// Lighthouse's mobile profile (its default: a Moto G Power's screen, simulated slow 4G and a 4x
// slower CPU) against a page, in Debian's Chromium, never a downloaded browser. Shared by the
// bench (bench/lighthouse/run.ts) and the e2e check of /status (tests/e2e/status-page-weight.test.ts).
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export type LighthouseFigures = {
  url: string;
  /** 0–100 per category */
  scores: { performance: number; accessibility: number; bestPractices: number; seo: number };
  /** milliseconds, as Lighthouse reports them (simulated for the mobile profile) */
  metrics: {
    firstContentfulPaint: number;
    largestContentfulPaint: number;
    totalBlockingTime: number;
    speedIndex: number;
    cumulativeLayoutShift: number;
  };
  /** what Lighthouse counts the same on every run */
  dom: { elements: number; maxDepth: number; maxChildren: number };
  htmlBytes: number;
  totalBytes: number;
  renderBlocking: string[];
  /** main-thread work by kind, ms (unthrottled measurement × the CPU slowdown) */
  mainThread: Record<string, number>;
  /** the audits that cost points outside performance, by id */
  failedAudits: string[];
};

type Audit = { numericValue?: number; details?: { items?: Record<string, unknown>[] } };

function auditValue(audits: Record<string, Audit>, id: string): number {
  return Math.round(audits[id]?.numericValue ?? Number.NaN);
}

/** Runs Lighthouse on each URL in one Chromium, one after the other. */
export async function runLighthouse(urls: string[]): Promise<LighthouseFigures[]> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS, logLevel: "silent" });
  try {
    const out: LighthouseFigures[] = [];
    for (const url of urls) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
      const audits = lhr.audits as unknown as Record<string, Audit>;
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const dom = audits["dom-size"]?.details?.items ?? [];
      const statistic = (name: string) =>
        Number((dom.find((i) => String(i.statistic) === name)?.value as { value?: number } | undefined)?.value ?? Number.NaN);
      const network = audits["network-requests"]?.details?.items ?? [];
      const document = network.find((i) => i.resourceType === "Document");
      const blocking = audits["render-blocking-resources"]?.details?.items ?? [];
      const work = audits["mainthread-work-breakdown"]?.details?.items ?? [];
      out.push({
        url,
        scores: {
          performance: score("performance"),
          accessibility: score("accessibility"),
          bestPractices: score("best-practices"),
          seo: score("seo"),
        },
        metrics: {
          firstContentfulPaint: auditValue(audits, "first-contentful-paint"),
          largestContentfulPaint: auditValue(audits, "largest-contentful-paint"),
          totalBlockingTime: auditValue(audits, "total-blocking-time"),
          speedIndex: auditValue(audits, "speed-index"),
          cumulativeLayoutShift: Number((audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN).toFixed(3)),
        },
        dom: {
          elements: auditValue(audits, "dom-size"),
          maxDepth: statistic("Maximum DOM Depth"),
          maxChildren: statistic("Maximum Child Elements"),
        },
        htmlBytes: Number(document?.resourceSize ?? Number.NaN),
        totalBytes: auditValue(audits, "total-byte-weight"),
        renderBlocking: blocking.map((i) => String(i.url)),
        mainThread: Object.fromEntries(work.map((i) => [String(i.groupLabel ?? i.group), Math.round(Number(i.duration))])),
        failedAudits: ["accessibility", "best-practices", "seo"].flatMap((category) =>
          (lhr.categories[category]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => `${category}/${ref.id}`),
        ),
      });
    }
    return out;
  } finally {
    await chrome.kill();
  }
}
