import type { Tx } from "~/utils/db.server.ts";
import { newId } from "~/utils/ids.ts";
import { currentRequestId } from "~/utils/request-context.server.ts";

// The ground floor: every module that changes something writes here, so this imports none of them.

/** Who did it, as the audit row names them: any actor of the app (a person, their token, via Slack) fits. */
export type AuditedActor = { userId: string | null; tokenId?: string | null; via?: string | null };

export type AuditInput = {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** Writes the audit row inside the caller's transaction, so no change goes unrecorded. */
export async function recordAudit(tx: Tx, actor: AuditedActor | null, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      id: newId(),
      actorId: actor?.userId ?? null,
      tokenId: actor?.tokenId ?? null,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      before: toJson(input.before),
      after: toJson(input.after),
      requestId: currentRequestId(),
      via: actor?.via ?? null,
    },
  });
}

function toJson(value: unknown) {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value));
}
