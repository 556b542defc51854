import { describe, expect, it } from "vitest";
import { internalTerms, reportLint } from "./report-lint.ts";

const terms = (text: string, allowed?: string[]) => internalTerms(text, allowed).map((t) => t.term);

describe("internal names and versions in the root-cause report", () => {
  it("names the service ids and version strings the writer copied from the post-mortem", () => {
    expect(reportLint("The api-gateway-v2 rollout of v2.31.4 overloaded the routers.")).toEqual([
      {
        rule: "internal-terms",
        severity: "warning",
        message: "Reword for customers: 'api-gateway-v2', 'v2.31.4'",
        terms: ["api-gateway-v2", "v2.31.4"],
      },
    ]);
  });

  it("finds each shape: numbered clusters, snake_case, infrastructure words, pre-release versions, code, hosts and addresses", () => {
    expect(terms("redis-cluster-3 failed over; the payments_worker and k8s scheduler restarted.")).toEqual([
      "redis-cluster-3",
      "payments_worker",
      "k8s",
    ]);
    expect(terms("We upgraded to 1.19.0-rc1, then to 1.19.0, and rolled back to v1.18.")).toEqual(["1.19.0-rc1", "1.19.0", "v1.18"]);
    expect(terms("Requests to `chat.route()` and db-primary.prod.internal (10.0.3.17) timed out.")).toEqual([
      "chat.route()",
      "db-primary.prod.internal",
      "10.0.3.17",
    ]);
    expect(terms("The auth-service and the edge-proxy lost their Kubernetes leases in Postgres.")).toEqual([
      "auth-service",
      "edge-proxy",
      "Kubernetes",
      "Postgres",
    ]);
    expect(terms("See the [dashboard](https://grafana.corp/d/routing) for details.")).toEqual(["grafana.corp"]);
  });

  it("leaves plain customer English alone: hyphenated words, times, dates, durations, percentages, severities and public links", () => {
    const text = [
      "## What happened",
      "From Nov 15, 2026 10:15 UTC to 15:45 UTC (about 5 hours 30 minutes), customers using Chat and the API in us-east and eu-west",
      "saw errors on 38.5% of requests because of a per-replica limit and a read-only database. Our follow-up: a 24-hour review of",
      "sign-in and non-streaming requests, a well-known e-mail to customer-facing teams, and a SEV1 drill on 2026-12-01.",
      "Read [the write-up](https://northwind.test/blog/routing-v2.1?x=1.2.3).",
    ].join("\n");
    expect(terms(text)).toEqual([]);
    expect(reportLint(text)).toEqual([]);
  });

  it("never flags the page's public names (components, regions), whatever they look like", () => {
    expect(terms("Customers of Chat-2 in us-east-1 saw errors.", ["Chat-2", "us-east-1"])).toEqual([]);
    expect(terms("Customers of Chat-2 in us-east-1 saw errors.")).toEqual(["Chat-2", "us-east-1"]);
  });

  it("names each term once, in the order it first appears", () => {
    expect(terms("api-gateway-v2 then API-GATEWAY-V2 then v2.31.4 and api-gateway-v2 again")).toEqual(["api-gateway-v2", "v2.31.4"]);
  });
});
