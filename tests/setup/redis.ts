// Redis for the tests that share state between instances (decision 0049): the machine's Redis
// (REDIS_URL, default redis://127.0.0.1:6379; .ci/run starts it) in a database number of the
// test's own, emptied first; or a redis-server of the test's own, which it can stop and start.
import { spawn, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { freePort } from "./app-process.ts";

const MACHINE_REDIS = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** The URL of an emptied database (1-15) on the machine's Redis. */
export async function emptyRedisDatabase(): Promise<string> {
  const db = 1 + Math.floor(Math.random() * 15);
  const url = `${MACHINE_REDIS.replace(/\/\d*$/, "")}/${db}`;
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    await client.flushdb();
  } finally {
    client.disconnect();
  }
  return url;
}

export type OwnRedis = { url: string; stop(): Promise<void>; start(): Promise<void> };

/** A redis-server of this test's own on a free port, without persistence. */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const url = `redis://127.0.0.1:${port}`;
  const start = async () => {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on("error", () => {}); // not up yet: asked again below
    for (let i = 0; ; i++) {
      if (
        (await client.connect().then(
          () => client.ping(),
          () => null,
        )) === "PONG"
      )
        break;
      if (i > 100) throw new Error(`redis-server on ${port} did not answer`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    client.disconnect();
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGKILL");
    await exited;
  };
  await start();
  process.once("exit", () => child?.kill("SIGKILL"));
  return { url, start, stop };
}
