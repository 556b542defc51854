// A Server-Sent Events client on fetch, for tests and benchmarks: unlike the browser's
// EventSource it can send a bearer token and a chosen Last-Event-ID, and it never
// reconnects by itself, so a test decides exactly when a client misses events.

export type StreamedEvent = {
  id: string | null;
  event: string;
  data: string;
  /** performance.now() when the event was complete */
  receivedAt: number;
};

export type EventStreamOptions = {
  token?: string;
  lastEventId?: string | number;
  headers?: Record<string, string>;
};

export class EventStreamError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`event stream answered ${status}: ${body.slice(0, 200)}`);
  }
}

export class EventStreamClient {
  readonly events: StreamedEvent[] = [];
  /** Comment lines (heartbeats and the like), without the leading colon. */
  readonly comments: string[] = [];
  /** Every `retry:` hint the server sent (ms before a browser would reconnect), in order. */
  readonly retries: number[] = [];
  /** The named heartbeat events (kept apart: they carry no id and change no state). */
  readonly heartbeats: StreamedEvent[] = [];
  private listeners = new Set<(event: StreamedEvent) => void>();
  private closedListeners = new Set<() => void>();
  closed = false;

  constructor(private readonly abort: AbortController) {}

  get lastEventId(): string | null {
    for (let i = this.events.length - 1; i >= 0; i--) if (this.events[i].id !== null) return this.events[i].id;
    return null;
  }

  onEvent(listener: (event: StreamedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the first `count` events once that many have arrived. */
  waitForCount(count: number, timeoutMs = 5_000): Promise<StreamedEvent[]> {
    return this.waitUntil(() => this.events.length >= count, timeoutMs, `${count} events`).then(() => this.events.slice(0, count));
  }

  /** Resolves with the first event (already received or coming) that matches. */
  waitForEvent(match: (event: StreamedEvent) => boolean, timeoutMs = 5_000): Promise<StreamedEvent> {
    return this.waitUntil(() => this.events.some(match), timeoutMs, "a matching event").then(() => this.events.find(match)!);
  }

  close(): void {
    if (this.closed) return;
    this.abort.abort();
    this.markClosed();
  }

  /** @internal */
  markClosed() {
    this.closed = true;
    for (const fn of this.closedListeners) fn();
  }

  /** @internal */
  push(event: StreamedEvent) {
    if (event.event === "heartbeat") {
      this.heartbeats.push(event);
      return;
    }
    this.events.push(event);
    for (const fn of this.listeners) fn(event);
  }

  private waitUntil(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const finish = (error?: Error) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        this.closedListeners.delete(onClose);
        if (error) reject(error);
        else resolve();
      };
      const check = () => done() && finish();
      const onClose = () => finish(new Error(`the stream closed before ${what} arrived (have ${this.events.length})`));
      const timer = setTimeout(() => finish(new Error(`no ${what} within ${timeoutMs} ms (have ${this.events.length})`)), timeoutMs);
      this.listeners.add(check);
      this.closedListeners.add(onClose);
    });
  }
}

/** Opens the stream and resolves once the response headers say 200; throws EventStreamError otherwise. */
export async function openEventStream(url: string, options: EventStreamOptions = {}): Promise<EventStreamClient> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: {
      accept: "text/event-stream",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.lastEventId !== undefined ? { "last-event-id": String(options.lastEventId) } : {}),
      ...options.headers,
    },
    signal: abort.signal,
  });
  if (response.status !== 200 || !response.body) throw new EventStreamError(response.status, await response.text());
  const client = new EventStreamClient(abort);
  void readEvents(response.body, client).finally(() => client.markClosed());
  return client;
}

async function readEvents(body: ReadableStream<Uint8Array>, client: EventStreamClient): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let id: string | null = null;
  let type = "";
  let data: string[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.search(/\r\n|\r|\n/)) >= 0) {
        if (end === buffer.length - 1 && buffer[end] === "\r") break; // its \n may be in the next chunk
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + (buffer.startsWith("\r\n", end) ? 2 : 1));
        if (line === "") {
          if (data.length) client.push({ id, event: type || "message", data: data.join("\n"), receivedAt: performance.now() });
          id = null;
          type = "";
          data = [];
        } else if (line.startsWith(":")) {
          client.comments.push(line.slice(1).trim());
        } else {
          const colon = line.indexOf(":");
          const field = colon < 0 ? line : line.slice(0, colon);
          const raw = colon < 0 ? "" : line.slice(colon + 1);
          const value = raw.startsWith(" ") ? raw.slice(1) : raw;
          if (field === "id") id = value;
          else if (field === "event") type = value;
          else if (field === "data") data.push(value);
          else if (field === "retry" && /^\d+$/.test(value)) client.retries.push(Number(value));
        }
      }
    }
  } catch {
    // aborted by close() or the server went away: the client reports closed
  }
}
