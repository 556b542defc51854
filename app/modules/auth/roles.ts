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

export const ROLE_LABELS: Record<RoleName, string> = {
  admin: "Admin",
  responder: "Responder",
  comms: "Comms",
  viewer: "Viewer",
};
