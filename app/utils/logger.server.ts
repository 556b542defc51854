import pino from "pino";
import { env } from "./env.server.ts";

const globalForLog = globalThis as unknown as { __logger?: pino.Logger };

/** JSON lines; each request's lines carry its request id (see server.ts). */
export const logger: pino.Logger = (globalForLog.__logger ??= pino({ level: env().LOG_LEVEL, base: undefined }));
