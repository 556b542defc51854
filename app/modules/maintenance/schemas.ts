import { z } from "zod";
import { MAINTENANCE_STATUSES } from "~/modules/status-page/model.ts";
import { isStorable } from "~/utils/instants.ts";
import { MAX_UPDATE_BODY } from "~/modules/updates/schemas.ts";

const Instant = z.coerce.date({ message: "must be an ISO-8601 time" }).refine(isStorable, "must be between 1970 and 9999");
const Body = z.string().trim().min(1, "must not be empty").max(MAX_UPDATE_BODY, `must be at most ${MAX_UPDATE_BODY} characters`);

export const NewMaintenanceSchema = z
  .object({
    title: z.string().trim().min(3, "must be at least 3 characters").max(200),
    scheduledFor: Instant,
    scheduledUntil: Instant,
    components: z.array(z.string().trim().min(1).max(64)).min(1, "name at least one component").max(100),
    body: Body.optional(),
    notify: z.boolean().default(true),
  })
  .strict()
  .refine((m) => m.scheduledUntil > m.scheduledFor, { path: ["scheduledUntil"], message: "must be after the start" })
  .refine((m) => m.scheduledUntil.getTime() > Date.now(), { path: ["scheduledUntil"], message: "must be in the future" });
export type NewMaintenanceInput = z.output<typeof NewMaintenanceSchema>;

export const MaintenanceUpdateSchema = z
  .object({
    status: z.enum(MAINTENANCE_STATUSES, { message: `must be one of ${MAINTENANCE_STATUSES.join(", ")}` }).optional(),
    body: Body.optional(),
  })
  .strict()
  .refine((u) => u.status || u.body, { path: ["body"], message: "give a status, a message, or both" });
export type MaintenanceUpdateInput = z.output<typeof MaintenanceUpdateSchema>;
