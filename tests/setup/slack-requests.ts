// Requests as Slack sends them to the app: signed with the signing secret over
// `v0:<timestamp>:<raw body>` (https://api.slack.com/authentication/verifying-requests-from-slack).
import { createHmac } from "node:crypto";

export type Signing = { secret: string; timestamp?: number; signature?: string | null };

export function slackHeaders(body: string, signing: Signing, type = "application/x-www-form-urlencoded"): Record<string, string> {
  const timestamp = String(signing.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac("sha256", signing.secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  const headers: Record<string, string> = {
    "content-type": type,
    "x-slack-request-timestamp": timestamp,
    "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
  };
  if (signing.signature !== null) headers["x-slack-signature"] = signing.signature ?? signature;
  return headers;
}

/** A slash command's form, as Slack posts it. */
export function commandBody(fields: { user: string; text: string; channel?: string }): string {
  return new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: "T0TEST",
    team_domain: "northwind",
    channel_id: fields.channel ?? "C0GENERAL",
    channel_name: "general",
    user_id: fields.user,
    user_name: fields.user.toLowerCase(),
    command: "/incident",
    text: fields.text,
    api_app_id: "A0TEST",
    response_url: "https://hooks.slack.com/commands/T0TEST/1/abc",
    trigger_id: "1.2.3",
  }).toString();
}

export async function postToSlackEndpoint(baseUrl: string, path: string, body: string, signing: Signing, type?: string) {
  const response = await fetch(`${baseUrl}${path}`, { method: "POST", headers: slackHeaders(body, signing, type), body });
  const text = await response.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, body: json, headers: response.headers };
}

export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() - started > timeoutMs) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
