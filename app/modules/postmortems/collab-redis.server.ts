// Live editing across instances (decision 0049): with REDIS_URL set, Hocuspocus' own Redis
// extension relays every change and every caret of a post-mortem to the other instances that
// have it open, so two people on two instances see each other type without sticky routing.
// Two things differ from the extension as shipped:
// - no store lock: a store here is conditional on the revision it read and merges what another
//   instance stored meanwhile (shared-document.server.ts), so two instances storing at once lose
//   nothing; the extension's lock would instead skip one of the stores, and fail every store while
//   Redis does not answer;
// - a document opened while Redis is away opens anyway (and joins the other instances once Redis
//   answers); a message Redis does not take is logged, not thrown: the extension publishes from hooks no
//   one awaits, and an unheard rejection would stop the process. The copies meet again at the
//   next change after Redis returns (each change starts a sync both ways).
import { Redis as RedisExtension } from "@hocuspocus/extension-redis";
import type { afterLoadDocumentPayload, Extension } from "@hocuspocus/server";
import { env } from "~/utils/env.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { connectRedis } from "~/utils/redis.server.ts";

/** How soon a document opened while Redis was away asks again to hear the other instances. */
const RESUBSCRIBE_AFTER_MS = 2_000;

class SharedEditing extends RedisExtension {
  private missed = 0;

  constructor(url: string) {
    super({ prefix: "incident-desk:collab", createClient: () => connectRedis(url, "incident-desk-collab") });
    const publish = this.pub.publish.bind(this.pub) as (channel: string, message: Buffer) => Promise<number>;
    Object.assign(this.pub, {
      publish: (channel: string, message: Buffer) =>
        publish(channel, message).catch((error: unknown) => {
          if (this.missed++ % 1000 === 0)
            logger.warn({ err: error, missed: this.missed }, "live editing: Redis did not take a change for the other instances");
          return 0;
        }),
    });
  }

  override async onStoreDocument(): Promise<void> {}

  /** While Redis is away a document still opens, for this instance's editors; it joins the others once Redis answers. */
  override async afterLoadDocument(payload: afterLoadDocumentPayload): Promise<unknown> {
    try {
      return await super.afterLoadDocument(payload);
    } catch (error) {
      logger.warn(
        { err: error, documentName: payload.documentName },
        "live editing: Redis does not answer; this post-mortem is shared within this instance until it does",
      );
      setTimeout(() => {
        if (this.instance.documents.get(payload.documentName) === payload.document) void this.afterLoadDocument(payload);
      }, RESUBSCRIBE_AFTER_MS).unref();
      return undefined;
    }
  }
}

/** The extensions live editing needs: Redis' when REDIS_URL is set, else none. */
export function sharedEditingExtensions(): Extension[] {
  const url = env().REDIS_URL;
  return url ? [new SharedEditing(url)] : [];
}
