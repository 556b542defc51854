// An audit event as the audit log page, its download and the API show it (log.server.ts reads it).
// Pure, so components may import it.
import type { FieldChange } from "./describe.ts";

export type AuditActorView =
  | { kind: "user"; id: string; name: string; email: string; token: null }
  | { kind: "token"; id: string; name: string; email: string; token: { id: string; name: string } }
  | { kind: "system" };

export type AuditEventView = {
  id: string;
  at: string;
  action: string;
  actionText: string;
  actor: AuditActorView;
  /** `label`: what people call it (null when it is gone or has no name); the id stays beside it */
  entity: { type: string; id: string; label: string | null; link: string | null };
  before: unknown;
  after: unknown;
  changes: FieldChange[];
  requestId: string | null;
  /** "slack" when the change came in through Slack; null through the pages or the API */
  via: string | null;
};
