// The front door holds: every path of the table is answered by the fast path (server/public-files.ts)
// from a rendered snapshot, and no route file of the app is shadowed by it, so the table, the
// snapshot and the fast path's path test cannot drift apart again.
import { readdirSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { publicFastPath } from "../../server/public-files.ts";
import { SAMPLE_IDS, samplePage } from "~/modules/status-page/sample-page.ts";
import { openToAllOrigins, PUBLIC_PATHS, publicPathKey } from "./public-paths.server.ts";
import { renderSite } from "./site.server.ts";

const assets = { stylesheetHref: "/assets/styles.css", scriptHref: "/status-live.js" };

type Answer = { handled: boolean; status: number; headers: Record<string, unknown>; body: Buffer | undefined };

function ask(handler: (req: IncomingMessage, res: ServerResponse) => boolean, url: string, method = "GET"): Answer {
  const answer: Answer = { handled: false, status: 0, headers: {}, body: undefined };
  const res = {
    writeHead(status: number, headers: Record<string, unknown>) {
      answer.status = status;
      answer.headers = headers;
      return res;
    },
    end(body?: Buffer | string) {
      answer.body = typeof body === "string" ? Buffer.from(body) : body;
      return res;
    },
  };
  answer.handled = handler({ url, method, headers: {} } as IncomingMessage, res as unknown as ServerResponse);
  return answer;
}

/** The URL a flat route file answers ("status.subscriptions.$token_.confirm.tsx" → "/status/subscriptions/abcdefghijkl/confirm"). */
function routeUrl(file: string): string {
  const segments = file
    .replace(/\.tsx?$/, "")
    .replace(/\[\.\]/g, "\u0000")
    .split(".")
    .map((segment) => segment.replace(/\u0000/g, ".").replace(/_$/, ""))
    .filter((segment) => segment !== "_index" && !segment.startsWith("_"))
    .map((segment) => (segment.startsWith("$") ? "abcdefghijkl" : segment));
  return `/${segments.join("/")}`;
}

describe("the public site's front door", () => {
  it("answers every path of the table from a rendered snapshot, and the incident pages", async () => {
    const site = await renderSite(samplePage(new Date("2026-11-23T13:25:00.000Z")), assets);
    const fastPath = publicFastPath({ key: publicPathKey, file: (key) => site.file(key), openToAllOrigins }, { hsts: false });
    const urls = [
      ...Object.keys(PUBLIC_PATHS),
      `/status/incidents/${SAMPLE_IDS.activeIncident}`,
      `/status/incidents/${SAMPLE_IDS.activeMaintenance}`,
    ];
    for (const url of urls) {
      const answer = ask(fastPath, url);
      expect(answer, url).toMatchObject({ handled: true, status: 200 });
      expect(answer.body?.equals(site.file(publicPathKey(url.split("?")[0], url.split("?")[1])!)!.body), url).toBe(true);
    }
    // the widget's self-sizing variant is its own file
    expect(ask(fastPath, "/status/embed?resize=1").body?.toString()).toContain("<script");
    expect(ask(fastPath, "/status/embed").body?.toString()).not.toContain("<script");
  });

  it("leaves to the app every path the table does not hold", async () => {
    const site = await renderSite(samplePage(new Date("2026-11-23T13:25:00.000Z")), assets);
    const fastPath = publicFastPath({ key: publicPathKey, file: (key) => site.file(key), openToAllOrigins }, { hsts: false });
    for (const url of ["/status/subscribe", "/status/incidents/unknown00000", "/api/v2/nothing.json", "/history.json", "/login"]) {
      expect(ask(fastPath, url).handled, url).toBe(false);
    }
  });

  it("shadows no route file: a route's path is never a key of the table", () => {
    const routes = readdirSync(path.join(import.meta.dirname, "../routes")).filter(
      (file) => /\.tsx?$/.test(file) && !file.includes(".test."),
    );
    const shadowed = routes.map((file) => [file, routeUrl(file)] as const).filter(([, url]) => publicPathKey(url) !== null);
    expect(shadowed).toEqual([]);
    expect(routeUrl("status.subscriptions.$token_.confirm.tsx")).toBe("/status/subscriptions/abcdefghijkl/confirm");
  });

  it("keeps the trailing-slash rule: pages may end in a slash, the API and the feeds may not", () => {
    expect(publicPathKey("/status/")).toBe("/status");
    expect(publicPathKey("/status/embed/", "resize=1")).toBe("/status/embed?resize=1");
    expect(publicPathKey("/api/v2/summary.json/")).toBeNull();
    expect(publicPathKey("/history.atom/")).toBeNull();
  });
});
