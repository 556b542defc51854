// A form's outcome (decision 0057) as the page's script reads it: the form posted to the route's
// single-fetch URL (`/path.data`, what a fetcher or a <Form> posts with JavaScript), the answer
// decoded with turbo-stream, Remix's wire format, into the object the action returned.
import { decode } from "turbo-stream";

export type PostedOutcome = { status: number; outcome: Record<string, unknown> };

/** Posts `fields` as the form of the page at `path`, signed in with `cookie`; the action's answer. */
export async function postForOutcome(
  baseUrl: string,
  cookie: string,
  path: string,
  fields: Record<string, string>,
): Promise<PostedOutcome> {
  const response = await fetch(`${baseUrl}${path}.data`, {
    method: "POST",
    // A page of the site names its origin on every form it posts (decision 0030).
    headers: { cookie, origin: baseUrl },
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
  const decoded = await decode(response.body!);
  await decoded.done;
  const { data } = decoded.value as { data?: Record<string, unknown> };
  if (!data) throw new Error(`${path} answered ${response.status} without an action's data: ${JSON.stringify(decoded.value)}`);
  return { status: response.status, outcome: data };
}
