// The request a piece of server code is running for, without passing it down every call: the
// server runs each request's Remix handler inside withRequest (server.ts), and the id follows
// its async work. Log lines and audit rows take the id from here, so one id ties the response
// header, the request's log lines and the audit rows it wrote.
import { AsyncLocalStorage } from "node:async_hooks";

const requests = new AsyncLocalStorage<{ requestId: string }>();

export function withRequest<T>(requestId: string, work: () => T): T {
  return requests.run({ requestId }, work);
}

/** The id of the request this code runs for; null outside one (the worker, the clock, startup). */
export function currentRequestId(): string | null {
  return requests.getStore()?.requestId ?? null;
}
