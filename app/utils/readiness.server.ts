// This process's readiness (readiness.ts): the database is its first check. Another dependency
// plugs in here, once, at start-up: addReadinessCheck({ name: "redis", answers: () => … }).
import { databaseAnswers } from "./db.server.ts";
import { createReadiness } from "./readiness.ts";
import { singleton } from "./singleton.ts";

const instance = singleton("readiness", () => createReadiness([{ name: "database", answers: databaseAnswers }]));

export const addReadinessCheck = instance.addCheck;
export const beginDraining = instance.beginDraining;
export const readiness = instance.readiness;
