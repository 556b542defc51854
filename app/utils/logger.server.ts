import pino from "pino";
import { env } from "./env.server.ts";
import { currentRequestId } from "./request-context.server.ts";
import { singleton } from "./singleton.ts";

/** JSON lines; a line written while handling a request carries its request id (request-context.server.ts). */
export const logger: pino.Logger = singleton("logger", () =>
  pino({
    level: env().LOG_LEVEL,
    base: undefined,
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  }),
);
