// Sends a fuzz request exactly as generated (raw path, raw bytes, any method) over a pool of
// kept-alive connections: fetch would normalise the path and refuse some methods and headers.
import http from "node:http";
import type { FuzzRequest } from "./requests.ts";

export type Answer = { status: number; contentType: string; text: string } | { error: string };

const ANSWER_TIMEOUT_MS = 30_000;

export function sender(baseUrl: string, concurrency: number) {
  const { hostname, port } = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const send = (request: FuzzRequest, auth: Record<string, string>): Promise<Answer> =>
    new Promise((resolve) => {
      let settled = false;
      const done = (answer: Answer) => {
        if (!settled) resolve(answer);
        settled = true;
      };
      const headers: Record<string, string> = { ...request.headers, ...auth };
      if (request.body) headers["content-length"] = String(request.body.length);
      let req: http.ClientRequest;
      try {
        req = http.request({ agent, host: hostname, port, method: request.method, path: request.path, headers });
      } catch (error) {
        return done({ error: `not sent: ${(error as Error).message}` });
      }
      req.setTimeout(ANSWER_TIMEOUT_MS, () => {
        done({ error: `no answer within ${ANSWER_TIMEOUT_MS} ms` });
        req.destroy();
      });
      req.on("error", (error) => done({ error: (error as NodeJS.ErrnoException).code ?? error.message }));
      req.on("response", (res) => {
        // an event stream never ends (its heartbeats keep it open): its status is the answer
        if (String(res.headers["content-type"] ?? "").startsWith("text/event-stream")) {
          done({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"]), text: "" });
          return void res.destroy();
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          // Pages can be large; the test only reads error bodies, which are small.
          if (size < 64 * 1024) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () =>
          done({
            status: res.statusCode ?? 0,
            contentType: String(res.headers["content-type"] ?? ""),
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", () => done({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), text: "" }));
      });
      req.end(request.body ?? undefined);
    });
  return { send, close: () => agent.destroy() };
}
