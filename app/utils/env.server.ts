import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .default("file:./data/app.db")
    .refine((url) => url.startsWith("file:") || /^postgres(ql)?:\/\//.test(url), {
      message: "must start with file: (SQLite) or postgres:// (PostgreSQL)",
    }),
  /** Redis for what several instances must share: live editing across instances and the rate limits (decision 0049); unset, each process keeps them */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must start with redis:// or rediss://, such as redis://127.0.0.1:6379")
    .optional(),
  BOOTSTRAP_ADMIN_TOKEN: z.string().min(24).optional(),
  SEED_DEMO_DATA: z.enum(["auto", "never"]).default("auto"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** where the public reaches this app (links on the status page, in feeds and emails); default http://localhost:PORT */
  PUBLIC_URL: z.string().url("must be a URL such as https://status.example.com").optional(),
  /** send email through Resend; without it mail goes to the in-app outbox */
  RESEND_API_KEY: z.string().min(1).optional(),
  /** the signing secret of Resend's event webhook (bounces, complaints); without it POST /api/v1/email-events is off */
  RESEND_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, "must be the webhook's signing secret as Resend shows it: whsec_ followed by base64")
    .optional(),
  /** Slack's signing secret: verifies every request from Slack; unset, the Slack endpoints answer 404 (docs/slack.md) */
  SLACK_SIGNING_SECRET: z.string().trim().min(8, "must be the app's signing secret as Slack shows it").optional(),
  /** the Slack bot token (xoxb-…) for Web API calls */
  SLACK_BOT_TOKEN: z
    .string()
    .trim()
    .regex(/^xox[a-z]-[A-Za-z0-9-]+$/, "must be a Slack token such as xoxb-…")
    .optional(),
  /** base of Slack's Web API (tests point it at a stand-in) */
  SLACK_API_URL: z
    .string()
    .url("must be a URL such as https://slack.com/api/")
    .transform((url) => (url.endsWith("/") ? url : `${url}/`))
    .default("https://slack.com/api/"),
  /** a channel id where every declared incident is announced */
  SLACK_ANNOUNCE_CHANNEL: z
    .string()
    .trim()
    .regex(/^[CGD][A-Z0-9]{2,30}$/, "must be a Slack channel id such as C0123ABCD")
    .optional(),
  /** the prefix readers' Slack incoming-webhook URLs must start with */
  SLACK_HOOKS_BASE_URL: z.string().url("must be a URL such as https://hooks.slack.com/").default("https://hooks.slack.com/"),
  /** the sender of notices, e.g. "Northwind Status <status@northwind.example>" (default: status@ the public host) */
  MAIL_FROM: z
    .string()
    .min(3)
    .max(200)
    .refine((v) => !/[\r\n]/.test(v), "must be one line")
    .optional(),
  /** requests per second the email provider allows (Resend's default is 2) */
  EMAIL_REQUESTS_PER_SECOND: z.coerce.number().positive().max(1000).default(2),
  /** "off" runs no delivery worker in the web process (run `npm run worker` instead) */
  DELIVERY_WORKER: z.enum(["on", "off"]).default("on"),
  /** how long a worker holds a batch before another may take it over (a worker that died) */
  DELIVERY_LEASE_MS: z.coerce.number().int().min(1000).default(120_000),
  /** hosts webhooks may reach although they resolve to private addresses (comma-separated; admins can add more in settings) */
  WEBHOOK_ALLOWED_HOSTS: z.string().max(2000).default(""),
  /** who may frame the status widget /status/embed: `*` or space-separated origins (CSP frame-ancestors) */
  STATUS_EMBED_ANCESTORS: z
    .string()
    .trim()
    .regex(
      /^(\*|https?:\/\/[A-Za-z0-9.*:-]+(\s+https?:\/\/[A-Za-z0-9.*:-]+)*)$/,
      "must be * or origins such as https://www.example.com separated by spaces",
    )
    .default("*"),
  /** hosts that links in emails may point at (comma-separated, `*.example.com` allowed); unset: any */
  ALLOWED_HOSTS: z
    .string()
    .trim()
    .regex(
      /^([A-Za-z0-9*.:-]+(\s*,\s*[A-Za-z0-9*.:-]+)*)?$/,
      "must be host names separated by commas, such as status.example.com,*.example.org",
    )
    .default(""),
  /** a bearer token that may read GET /metrics (besides admin API tokens); at least 24 characters */
  METRICS_TOKEN: z.string().min(24, "must be at least 24 characters").optional(),
  SSE_HEARTBEAT_MS: z.coerce.number().int().positive().default(15_000),
  /** on SIGTERM: how long /healthz says "draining" while the instance still serves, before it stops accepting (docs/operations.md) */
  SHUTDOWN_READY_GRACE_MS: z.coerce.number().int().min(0).max(120_000, "must be at most 120000 (2 minutes)").default(5_000),
  /** a session ends after this long without a request (it is ended at most 5 minutes later) */
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 365)
    .default(12),
  /** a session ends this long after signing in, however active */
  SESSION_LIFETIME_DAYS: z.coerce.number().positive().max(365).default(14),
  /** the window the sign-in and token limits below count in */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .max(24 * 3600)
    .default(900),
  /** failed sign-ins (and wrong current passwords) per account per window */
  LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  /** failed sign-ins per client address per window */
  LOGIN_FAILURES_PER_IP: z.coerce.number().int().positive().default(30),
  /** requests with an unknown or malformed bearer token per client address per window */
  TOKEN_FAILURES_PER_IP: z.coerce.number().int().positive().default(30),
  /** API tokens one account may create per window */
  TOKENS_CREATED_PER_ACCOUNT: z.coerce.number().int().positive().default(20),
  /** the public subscribe form: requests per email address, and per client address, within SUBSCRIBE_WINDOW_SECONDS */
  SUBSCRIBES_PER_ADDRESS: z.coerce.number().int().positive().default(5),
  SUBSCRIBES_PER_IP: z.coerce.number().int().positive().default(20),
  SUBSCRIBE_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .max(24 * 3600)
    .default(3600),
  /** incident event streams open at once per browser session, per API token and per client address */
  EVENT_STREAMS_PER_SESSION: z.coerce.number().int().positive().default(20),
  EVENT_STREAMS_PER_TOKEN: z.coerce.number().int().positive().default(100),
  EVENT_STREAMS_PER_IP: z.coerce.number().int().positive().default(500),
  /** how often open event streams and live-editing sockets check that their person may still use them */
  ACCESS_RECHECK_SECONDS: z.coerce.number().positive().max(3600).default(5),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** The environment, parsed once; a bad value stops the process with the variable's name. */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

export function isPostgres(url = env().DATABASE_URL): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function sqliteFilePath(url = env().DATABASE_URL): string {
  return url.replace(/^file:/, "");
}

/** Where the public reaches this app, without a trailing slash. */
export function publicUrl(): string {
  const { PUBLIC_URL, PORT } = env();
  return (PUBLIC_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, "");
}
