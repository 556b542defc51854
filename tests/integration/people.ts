// People for the trust tests: a user added by an admin, their session, the API tokens they made
// while they were an admin, and changes the admin makes to them, all through the admin's pages
// and the API as a person would.
import { expect } from "vitest";
import { api, type Api, type TestApp } from "../setup/app-server.ts";
import type { Collaborator } from "../setup/collab-client.ts";
import type { EventStreamClient } from "../setup/sse-client.ts";
import { DEMO_PASSWORD } from "./session-client.ts";

export const NEW_PASSWORD = "plum tractor seventeen";

export type Person = { id: string; email: string; cookie: string };

let sequence = 0;

/** Signs in through the login form; the `__session=…` pair. */
export async function signInAs(app: TestApp, email: string, password = DEMO_PASSWORD): Promise<string> {
  const login = await fetch(`${app.baseUrl}/login`, {
    method: "POST",
    headers: { origin: app.baseUrl },
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
  });
  expect(login.status, `sign-in as ${email}`).toBe(302);
  return login.headers.get("set-cookie")!.split(";")[0];
}

export async function userIdOf(app: TestApp, email: string): Promise<string> {
  const [row] = await app.db.rows<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = ?`, email);
  return row.id;
}

/** Posts a form of the admin's users page as `cookie`. */
export function postUsersPage(app: TestApp, cookie: string, fields: Record<string, string>) {
  return fetch(`${app.baseUrl}/admin/users`, {
    method: "POST",
    // A page of the site names its origin on every form it posts (decision 0030).
    headers: { cookie, origin: app.baseUrl },
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
}

/** A new person with `role`, added on the admin's page, and signed in. */
export async function addPerson(app: TestApp, adminCookie: string, role: string, label = "person"): Promise<Person> {
  const email = `${label}-${process.pid}-${++sequence}@northwind.example`;
  const added = await postUsersPage(app, adminCookie, {
    intent: "create",
    name: `Trust ${label} ${sequence}`,
    email,
    role,
    password: NEW_PASSWORD,
  });
  expect(added.status, await added.clone().text()).toBe(200);
  return { id: await userIdOf(app, email), email, cookie: await signInAs(app, email, NEW_PASSWORD) };
}

/** An API token this person makes for themselves through the API with their session (they must be an admin now). */
export async function tokenOf(app: TestApp, person: Person, role: string): Promise<string> {
  const made = await fetch(`${app.baseUrl}/api/v1/tokens`, {
    method: "POST",
    headers: { cookie: person.cookie, origin: app.baseUrl, "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ name: `${role} token of ${person.email}`, role }),
  });
  const body = await made.json();
  expect(made.status, JSON.stringify(body)).toBe(201);
  return body.token;
}

export async function changeRoleOnPage(app: TestApp, adminCookie: string, person: Pick<Person, "id">, role: string): Promise<void> {
  const changed = await postUsersPage(app, adminCookie, { intent: "change-role", userId: person.id, role });
  expect(changed.status, await changed.clone().text()).toBe(200);
}

/**
 * Someone who was an admin long enough to make tokens of `roles`, and has `role` now: the only way
 * a token's role comes to exceed its owner's.
 */
export async function formerAdminWithTokens<R extends string>(app: TestApp, adminCookie: string, role: string, roles: R[]) {
  const person = await addPerson(app, adminCookie, "admin", `now-${role}`);
  const tokens = {} as Record<R, Api & { token: string }>;
  for (const r of roles) {
    const token = await tokenOf(app, person, r);
    tokens[r] = Object.assign(api(app.baseUrl, token), { token });
  }
  await changeRoleOnPage(app, adminCookie, person, role);
  return { person, tokens };
}

/** A resolved incident with its generated post-mortem (made by the bootstrap admin). */
export async function newPostmortem(app: TestApp): Promise<string> {
  const incident = await app.api.post("/api/v1/incidents", {
    title: `Trust check ${Math.random().toString(36).slice(2, 8)}`,
    severity: "SEV3",
  });
  expect(incident.status).toBe(201);
  expect((await app.api.patch(`/api/v1/incidents/${incident.body.incident.id}`, { status: "resolved" })).status).toBe(200);
  const created = await app.api.post(`/api/v1/incidents/${incident.body.incident.id}/postmortem`);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.postmortem.id;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until an event stream has ended; resolves with how long that took, in milliseconds. */
export async function waitUntilClosed(stream: { closed: boolean }, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!stream.closed) {
    if (Date.now() - started > timeoutMs) throw new Error(`the stream was still open after ${timeoutMs} ms`);
    await sleep(50);
  }
  return Date.now() - started;
}

/** "Within a few seconds": the announcement closes them in milliseconds; the margin is for a shared machine. */
export const CLOSED_WITHIN_MS = 5_000;

/** A person's open event stream and live editor. */
export type Live = { stream: EventStreamClient; editor: Collaborator };
