// Who may publish an incident's updates, pure: the one place it is decided (decision 0041).
// A role with update:publish may; when the organisation allows it, so may the incident's
// commander with any role that drafts updates. The two-person rule is checked apart from this,
// so a SEV1 update still needs a second person's approval whoever publishes it.
import { can, type RoleName } from "~/modules/auth/roles.ts";

export function mayPublishUpdate(
  actor: { userId: string; role: RoleName },
  incident: { commanderId: string | null },
  settings: { commanderMayPublish: boolean },
): boolean {
  if (can(actor.role, "update:publish")) return true;
  return settings.commanderMayPublish && incident.commanderId === actor.userId && can(actor.role, "update:draft");
}

export const PUBLISH_REFUSED = "Your role cannot publish updates.";
