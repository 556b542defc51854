import { databaseAnswers } from "~/utils/db.server.ts";
import { redisAnswers } from "~/utils/redis.server.ts";

export async function loader() {
  const [database, redis] = await Promise.all([databaseAnswers(), redisAnswers()]);
  if (!database) {
    return Response.json({ status: "unavailable", error: { code: "unavailable", message: "The database does not answer." } }, { status: 503 });
  }
  if (!redis) {
    return Response.json({ status: "unavailable", error: { code: "unavailable", message: "Redis (REDIS_URL) does not answer." } }, { status: 503 });
  }
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
