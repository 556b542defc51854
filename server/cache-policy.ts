// Answers for a signed-in person and every answer of the API say `no-store`, so neither the
// browser's cache nor a shared one keeps a copy of what only that person may read (a shared
// computer's back button, a proxy between offices). An answer that declares itself `public`
// (Remix's route manifest) is the same for everyone and keeps its policy; the public status
// page and the assets never reach this (server.ts answers them before Remix). Pure.
import type { IncomingHttpHeaders } from "node:http";
import { isApiPath } from "./route-path.ts";

/** Whether the answer to this request is private: it is the API's, or it was asked for with credentials. */
export function answerIsPrivate(path: string, headers: IncomingHttpHeaders): boolean {
  return isApiPath(path) || Boolean(headers.cookie) || Boolean(headers.authorization);
}

/** The Cache-Control a private answer goes out with, given the one its route chose (if any). */
export function privateCacheControl(chosen: string | null): string {
  if (!chosen) return "no-store";
  if (/(^|[\s,])(no-store|public)([\s,=]|$)/i.test(chosen)) return chosen;
  return `no-store, ${chosen}`;
}
