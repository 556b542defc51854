// Resend's event webhook: bounces and complaints about the notices it accepted. No session or
// token: the Svix signature with RESEND_WEBHOOK_SECRET is the authentication, checked on the
// raw body before anything is parsed (a wrong one counts like a wrong token, per address).
// Without the secret the endpoint does not exist.
import type { LoaderFunctionArgs, ActionFunctionArgs } from "@remix-run/node";
import { clientAddress } from "~/modules/auth/client-address.ts";
import { assertTokenAttemptsAllowed, recordFailedToken } from "~/modules/auth/limits.server.ts";
import { readEmailEvent } from "~/modules/delivery/email-events.ts";
import { applyEmailEvent } from "~/modules/delivery/email-events.server.ts";
import { verifySvixSignature } from "~/modules/delivery/svix-signature.ts";
import { env } from "~/utils/env.server.ts";
import { apiError, fail, readLimited, allowMethods } from "~/utils/http.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

/** Resend's events are a few KiB; more is not one of them. */
const MAX_EVENT_BYTES = 64 * 1024;

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  if (!env().RESEND_WEBHOOK_SECRET) fail("not_found", "Email events are off: RESEND_WEBHOOK_SECRET is not set.");
  allowMethods(request, ["POST"]);
});

export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret) fail("not_found", "Email events are off: RESEND_WEBHOOK_SECRET is not set.");
  allowMethods(request, ["POST"]);
  // a signature is a token: wrong ones count in the API's limit per address (decision 0028)
  const address = clientAddress(request);
  await assertTokenAttemptsAllowed(address);
  const body = await readLimited(request, MAX_EVENT_BYTES);
  const header = (name: string) => request.headers.get(name);
  const eventId = header("svix-id");
  const check = verifySvixSignature(secret, {
    id: eventId,
    timestamp: header("svix-timestamp"),
    signature: header("svix-signature"),
    body,
  });
  if (!check.ok) {
    await recordFailedToken(address);
    logger.warn({ eventId, reason: check.reason }, "email event refused: bad signature");
    return apiError("unauthorized", `The event's signature does not verify: ${check.reason}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    fail("bad_request", "The event is not valid JSON.");
  }
  const parsed = readEmailEvent(json);
  if (!parsed.ok) return apiError("bad_request", "The event is not one Resend sends.", parsed.fields);
  return Response.json({ outcome: await applyEmailEvent(eventId!, parsed.event) });
});
