// The baseline: a plain node:http server answering the captured responses (capture.ts)
// with the same status, headers and bytes, choosing gzip as the app does. It does what
// the app's public-file middleware does and nothing else, so the ratio app / baseline is
// the cost of everything the app puts around it. Usage: baseline-server.ts <port> <captures.json>
import fs from "node:fs";
import http from "node:http";
import type { Captured } from "./capture.ts";

const [port, file] = process.argv.slice(2);
const captured = JSON.parse(fs.readFileSync(file, "utf8")) as Captured[];
type Response = {
  status: number;
  headers: [string, string][];
  body: Buffer;
  etag: string | undefined;
};
const responses = new Map<string, Response>();
for (const c of captured) {
  const etag = c.headers.find(([k]) => k.toLowerCase() === "etag")?.[1];
  responses.set(`${c.path} ${c.gzip}`, {
    status: c.status,
    headers: c.headers,
    body: Buffer.from(c.body, "base64"),
    etag,
  });
}

const server = http.createServer((req, res) => {
  const path = (req.url ?? "/").split("?")[0];
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const found = responses.get(`${path} ${gzip}`);
  if (!found || (req.method !== "GET" && req.method !== "HEAD")) {
    res.writeHead(404, { "Content-Type": "text/plain" });
    res.end("not found");
    return;
  }
  if (found.etag && req.headers["if-none-match"] === found.etag) {
    res.writeHead(304, found.headers.filter(([k]) => !/^content-(length|encoding)$/i.test(k)).flat());
    res.end();
    return;
  }
  res.writeHead(found.status, found.headers.flat());
  res.end(req.method === "HEAD" ? undefined : found.body);
});
server.keepAliveTimeout = 65_000; // as server.ts, so the Keep-Alive header matches too
server.listen(Number(port), "127.0.0.1", () => process.send?.("ready"));
process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
