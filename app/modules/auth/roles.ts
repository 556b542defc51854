// Who may do what. Every loader and action asks `can(role, permission)` through
// requireActor (auth.server.ts); this table is the one place the rules live.
export const ROLES = ["admin", "responder", "comms", "viewer"] as const;
export type RoleName = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** read incidents, timelines, components */
  read: ["admin", "responder", "comms", "viewer"],
  /** declare and update incidents; write timeline entries */
  "incident:write": ["admin", "responder"],
  /** the components catalog and regions */
  "component:write": ["admin"],
  /** draft status-page updates (a scribe may promote an entry into a draft) */
  "update:draft": ["admin", "responder", "comms"],
  /** approve someone else's update on a SEV1 (the two-person rule) */
  "update:approve": ["admin", "responder", "comms"],
  /** publish updates to the public page; schedule and run maintenance */
  "update:publish": ["admin", "comms"],
  /** generate and edit post-mortems, their action items; submit them for review */
  "postmortem:write": ["admin", "responder"],
  /** approve someone else's post-mortem, publish it, reopen a published one */
  "postmortem:approve": ["admin", "responder"],
  /** subscribers: add, import, remove, export; see deliveries */
  "subscriber:write": ["admin", "comms"],
  /** webhook endpoints, the email outbox */
  "delivery:admin": ["admin"],
  /** organisation settings and the templates of customer-facing text */
  "settings:write": ["admin"],
  /** GET /metrics with an API token (or the operator's METRICS_TOKEN, which is no user) */
  "metrics:read": ["admin"],
  /** users, roles and API tokens */
  "admin:users": ["admin"],
  /** read and export the audit log (who changed what); nobody may change it (decision 0022) */
  "audit:read": ["admin"],
} as const satisfies Record<string, readonly RoleName[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: RoleName, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly RoleName[]).includes(role);
}

const permissionsOf = (role: RoleName) => (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));

/**
 * The role a token acts with: the greatest role whose permissions both the token's role and its
 * owner's current role have. Roles are only partly ordered (responder and comms each have what
 * the other lacks), so this is the meet of the two, not a minimum: a responder token of a comms
 * user acts as a viewer. Whatever the table, the result never may more than either role
 * (decision 0028).
 */
export function actingRole(tokenRole: RoleName, ownerRole: RoleName): RoleName {
  const both = permissionsOf(tokenRole).filter((p) => can(ownerRole, p));
  const within = ROLES.filter((role) => permissionsOf(role).every((p) => both.includes(p)));
  // the one with the most permissions; on a tie the later (lower) in ROLES
  const size = (role: RoleName) => permissionsOf(role).length;
  const greatest = within.reduce<RoleName | null>((best, role) => (best && size(best) > size(role) ? best : role), null);
  return greatest ?? "viewer";
}

export const ROLE_LABELS: Record<RoleName, string> = {
  admin: "Admin",
  responder: "Responder",
  comms: "Comms",
  viewer: "Viewer",
};
