// The gate of Slack's three endpoints: off (404) without SLACK_SIGNING_SECRET, POST only,
// the raw body read (64 KB at most) and its signature checked before anything is parsed or
// done; a bad one is 401 and counts, per address, in the limit of wrong tokens (decision 0028).
import { DomainError } from "~/utils/errors.ts";
import { clientAddress } from "~/modules/auth/client-address.ts";
import { assertTokenAttemptsAllowed, recordFailedToken } from "~/modules/auth/limits.server.ts";
import { env } from "~/utils/env.server.ts";
import { allowMethods, fail, readBytes } from "~/utils/http.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { verifySlackSignature } from "./signature.ts";

/** Slack's payloads are a few KB; a large interaction (a modal's state) stays well under this. */
const MAX_SLACK_BYTES = 64 * 1024;

const OFF = "Slack is not set up here: SLACK_SIGNING_SECRET is not set.";

/** For a loader: the endpoint exists only with the secret, and only for POST. */
export function slackEndpointForGet(request: Request): void {
  if (!env().SLACK_SIGNING_SECRET) fail("not_found", OFF);
  allowMethods(request, ["POST"]);
}

/** The raw body of a request Slack signed; throws the 404, 405, 413, 429 or 401 otherwise. */
export async function readSignedSlackRequest(request: Request): Promise<string> {
  const secret = env().SLACK_SIGNING_SECRET;
  if (!secret) fail("not_found", OFF);
  allowMethods(request, ["POST"]);
  const address = clientAddress(request);
  await assertTokenAttemptsAllowed(address);
  const bytes = await readBytes(request, MAX_SLACK_BYTES, (closeConnection): never => {
    throw new DomainError("payload_too_large", `The body is larger than ${MAX_SLACK_BYTES} bytes.`, {}, { closeConnection });
  });
  const check = verifySlackSignature(secret, {
    timestamp: request.headers.get("x-slack-request-timestamp"),
    signature: request.headers.get("x-slack-signature"),
    body: bytes,
  });
  if (!check.ok) {
    await recordFailedToken(address);
    logger.warn({ reason: check.reason, path: new URL(request.url).pathname }, "slack request refused: bad signature");
    throw new DomainError("unauthorized", `The request's Slack signature does not verify: ${check.reason}.`);
  }
  return bytes.toString("utf8");
}
