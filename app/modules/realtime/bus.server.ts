// The event bus: carries short messages (ids, never bodies) between the parts of the app
// and, with Postgres, between instances via LISTEN/NOTIFY. It knows no domain.
import { EventEmitter } from "node:events";
import pg from "pg";
import { env, isPostgres } from "~/utils/env.server.ts";
import { singleton } from "~/utils/singleton.ts";

export type Listener = (message: string) => void;

export interface EventBus {
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, listener: Listener): () => void;
  close(): Promise<void>;
}

export function createInProcessBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(channel, message) {
      emitter.emit(channel, message);
    },
    subscribe(channel, listener) {
      emitter.on(channel, listener);
      return () => emitter.off(channel, listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

const PG_CHANNEL = "app_events";

/**
 * One LISTEN connection per instance. Messages published here travel through Postgres
 * and come back to this instance too, so local and remote subscribers see one order.
 */
export function createPostgresBus(url: string): EventBus {
  const local = createInProcessBus();
  const publisher = new pg.Pool({ connectionString: url, max: 2 });
  // An idle connection cut off by the server (a restart, a terminated backend) is dropped by the
  // pool; without a listener its 'error' would end the process. The next publish reconnects.
  publisher.on("error", () => {});
  let listener: pg.Client | null = null;
  let closed = false;
  let connecting: Promise<void> | null = null;

  async function listen(): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    client.on("notification", (n) => {
      if (!n.payload) return;
      const split = n.payload.indexOf("\t");
      if (split < 0) return;
      void local.publish(n.payload.slice(0, split), n.payload.slice(split + 1));
    });
    client.on("error", () => reconnect(client));
    client.on("end", () => reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${PG_CHANNEL}`);
    listener = client;
  }

  function reconnect(client: pg.Client) {
    if (closed || listener !== client) return;
    listener = null;
    const retry = () => {
      if (closed) return;
      connecting = listen().catch(() => {
        setTimeout(retry, 1000).unref();
      });
    };
    setTimeout(retry, 200).unref();
  }

  connecting = listen();

  return {
    async publish(channel, message) {
      await connecting;
      await publisher.query("SELECT pg_notify($1, $2)", [PG_CHANNEL, `${channel}\t${message}`]);
    },
    subscribe(channel, fn) {
      return local.subscribe(channel, fn);
    },
    async close() {
      closed = true;
      await connecting?.catch(() => {});
      await listener?.end().catch(() => {});
      await publisher.end().catch(() => {});
      await local.close();
    },
  };
}

export const bus: EventBus = singleton("bus", () =>
  isPostgres(env().DATABASE_URL) ? createPostgresBus(env().DATABASE_URL) : createInProcessBus(),
);
