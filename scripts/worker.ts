// The delivery worker as its own process, for installations that send a lot of email:
//   DELIVERY_WORKER=off on the web processes, and `npm run worker` (one or more) beside them.
// Several workers may run against one Postgres database; a batch is never sent twice.
const { startup, shutdown } = await import("../app/startup.server.ts");
const { startWorker } = await import("../app/modules/delivery/worker.server.ts");
const { logger } = await import("../app/utils/logger.server.ts");

await startup();
startWorker();
logger.info("delivery worker started");

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "delivery worker stopping after the batch in hand");
  void shutdown().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 30_000).unref();
};
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
export {};
