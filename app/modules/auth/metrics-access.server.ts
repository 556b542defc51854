// Who may read GET /metrics: the operator's METRICS_TOKEN (what a Prometheus scrape config
// carries) or an API token that acts as an admin. Never open: the figures describe the
// installation. Any other token is refused exactly as a wrong one is (the same 401, counted in
// the same limit as the API's), so /metrics cannot tell a guesser that a token is real.
import { timingSafeEqual } from "node:crypto";
import { env } from "~/utils/env.server.ts";
import { apiError } from "~/utils/http.server.ts";
import { assertTokenAttemptsAllowed, recordFailedToken } from "./limits.server.ts";
import { actorFromToken } from "./principal.server.ts";
import { can } from "./roles.ts";
import { sha256 } from "./secrets.server.ts";

/** Compares digests of equal length, so the time taken says nothing about the token. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(Buffer.from(sha256(given), "hex"), Buffer.from(sha256(expected), "hex"));
}

const refused = () =>
  apiError("unauthorized", "Send 'Authorization: Bearer <METRICS_TOKEN or an admin API token>'.", undefined, {
    "WWW-Authenticate": "Bearer",
  });

/** "allowed", or the answer to send instead (401, or 429 while the address has guessed too often). */
export async function metricsAccess(authorization: string | undefined, address: string): Promise<"allowed" | Response> {
  if (!authorization) return refused();
  const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] ?? null;
  try {
    // while this address is limited, the operator's token is refused like any other (as on the API)
    await assertTokenAttemptsAllowed(address);
    const { METRICS_TOKEN } = env();
    if (token !== null && METRICS_TOKEN && sameSecret(token, METRICS_TOKEN)) return "allowed";
    const actor = await actorFromToken(token, address);
    if (can(actor.role, "metrics:read")) return "allowed";
    await recordFailedToken(address);
    return refused();
  } catch (answer) {
    if (answer instanceof Response && answer.status === 401) return refused();
    if (answer instanceof Response) return answer;
    throw answer;
  }
}
