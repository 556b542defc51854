// Who may read GET /metrics: the operator's METRICS_TOKEN (what a Prometheus scrape config
// carries) or an API token that acts as an admin. Never open: the figures describe the
// installation. Any other token is refused exactly as a wrong one is (the same 401, counted in
// the same limit as the API's), so /metrics cannot tell a guesser that a token is real.
import { DomainError, isDomainError } from "~/utils/errors.ts";
import { timingSafeEqual } from "node:crypto";
import { env } from "~/utils/env.server.ts";
import { assertTokenAttemptsAllowed, recordFailedToken } from "./limits.server.ts";
import { actorFromToken } from "./principal.server.ts";
import { can } from "./roles.ts";
import { sha256 } from "./secrets.server.ts";

/** Compares digests of equal length, so the time taken says nothing about the token. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(Buffer.from(sha256(given), "hex"), Buffer.from(sha256(expected), "hex"));
}

const refused = () => new DomainError("unauthorized", "Send 'Authorization: Bearer <METRICS_TOKEN or an admin API token>'.");

/** "allowed", or the refusal to answer instead (unauthorized, rate_limited while the address has guessed too often, unavailable). */
export async function metricsAccess(authorization: string | undefined, address: string): Promise<"allowed" | DomainError> {
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
  } catch (refusal) {
    if (isDomainError(refusal, "unauthorized")) return refused();
    if (isDomainError(refusal)) return refusal;
    throw refusal;
  }
}
