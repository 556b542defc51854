// The outbox admins read when no email provider is configured: what would have been sent,
// with its headers, newest first.
import { db } from "~/utils/db.server.ts";

export type OutboxListItem = { id: string; to: string; subject: string; createdAt: string };
export type OutboxEmailView = OutboxListItem & { from: string; headers: Record<string, string>; text: string; html: string };

export async function listOutbox(options: { to?: string; limit?: number } = {}): Promise<OutboxListItem[]> {
  const rows = await db.$transaction((tx) =>
    tx.outboxEmail.findMany({
      where: options.to ? { to: { contains: options.to.toLowerCase() } } : {},
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: options.limit ?? 50,
      select: { id: true, to: true, subject: true, createdAt: true },
    }),
  );
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export async function outboxEmail(id: string): Promise<OutboxEmailView | null> {
  const row = await db.$transaction((tx) => tx.outboxEmail.findUnique({ where: { id } }));
  if (!row) return null;
  const headers = Object.fromEntries(Object.entries((row.headers ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  return {
    id: row.id,
    to: row.to,
    from: row.from,
    subject: row.subject,
    createdAt: row.createdAt.toISOString(),
    headers,
    text: row.text,
    html: row.html,
  };
}
