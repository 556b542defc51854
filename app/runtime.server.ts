// What the HTTP server (server.ts) uses of the built app, as one typed object: the server build's
// entry (entry.server.tsx) exports it as `runtime`, and server.ts takes its type from here, so a
// rename fails at type check instead of at start.
import { limitStoreFallbacks } from "./modules/auth/limits.server.ts";
import { metricsAccess } from "./modules/auth/metrics-access.server.ts";
import { deliveryQueueFigures } from "./modules/delivery/queue-figures.server.ts";
import {
  acceptCollaborator,
  collaboratorCount,
  collabUpgradeRefusal,
  MAX_COLLAB_MESSAGE_BYTES,
} from "./modules/postmortems/collab.server.ts";
import { publicFile } from "./modules/status-page/store.server.ts";
import { openToAllOrigins, publicPathKey } from "./public-site/public-paths.server.ts";
import { connectedClients } from "./modules/timeline/stream.server.ts";
import { beginShutdown, shutdown, startup } from "./startup.server.ts";
import { env } from "./utils/env.server.ts";
import { beginDraining } from "./utils/readiness.server.ts";
import { withRequest } from "./utils/request-context.server.ts";

/** The runtime of a build whose stylesheet is at `stylesheetHref` (known only to the build). */
export function appRuntime(stylesheetHref: string) {
  return {
    /** The server's start: the database, then the public page (with the built stylesheet) and the clock. */
    startup: () => startup({ stylesheetHref }),
    shutdown,
    beginShutdown,
    beginDraining,
    /** How long a stopping instance reports "draining" and keeps serving before it stops accepting. */
    shutdownReadyGraceMs: () => env().SHUTDOWN_READY_GRACE_MS,
    withRequest,
    /** The public site's front door (app/public-site/public-paths.server.ts), for the fast path before Express. */
    publicSite: { key: publicPathKey, file: publicFile, openToAllOrigins },
    connectedClients,
    collaboratorCount,
    acceptCollaborator,
    collabUpgradeRefusal,
    MAX_COLLAB_MESSAGE_BYTES,
    deliveryQueueFigures,
    metricsAccess,
    limitStoreFallbacks,
  };
}

export type AppRuntime = ReturnType<typeof appRuntime>;
