// Posting a page's form as the app's own script does (a single-fetch `.data` POST) and reading
// the action's answer, the outcome a component gets from useActionData or its fetcher
// (decision 0057). The answer is in Remix's wire format, turbo-stream (the version Remix
// ships); the same post to the page itself answers the whole document, for the no-JavaScript case.
import { decode } from "turbo-stream";
import type { TestApp } from "../setup/app-server.ts";

export type PostedOutcome = {
  status: number;
  outcome: Record<string, unknown> & { ok?: unknown; form?: unknown; errors?: Record<string, string> };
};

/** The form posted to `path`'s action by script; its status and the action's answer. */
export async function postForOutcome(app: TestApp, path: string, cookie: string, body: URLSearchParams | FormData): Promise<PostedOutcome> {
  const response = await fetch(`${app.baseUrl}${path}.data`, {
    method: "POST",
    headers: { cookie, origin: app.baseUrl },
    body,
    redirect: "manual",
  });
  if (!response.body) throw new Error(`${path}: no body (${response.status})`);
  const decoded = await decode(response.body);
  await decoded.done;
  const value = decoded.value as { data?: unknown };
  if (!value || typeof value !== "object" || !("data" in value))
    throw new Error(`${path}: not an action's answer: ${JSON.stringify(value)}`);
  return { status: response.status, outcome: value.data as PostedOutcome["outcome"] };
}

/** The same form posted without JavaScript: the page's status and its HTML. */
export async function postPage(app: TestApp, path: string, cookie: string, body: URLSearchParams | FormData) {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method: "POST",
    headers: { cookie, origin: app.baseUrl },
    body,
    redirect: "manual",
  });
  return { status: response.status, html: await response.text() };
}
