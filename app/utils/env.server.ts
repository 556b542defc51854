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
  /** the sender of notices, e.g. "Northwind Status <status@northwind.example>" (default: status@ the public host) */
  MAIL_FROM: z.string().min(3).max(200).refine((v) => !/[\r\n]/.test(v), "must be one line").optional(),
  /** requests per second the email provider allows (Resend's default is 2) */
  EMAIL_REQUESTS_PER_SECOND: z.coerce.number().positive().max(1000).default(2),
  /** "off" runs no delivery worker in the web process (run `npm run worker` instead) */
  DELIVERY_WORKER: z.enum(["on", "off"]).default("on"),
  /** how long a worker holds a batch before another may take it over (a worker that died) */
  DELIVERY_LEASE_MS: z.coerce.number().int().min(1000).default(120_000),
  /** hosts webhooks may reach although they resolve to private addresses (comma-separated; admins can add more in settings) */
  WEBHOOK_ALLOWED_HOSTS: z.string().max(2000).default(""),
  /** a bearer token that may read GET /metrics (besides admin API tokens); at least 24 characters */
  METRICS_TOKEN: z.string().min(24, "must be at least 24 characters").optional(),
  SSE_HEARTBEAT_MS: z.coerce.number().int().positive().default(15_000),
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
