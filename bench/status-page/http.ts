// Plain node:http requests to 127.0.0.1 over a keep-alive connection with Nagle off: the
// seeding and publishing calls as the bench token's admin, and the reads of the public page.
import http from "node:http";
import { TOKEN } from "./options.ts";

export const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

export type Reply = {
  status: number;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
  json: any;
};

export function request(
  port: number,
  method: string,
  urlPath: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path: urlPath,
        agent,
        headers: {
          Authorization: `Bearer ${TOKEN}`,
          Accept: "application/json",
          ...(payload
            ? {
                "Content-Type": "application/json",
                "Content-Length": String(Buffer.byteLength(payload)),
              }
            : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          let json: any = null;
          if (String(res.headers["content-type"]).startsWith("application/json") && !res.headers["content-encoding"]) {
            try {
              json = JSON.parse(body.toString("utf8"));
            } catch {
              json = null;
            }
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            rawHeaders: res.rawHeaders,
            body,
            json,
          });
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

/** As `request`, but fails unless the status is the expected one. */
export async function expect(status: number, port: number, method: string, urlPath: string, body?: unknown): Promise<any> {
  const reply = await request(port, method, urlPath, { body });
  if (reply.status !== status)
    throw new Error(`${method} ${urlPath}: ${reply.status}, expected ${status}: ${reply.body.toString("utf8").slice(0, 400)}`);
  return reply.json;
}
