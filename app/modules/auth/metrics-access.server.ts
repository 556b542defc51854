// Who may read GET /metrics: the operator's METRICS_TOKEN (what a Prometheus scrape config
// carries) or an admin's API token. Never open: the figures describe the installation.
import { timingSafeEqual } from "node:crypto";
import { env } from "~/utils/env.server.ts";
import { can, type RoleName } from "./roles.ts";
import { sha256 } from "./secrets.server.ts";
import { findActiveToken } from "./tokens.server.ts";

export type MetricsAccess = "allowed" | "unauthorized" | "forbidden";

/** Compares digests of equal length, so the time taken says nothing about the token. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(Buffer.from(sha256(given), "hex"), Buffer.from(sha256(expected), "hex"));
}

export async function metricsAccess(authorization: string | undefined): Promise<MetricsAccess> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!token) return "unauthorized";
  const { METRICS_TOKEN } = env();
  if (METRICS_TOKEN && sameSecret(token, METRICS_TOKEN)) return "allowed";
  const row = await findActiveToken(token);
  if (!row) return "unauthorized";
  return can(row.role as RoleName, "metrics:read") ? "allowed" : "forbidden";
}
