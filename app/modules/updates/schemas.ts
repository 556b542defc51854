// Input shapes of status-page updates, shared by the comms tab and the API.
import { z } from "zod";
import { COMPONENT_STATUSES } from "~/modules/status-page/model.ts";
import { UPDATE_TEMPLATE_STATUSES } from "~/modules/notices/update-defaults.ts";

export const MAX_UPDATE_BODY = 10_000;
const Id = z.string().trim().min(1).max(64);

export const ComponentChangeSchema = z.object({
  id: Id,
  status: z.enum(COMPONENT_STATUSES, { message: `must be one of ${COMPONENT_STATUSES.join(", ")}` }),
});

const fields = {
  status: z.enum(UPDATE_TEMPLATE_STATUSES, { message: `must be one of ${UPDATE_TEMPLATE_STATUSES.join(", ")}` }),
  body: z.string().trim().min(1, "must not be empty").max(MAX_UPDATE_BODY, `must be at most ${MAX_UPDATE_BODY} characters`),
  /** the public title, set by the first published update (defaults to the incident's title) */
  title: z.string().trim().min(3, "must be at least 3 characters").max(200),
  components: z.array(ComponentChangeSchema).max(100),
  notify: z.boolean(),
  nextUpdateInMinutes: z
    .number({ message: "must be a number of minutes" })
    .int()
    .min(5, "must be at least 5 minutes")
    .max(24 * 60, "must be at most a day")
    .nullable(),
};

export const NewUpdateSchema = z
  .object({
    ...fields,
    body: fields.body.optional(),
    title: fields.title.optional(),
    components: fields.components.default([]),
    notify: fields.notify.default(true),
    nextUpdateInMinutes: fields.nextUpdateInMinutes.optional(),
    /** publish at once when the caller may and no approval is needed */
    publish: z.boolean().default(false),
    /** promote this timeline entry: its text becomes the body */
    fromEntryId: Id.optional(),
    /** fill the body from this named template of the status (its id, key or name) */
    template: z
      .string({ message: "must be the id, key or name of a template" })
      .trim()
      .min(1, "must not be empty")
      .max(200, "must be at most 200 characters")
      .optional(),
  })
  .strict()
  .refine((u) => u.template === undefined || (u.body === undefined && u.fromEntryId === undefined), {
    path: ["template"],
    message: "give a template or a body (or fromEntryId), not both",
  });
export type NewUpdateInput = z.output<typeof NewUpdateSchema>;

export const UpdatePatchSchema = z
  .object({ ...fields })
  .partial()
  .strict();
export type UpdatePatch = z.output<typeof UpdatePatchSchema>;

/** A root-cause report: an update with status "postmortem", drafted from the post-mortem. */
export type RootCauseReportInput = Omit<NewUpdateInput, "status" | "body"> & { status: "postmortem"; body: string };

export const MAX_RETURN_REASON = 500;
/** Refusing an update awaiting approval: why, told to its author (decision 0046). */
export const RefuseSchema = z
  .object({
    reason: z
      .string({ message: "is required" })
      .trim()
      .min(1, "must say why the update is refused")
      .max(MAX_RETURN_REASON, `must be at most ${MAX_RETURN_REASON} characters`),
  })
  .strict();
