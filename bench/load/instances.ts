// What bench/load runs its load against: one app process (--instances 1, as before), or two on
// one Postgres database sharing a redis-server of the run's own (REDIS_URL, decision 0049),
// behind nginx configured by the shipped deploy/nginx.conf with round-robin everywhere
// (tests/setup/nginx.ts renders it; 127.0.0.1 only). `kill()` ends the second with SIGKILL.
import path from "node:path";
import { startNginx, type Nginx } from "../../tests/setup/nginx.ts";
import { startOwnRedis, type OwnRedis } from "../../tests/setup/redis.ts";
import { startApp, type Child } from "../status-page/processes.ts";

export type Front = {
  /** Where every request goes: the app, or nginx in front of both. */
  port: number;
  apps: Child[];
  /** The instance still running at the end (the first). */
  survivor: Child;
  /** The second instance, killed with SIGKILL: its pid, or null when there is one instance. */
  kill(): number | null;
  output(): string;
  stop(): Promise<void>;
};

export async function startFront(databaseUrl: string, logDir: string, instances: number, env: Record<string, string>): Promise<Front> {
  if (instances === 1) {
    const app = await startApp(databaseUrl, path.join(logDir, "app.log"), undefined, env);
    return { port: app.port, apps: [app], survivor: app, kill: () => null, output: () => app.output(), stop: () => app.stop() };
  }
  let redis: OwnRedis | null = null;
  let nginx: Nginx | null = null;
  const apps: Child[] = [];
  const stop = async () => {
    await nginx?.stop();
    for (const app of apps) await app.stop();
    await redis?.stop();
  };
  try {
    redis = await startOwnRedis();
    const shared = { ...env, REDIS_URL: redis.url, TRUST_PROXY: "1" };
    apps.push(await startApp(databaseUrl, path.join(logDir, "app-1.log"), undefined, shared)); // migrates and seeds
    apps.push(await startApp(databaseUrl, path.join(logDir, "app-2.log"), undefined, shared));
    nginx = await startNginx([apps[0].port, apps[1].port], { collabRoundRobin: true });
  } catch (error) {
    await stop();
    throw error;
  }
  const [survivor, victim] = apps;
  return {
    port: Number(new URL(nginx.baseUrl).port),
    apps,
    survivor,
    kill: () => (victim.child.kill("SIGKILL"), victim.pid),
    output: () => apps.map((app, i) => `instance ${i + 1}:\n${app.output()}`).join("\n") + `\nnginx:\n${nginx!.logs()}`,
    stop,
  };
}
