// What the tests do in the app: sign in, open a room, write in the composer, and
// check the server's side through the JSON API.
import type { Page } from "playwright-core";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until check() returns true; throws with the message (and the last value seen) when time runs out. */
export async function waitUntil<T>(
  read: () => Promise<T> | T,
  ok: (value: T) => boolean,
  message: string,
  timeoutMs = 5_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value: T;
  for (;;) {
    value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${message} (after ${timeoutMs} ms; last value: ${JSON.stringify(value)})`);
    await sleep(everyMs);
  }
}

export const DEMO_PASSWORD = "demo-password-2026";
export const USERS = {
  admin: "admin@northwind.example",
  responder: "responder@northwind.example",
  comms: "comms@northwind.example",
  viewer: "viewer@northwind.example",
} as const;

/** Signs in through the login form and waits to leave /login. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await fillLogin(page, email, password);
  await page.waitForURL((url) => url.pathname !== "/login", { timeout: 20_000 });
}

export async function fillLogin(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel(/e-?mail/i).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await page
    .locator("form")
    .filter({ has: page.locator('input[type="password"]') })
    .getByRole("button", { name: /sign in|log in/i })
    .click();
}

export async function waitForLive(page: Page, timeout = 20_000): Promise<void> {
  await page
    .getByTestId("connection")
    .filter({ hasText: /^\s*Live\s*$/ })
    .waitFor({ timeout });
}

/** Opens an incident's room and waits until its event stream is open and the composer ready. */
export async function openRoom(page: Page, incidentId: string): Promise<void> {
  await page.goto(`/incidents/${incidentId}`);
  await page.getByTestId("composer").waitFor();
  await waitForLive(page);
}

/** Types into the tiptap composer and presses Enter (which sends). */
export async function sendEntry(page: Page, text: string): Promise<void> {
  const composer = page.getByTestId("composer");
  await composer.click();
  await composer.pressSequentially(text, { delay: 5 });
  await waitUntil(
    () => composer.innerText(),
    (t) => t.includes(text),
    "the composer shows the typed text",
  );
  await composer.press("Enter");
  await waitUntil(
    () => composer.innerText(),
    (t) => !t.includes(text),
    "the composer is cleared after Enter",
  );
}

export const timelineEntry = (page: Page, text: string) => page.getByTestId("timeline-entry").filter({ hasText: text });
export const pendingEntry = (page: Page, text: string) => page.getByTestId("pending-entry").filter({ hasText: text });

/** A unique text for one test run, so a match can only be the entry this test wrote. */
export function uniqueText(label: string): string {
  return `${label} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export type Api = ReturnType<typeof api>;

/** A tiny client for the JSON API with a bearer token. */
export function api(baseUrl: string, token: string) {
  async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: "application/json",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, json: json as T };
  }
  return {
    call,
    async createIncident(input: { title: string; severity: string; summary?: string; components?: { id: string; impact: string }[] }) {
      const res = await call<{ incident: { id: string; ref: string; number: number } }>("POST", "/api/v1/incidents", input);
      if (res.status !== 201) throw new Error(`POST /api/v1/incidents: ${res.status} ${JSON.stringify(res.json)}`);
      return res.json.incident;
    },
    async timeline(incidentId: string) {
      const res = await call<{ entries: { id: string; seq: number; body: string; kind: string }[] }>(
        "GET",
        `/api/v1/incidents/${incidentId}/timeline`,
      );
      if (res.status !== 200) throw new Error(`GET timeline: ${res.status} ${JSON.stringify(res.json)}`);
      return res.json.entries;
    },
    async incident(incidentId: string) {
      const res = await call<{
        incident: Record<string, unknown> & { id: string; ref: string; severity: string; status: string; title: string };
      }>("GET", `/api/v1/incidents/${incidentId}`);
      if (res.status !== 200) throw new Error(`GET incident: ${res.status} ${JSON.stringify(res.json)}`);
      return res.json.incident;
    },
  };
}

/** How many entries of the timeline carry exactly this text. */
export async function countInTimeline(client: Api, incidentId: string, text: string): Promise<number> {
  return (await client.timeline(incidentId)).filter((e) => e.body.trim() === text).length;
}
