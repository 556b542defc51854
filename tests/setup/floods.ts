// Bodies an attacker sends to wear the server down, and the server's memory while they arrive.
// Used by the body-limit test and its bench (bench/body-limits). No vitest imports here.
import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";

/** The resident memory of a process in MB, from /proc/<pid>/status (VmRSS). */
export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+)\s+kB$/m);
  if (!line) throw new Error(`no VmRSS for process ${pid}`);
  return Number(line[1]) / 1024;
}

export type FloodOutcome = {
  /** The status the server answered with, or null when it answered nothing before the connection ended. */
  status: number | null;
  body: string;
  /** Bytes written to the socket before the server answered or the connection ended. */
  sentBytes: number;
};

export type Flood = {
  path: string;
  /** What the client is prepared to send in all, chunked (no Content-Length): `head`, then filler, then `tail`. */
  totalBytes: number;
  head: string;
  tail?: string;
  headers?: Record<string, string>;
  /** The filler byte (default "a"). */
  filler?: string;
  /** Go on sending after the answer, as an attacker would, until the server ends the connection or all is sent. */
  keepSending?: boolean;
};

const CHUNK = 64 * 1024;

/**
 * Posts `totalBytes` as a chunked body as fast as the server takes it, and stops at the first
 * answer (the remaining bytes are never sent). With `keepSending`, as an attacker: a bare socket
 * that goes on sending whatever it is told, until the server ends the connection.
 */
export function floodPost(baseUrl: string, flood: Flood): Promise<FloodOutcome> {
  return flood.keepSending ? floodSocket(baseUrl, flood) : floodRequest(baseUrl, flood);
}

function* chunksOf(flood: Flood): Generator<Buffer> {
  const head = Buffer.from(flood.head);
  const tail = Buffer.from(flood.tail ?? "");
  const filler = Buffer.alloc(CHUNK, flood.filler ?? "a");
  yield head;
  for (let left = flood.totalBytes - head.length - tail.length; left > 0; left -= CHUNK)
    yield left >= CHUNK ? filler : filler.subarray(0, left);
  if (tail.length) yield tail;
}

function floodRequest(baseUrl: string, flood: Flood): Promise<FloodOutcome> {
  return new Promise((resolve) => {
    let sentBytes = 0;
    let status: number | null = null;
    let body = "";
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve({ status, body, sentBytes });
      request.destroy();
    };
    const request = http.request(new URL(flood.path, baseUrl), {
      method: "POST",
      headers: { ...flood.headers, "transfer-encoding": "chunked" },
      agent: false,
    });
    request.on("response", (response) => {
      status = response.statusCode ?? null;
      response.setEncoding("utf8");
      response.on("data", (text: string) => (body = (body + text).slice(0, 2000)));
      response.on("end", finish);
      response.on("error", finish);
    });
    // The server ended the connection: what it answered before that is the outcome.
    request.on("error", () => setTimeout(finish, 200));
    const chunks = chunksOf(flood);
    const write = () => {
      for (;;) {
        if (settled || status !== null || request.destroyed) return;
        const next = chunks.next();
        if (next.done) return void request.end();
        sentBytes += next.value.length;
        if (!request.write(next.value)) return void request.once("drain", write);
      }
    };
    write();
  });
}

function floodSocket(baseUrl: string, flood: Flood): Promise<FloodOutcome> {
  const url = new URL(flood.path, baseUrl);
  return new Promise((resolve) => {
    let sentBytes = 0;
    let received = "";
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received);
      resolve({ status: status ? Number(status[1]) : null, body: received.split("\r\n\r\n").slice(1).join("\r\n\r\n"), sentBytes });
      socket.destroy();
    };
    const socket = net.connect(Number(url.port), url.hostname);
    socket.setEncoding("latin1");
    socket.on("data", (text: string) => (received = (received + text).slice(0, 4000)));
    socket.on("error", finish);
    socket.on("close", finish);
    const headers = Object.entries({ ...flood.headers, host: url.host, "transfer-encoding": "chunked" }).map(
      ([name, value]) => `${name}: ${value}\r\n`,
    );
    socket.write(`POST ${url.pathname}${url.search} HTTP/1.1\r\n${headers.join("")}\r\n`);
    const chunks = chunksOf(flood);
    const write = () => {
      for (;;) {
        if (settled || socket.destroyed) return;
        const next = chunks.next();
        if (next.done) return void socket.end("0\r\n\r\n");
        sentBytes += next.value.length;
        if (!socket.write(Buffer.concat([Buffer.from(`${next.value.length.toString(16)}\r\n`), next.value, Buffer.from("\r\n")])))
          return void socket.once("drain", write);
      }
    };
    write();
  });
}

/** Asks `path` every `everyMs` until stopped; the slowest answer and any that was not 200. */
export function keepAsking(baseUrl: string, path: string, everyMs = 100) {
  const failures: string[] = [];
  let slowestMs = 0;
  let asked = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(baseUrl + path, { signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        if (response.status !== 200) failures.push(`${path}: ${response.status}`);
      } catch (error) {
        failures.push(`${path}: ${(error as Error).message}`);
      }
      asked += 1;
      slowestMs = Math.max(slowestMs, performance.now() - started);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { failures, slowestMs: Math.round(slowestMs), asked };
    },
  };
}
