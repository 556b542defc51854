// One stream per incident per process: it hears the bus, reads new events from the
// database once, and hands them to every connected client in sequence order. A client
// that (re)connects with Last-Event-ID first receives what it missed.
import { bus } from "~/modules/realtime/bus.server.ts";
import { db } from "~/utils/db.server.ts";
import { singleton } from "~/utils/singleton.ts";
import { incidentChannel } from "./record-change.server.ts";
import { eventFrame, type IncidentEventKind } from "./wire-events.ts";

/** An event with its SSE frame, encoded once however many clients receive it. */
export type StreamEvent = { seq: number; type: IncidentEventKind; data: unknown; frame: Uint8Array };
export type StreamClient = { send(event: StreamEvent): void };

const BUFFER_SIZE = 500;

/**
 * Events read inside a transaction: the SQLite adapter shares one connection and serialises
 * transactions only, so a bare read could see another request's uncommitted events.
 */
function committedEvents(incidentId: string, seq: { gt: number; lte?: number }) {
  return db.$transaction((tx) => tx.incidentEvent.findMany({ where: { incidentId, seq }, orderBy: { seq: "asc" } }));
}
const IDLE_CLOSE_MS = 30_000;
const RETRY_MS = 1_000;

class IncidentStream {
  private lastSeq = 0;
  private buffer: StreamEvent[] = [];
  private clients = new Map<StreamClient, number>();
  private chain: Promise<void>;
  private unsubscribe: () => void;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly incidentId: string,
    private readonly onIdle: () => void,
  ) {
    // Subscribe before reading the starting point, so nothing committed in between is missed.
    this.unsubscribe = bus.subscribe(incidentChannel(incidentId), () => this.enqueue(() => this.catchUp()));
    this.chain = this.init();
  }

  private async init() {
    const incident = await db.incident.findUnique({ where: { id: this.incidentId }, select: { lastSeq: true } });
    this.lastSeq = incident?.lastSeq ?? 0;
  }

  private enqueue(task: () => Promise<void>) {
    this.chain = this.chain.then(task, task);
  }

  private async catchUp(): Promise<void> {
    try {
      const rows = await committedEvents(this.incidentId, { gt: this.lastSeq });
      for (const row of rows) {
        const event = toStreamEvent(row);
        this.lastSeq = row.seq;
        this.buffer.push(event);
        for (const [client, after] of this.clients) {
          if (row.seq > after) {
            client.send(event);
            this.clients.set(client, row.seq);
          }
        }
      }
      if (this.buffer.length > BUFFER_SIZE) this.buffer.splice(0, this.buffer.length - BUFFER_SIZE);
    } catch {
      setTimeout(() => this.enqueue(() => this.catchUp()), RETRY_MS).unref();
    }
  }

  /** Sends the client every event after `afterSeq`, then keeps it current. */
  attach(client: StreamClient, afterSeq: number): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    return new Promise((resolve, reject) => {
      this.enqueue(async () => {
        try {
          await this.catchUp();
          let missed: StreamEvent[];
          if (afterSeq >= this.lastSeq) missed = [];
          else if (this.buffer.length && this.buffer[0].seq <= afterSeq + 1) missed = this.buffer.filter((e) => e.seq > afterSeq);
          else {
            const rows = await committedEvents(this.incidentId, { gt: afterSeq, lte: this.lastSeq });
            missed = rows.map(toStreamEvent);
          }
          for (const event of missed) client.send(event);
          this.clients.set(client, Math.max(afterSeq, this.lastSeq));
          resolve();
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  detach(client: StreamClient) {
    this.clients.delete(client);
    if (this.clients.size === 0 && !this.idleTimer) {
      this.idleTimer = setTimeout(() => {
        if (this.clients.size === 0) this.close();
      }, IDLE_CLOSE_MS);
      this.idleTimer.unref();
    }
  }

  close() {
    this.unsubscribe();
    this.onIdle();
  }

  get clientCount() {
    return this.clients.size;
  }
}

const streams = singleton("incidentStreams", () => new Map<string, IncidentStream>());

function streamFor(incidentId: string): IncidentStream {
  let stream = streams.get(incidentId);
  if (!stream) {
    stream = new IncidentStream(incidentId, () => streams.delete(incidentId));
    streams.set(incidentId, stream);
  }
  return stream;
}

export function connectedClients(): number {
  let n = 0;
  for (const s of streams.values()) n += s.clientCount;
  return n;
}

const encoder = new TextEncoder();

/** A stored event with its frame (wire-events.ts); rows are written by recordIncidentChange, of the union's kinds. */
function toStreamEvent(row: { seq: number; type: string; data: unknown }): StreamEvent {
  const type = row.type as IncidentEventKind;
  return { seq: row.seq, type, data: row.data, frame: encoder.encode(eventFrame({ seq: row.seq, type, data: row.data })) };
}

const openStreams = singleton("openEventStreams", () => new Set<(retryMs: number) => void>());
const shutdownState = singleton("eventStreamsClosing", () => ({ closing: false }));

/**
 * On shutdown: every open stream is told when to come back (`retry:`, spread over a few
 * seconds so the clients do not all return at once) and ended; browsers reconnect with
 * Last-Event-ID to another instance or this one restarted. Streams asked for afterwards end
 * the same way at once.
 */
export function closeEventStreams(): number {
  shutdownState.closing = true;
  const closing = [...openStreams];
  for (const close of closing) close(reconnectDelayMs());
  return closing.length;
}

/**
 * Another stream (a person's notifications) is ended at shutdown like these: `close` is called
 * with when to come back. Answers the function that lets go once the stream ended by itself.
 */
export function closeOnShutdown(close: (retryMs: number) => void): () => void {
  if (shutdownState.closing) {
    close(reconnectDelayMs());
    return () => {};
  }
  openStreams.add(close);
  return () => openStreams.delete(close);
}

function reconnectDelayMs(): number {
  return 1_000 + Math.floor(Math.random() * 4_000);
}

/**
 * What may end a stream before its client leaves (its person's access changed): called with the
 * function that ends it, it returns the function that lets go once the stream has ended.
 */
export type StreamGuard = (end: () => void) => () => void;

/** The SSE response for one incident: replay after `afterSeq`, then live, with heartbeats. */
export function incidentEventStream(
  incidentId: string,
  afterSeq: number,
  signal: AbortSignal,
  heartbeatMs: number,
  guard?: StreamGuard,
): Response {
  const stream = streamFor(incidentId);
  let client: StreamClient | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let closeForShutdown: ((retryMs: number) => void) | null = null;
  let unguard: (() => void) | null = null;
  const cleanup = () => {
    if (heartbeat) clearInterval(heartbeat);
    if (client) stream.detach(client);
    if (closeForShutdown) openStreams.delete(closeForShutdown);
    unguard?.();
    unguard = null;
    client = null;
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (bytes: Uint8Array) => {
        try {
          controller.enqueue(bytes);
        } catch {
          cleanup();
        }
      };
      closeForShutdown = (retryMs) => {
        write(encoder.encode(`retry: ${retryMs}\n: the server is restarting\n\n`));
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      unguard =
        guard?.(() => {
          write(encoder.encode(`: access changed\n\n`));
          cleanup();
          try {
            controller.close();
          } catch {
            /* already closed */
          }
        }) ?? null;
      if (shutdownState.closing || signal.aborted) return closeForShutdown(reconnectDelayMs());
      openStreams.add(closeForShutdown);
      write(encoder.encode(`retry: 2000\n: connected\n\n`));
      client = { send: (event) => write(event.frame) };
      stream.attach(client, afterSeq).catch(() => {
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      });
      // A comment keeps proxies from closing the idle stream; the named event (no id, so
      // Last-Event-ID is untouched) lets a browser notice a connection that died silently.
      heartbeat = setInterval(() => write(encoder.encode(`: heartbeat\nevent: heartbeat\ndata: {}\n\n`)), heartbeatMs);
      signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      });
    },
    cancel: cleanup,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
