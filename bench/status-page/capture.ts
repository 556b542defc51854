// What the baseline serves: the app's responses for the measured paths, fetched once with
// and once without `Accept-Encoding: gzip`, kept byte for byte with their headers (less the
// ones Node's HTTP server writes itself: Date, Connection, Keep-Alive).
import fs from "node:fs";
import { request } from "./http.ts";
import { PATHS } from "./options.ts";

export type Captured = {
  path: string;
  gzip: boolean;
  status: number;
  headers: [string, string][];
  body: string /* base64 */;
};

const WRITTEN_BY_NODE = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

export async function captureResponses(port: number, file: string): Promise<Captured[]> {
  const captured: Captured[] = [];
  for (const path of PATHS) {
    for (const gzip of [true, false]) {
      const reply = await request(port, "GET", path, {
        headers: {
          Accept: "*/*",
          Authorization: "",
          ...(gzip ? { "Accept-Encoding": "gzip" } : {}),
        },
      });
      if (reply.status !== 200) throw new Error(`GET ${path}: ${reply.status}`);
      if (gzip !== (reply.headers["content-encoding"] === "gzip"))
        throw new Error(`GET ${path} (gzip ${gzip}): Content-Encoding ${reply.headers["content-encoding"]}`);
      const headers: [string, string][] = [];
      for (let i = 0; i < reply.rawHeaders.length; i += 2) {
        if (!WRITTEN_BY_NODE.has(reply.rawHeaders[i].toLowerCase())) headers.push([reply.rawHeaders[i], reply.rawHeaders[i + 1]]);
      }
      captured.push({
        path,
        gzip,
        status: reply.status,
        headers,
        body: reply.body.toString("base64"),
      });
    }
  }
  fs.writeFileSync(file, JSON.stringify(captured));
  return captured;
}

/** Bytes on the wire per response (status line and headers as Node writes them, plus the body), roughly. */
export function responseBytes(c: Captured): number {
  const head = c.headers.reduce((n, [k, v]) => n + k.length + v.length + 4, 17 + 80);
  return head + Buffer.from(c.body, "base64").length;
}
