// HTTP to the app from the main thread: the set-up requests and the timed POSTs, over a
// keep-alive connection with Nagle off, as the bench token's admin.
import http from "node:http";
import { CONCURRENCY, TOKEN } from "./options.ts";

export const postAgent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY + 1 });

export function request(port: number, method: string, urlPath: string, body?: unknown): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path: urlPath,
        agent: postAgent,
        headers: {
          Authorization: `Bearer ${TOKEN}`,
          Accept: "application/json",
          ...(payload ? { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: any = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            json = { raw: text.slice(0, 500) };
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
        res.on("error", reject);
      },
    );
    req.setNoDelay(true);
    req.setTimeout(15_000, () => req.destroy(new Error(`${method} ${urlPath} took more than 15 s`)));
    req.on("error", reject);
    req.end(payload);
  });
}
