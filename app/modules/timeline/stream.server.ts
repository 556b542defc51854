// One stream per incident per process: it hears the bus, reads new events from the
// database once, and hands them to every connected client in sequence order. A client
// that (re)connects with Last-Event-ID first receives what it missed. The HTTP answer that
// carries them to a browser is app/http/event-streams.server.ts.
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

/**
 * One reader of an incident's events (a browser's event stream): `onEvent` hears every event after
 * `afterSeq` it missed, then each one as it is committed, in sequence order. `ready` settles once
 * the missed ones were handed over, and rejects when they could not be read; `stop` lets go.
 */
export function followIncidentEvents(
  incidentId: string,
  afterSeq: number,
  onEvent: (event: StreamEvent) => void,
): { ready: Promise<void>; stop: () => void } {
  const stream = streamFor(incidentId);
  const client: StreamClient = { send: onEvent };
  return { ready: stream.attach(client, afterSeq), stop: () => stream.detach(client) };
}
