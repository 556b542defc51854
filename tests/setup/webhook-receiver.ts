// A webhook receiver on a free local port that answers 204 and keeps each body, in the order they came.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { body: string };

export function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ body });
      res.writeHead(204).end();
    });
  });
  return new Promise<{ url: string; received: Received[]; close: () => Promise<void> }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://localhost:${port}/hook`, received, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
