// This process's readiness (readiness.ts): the database, and Redis when REDIS_URL is set (without
// it, Redis always "answers"). Another dependency plugs in with addReadinessCheck at start-up.
import { databaseAnswers } from "./db.server.ts";
import { createReadiness } from "./readiness.ts";
import { redisAnswers } from "./redis.server.ts";
import { singleton } from "./singleton.ts";

const instance = singleton("readiness", () =>
  createReadiness([
    { name: "database", answers: databaseAnswers },
    { name: "redis", answers: redisAnswers },
  ]),
);

export const addReadinessCheck = instance.addCheck;
export const beginDraining = instance.beginDraining;
export const readiness = instance.readiness;
