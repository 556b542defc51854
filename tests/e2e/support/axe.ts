// axe-core in the page under test, with the app's CSP left on: the source is evaluated through
// the DevTools protocol (page.evaluate), which a page's script-src does not govern, so no
// nonce is needed and the page is checked exactly as users get it.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { repoRoot } from "./server.ts";

const AXE_SOURCE = readFileSync(path.join(repoRoot, "node_modules/axe-core/axe.min.js"), "utf8");

export type AxeProblem = { id: string; impact: string; help: string; nodes: string[] };

/** The serious and critical WCAG 2.x A/AA violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeProblem[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Result = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
    };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<Result> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? "",
        help: v.help,
        nodes: v.nodes
          .slice(0, 5)
          .map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split("\n").slice(1, 3).join(" ") ?? ""}`.trim()),
      }));
  });
}
