// What the process does once before it serves: migrate, load demo data into an empty
// database, make sure the bootstrap token exists. Exported through entry.server so the
// server and the app share one module graph (one db client, one bus).
import { ensureBootstrapToken } from "~/modules/auth/tokens.server.ts";
import { startClock, stopClock } from "~/modules/maintenance/scheduler.server.ts";
import { startWorker, stopWorker } from "~/modules/delivery/worker.server.ts";
import { stopCollaboration } from "~/modules/postmortems/collab.server.ts";
import { bus } from "~/modules/realtime/bus.server.ts";
import { ensureOrganization } from "~/modules/status-page/organization.server.ts";
import { stopStatusPage } from "~/modules/status-page/store.server.ts";
import { startPublicSite } from "~/public-site/site.server.ts";
import { updateHtml } from "~/components/status-page/update-html.server.tsx";
import { drawUpdateBodiesWith } from "~/modules/notices/update-body-html.ts";
import { closeEventStreams } from "~/http/event-streams.server.ts";
import { db } from "~/utils/db.server.ts";
import { env, isPostgres, sqliteFilePath } from "~/utils/env.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { migratePostgres, migrateSqlite } from "~/utils/migrate.server.ts";
import { closeRedis, connectToRedis, sayWhatInstancesDoNotShare } from "~/utils/redis.server.ts";
import { loadDemoData } from "~/modules/demo/load.server.ts";

/**
 * Migrates and prepares the database; with `serve` (the HTTP server's start), also builds the
 * public status page and starts the maintenance clock. Command-line tools call it without.
 */
export async function startup(serve?: { stylesheetHref: string }): Promise<void> {
  const { DATABASE_URL, SEED_DEMO_DATA, BOOTSTRAP_ADMIN_TOKEN } = env();
  // Emails draw an update's body as the page does (the web process and the worker both start here).
  drawUpdateBodiesWith(updateHtml);
  const applied = isPostgres(DATABASE_URL) ? await migratePostgres(DATABASE_URL) : migrateSqlite(sqliteFilePath(DATABASE_URL));
  if (applied.length) logger.info({ applied }, "migrations applied");
  if (SEED_DEMO_DATA === "auto" && !(await db.organization.findUnique({ where: { id: "org" } }))) {
    const started = Date.now();
    await loadDemoData();
    logger.info({ ms: Date.now() - started }, "demo data loaded into the empty database");
  }
  if (BOOTSTRAP_ADMIN_TOKEN) await ensureBootstrapToken(BOOTSTRAP_ADMIN_TOKEN);
  await ensureOrganization();
  if (!serve) return;
  sayWhatInstancesDoNotShare(isPostgres(DATABASE_URL));
  await connectToRedis();
  await startPublicSite(serve);
  startClock();
  if (env().DELIVERY_WORKER === "on") startWorker();
}

/**
 * The first moment of a shutdown, while requests under way finish: event streams end with a
 * retry hint, and the delivery worker takes no new batch (the one in hand is finished and
 * recorded; shutdown() waits for it). Returns how many streams were ended.
 */
export function beginShutdown(): number {
  void stopWorker();
  return closeEventStreams();
}

export async function shutdown(): Promise<void> {
  // First, while the database still answers: what collaborators typed is stored.
  await stopCollaboration();
  await stopWorker();
  stopClock();
  stopStatusPage();
  await bus.close();
  await closeRedis();
  await db.$disconnect();
}
