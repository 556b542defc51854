// Which errors mean "the database does not answer for now" (down, restarting, refusing
// connections, out of connections, locked by another process): worth a retry, not a bug.
// The client in db.server.ts turns each into the one 503 answer, whatever the caller was doing.

const CODES = new Set([
  // Prisma: cannot reach, timed out, connection closed, pool timeout, transaction could not start or ended.
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  "P2028",
  // Node's sockets.
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  // Postgres: too many connections; shut down by an admin or a crash; starting up.
  "53300",
  "57P01",
  "57P02",
  "57P03",
  // SQLite: the write lock is held by another connection past the busy timeout.
  "SQLITE_BUSY",
  "SQLITE_BUSY_SNAPSHOT",
  "SQLITE_LOCKED",
]);

const MESSAGES =
  /database is locked|Connection terminated|connect ECONNREFUSED|not currently accepting connections|terminating connection|the database system is (starting up|shutting down)/;

type ErrorLike = { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown };

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as ErrorLike | undefined, depth = 0; e && typeof e === "object" && depth < 5; e = e.cause as ErrorLike, depth++) {
    for (const code of [e.code, e.originalCode]) {
      if (typeof code !== "string") continue;
      // Postgres class 08: connection exceptions (refused, lost, rejected).
      if (CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    }
    if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  }
  return false;
}
