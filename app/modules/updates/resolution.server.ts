// The facts of resolution.ts from the database: the incident's public face, and its reopenings as
// the audit log recorded them (every status change is an "incident.updated" row with before and after).
import type { Tx } from "~/utils/db.server.ts";
import { fail } from "~/utils/http.server.ts";
import { resolvedAgainRefusal, standingResolution } from "./resolution.ts";

type Json = { status?: unknown } | null;
const statusOf = (value: unknown) => (value && typeof value === "object" ? (value as Json)?.status : undefined);

/** When the incident's published resolution was sent, while it still holds; null when none holds. */
export async function resolutionStanding(tx: Tx, incidentId: string): Promise<Date | null> {
  const incident = await tx.incident.findUnique({ where: { id: incidentId }, select: { publicStatus: true, publicResolvedAt: true } });
  if (!incident?.publicResolvedAt) return null;
  const changes = await tx.auditEvent.findMany({
    where: { entityType: "Incident", entityId: incidentId, action: "incident.updated", at: { gte: incident.publicResolvedAt } },
    select: { at: true, before: true, after: true },
  });
  const reopenedAt = changes.filter((c) => statusOf(c.before) === "resolved" && statusOf(c.after) !== "resolved").map((c) => c.at);
  return standingResolution({ publicStatus: incident.publicStatus, publicResolvedAt: incident.publicResolvedAt, reopenedAt });
}

/** A 422 naming `status` when this would tell customers "resolved" a second time. */
export async function refuseResolvedAgain(tx: Tx, incidentId: string, status: string | undefined): Promise<void> {
  if (status !== "resolved") return;
  const refusal = resolvedAgainRefusal(status, await resolutionStanding(tx, incidentId));
  if (refusal) fail("invalid", refusal.message, refusal.fields);
}
