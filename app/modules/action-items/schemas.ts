// Input shapes of action items, shared by the JSON API and the forms (which post the same
// field names; an empty form field means "not given" on create and "clear it" on edit).
import { z } from "zod";
import { ACTION_ITEM_KINDS, ACTION_ITEM_PRIORITIES, ACTION_ITEM_STATES, type ActionItemStateName } from "~/modules/postmortems/sections.ts";
import { isStorable } from "~/utils/instants.ts";
import { dueInstant } from "./rules.ts";

export const MAX_TITLE_LENGTH = 200;

const Title = z
  .string({ message: "must be text" })
  .trim()
  .min(1, "must not be empty")
  .max(MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`);
const Kind = z.enum(ACTION_ITEM_KINDS, { message: `must be one of ${ACTION_ITEM_KINDS.join(", ")}` });
const Priority = z.enum(ACTION_ITEM_PRIORITIES, { message: `must be one of ${ACTION_ITEM_PRIORITIES.join(", ")}` });
const State = z.enum(ACTION_ITEM_STATES, { message: `must be one of ${ACTION_ITEM_STATES.join(", ")}` });
const OwnerId = z.string({ message: "must be a user id" }).trim().min(1, "must be a user id").max(64, "must be a user id");
const OwnerEmail = z
  .string({ message: "must be an email address" })
  .trim()
  .toLowerCase()
  .max(254, "must be at most 254 characters")
  .pipe(z.email("must be an email address"));

/** A day ("2026-03-14", due by its end in UTC) or an ISO-8601 time. */
const DueAt = z
  .string({ message: "must be a date (YYYY-MM-DD) or an ISO-8601 time" })
  .trim()
  .transform(dueInstant)
  .refine((d) => !Number.isNaN(d.getTime()), { message: "must be a date (YYYY-MM-DD) or an ISO-8601 time", abort: true })
  .refine(isStorable, "must be between 1970 and 9999");

/** Only links a browser opens as a page: no javascript:, data: or file: in a tracker link. */
const TrackerUrl = z
  .string({ message: "must be an http(s) link" })
  .trim()
  .max(2000, "must be at most 2000 characters")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "must be an http(s) link, such as https://tracker.example/ISSUE-12");

function oneOwner(value: { ownerId?: string | null; ownerEmail?: string }, ctx: z.RefinementCtx) {
  if (value.ownerId && value.ownerEmail)
    ctx.addIssue({ code: "custom", path: ["ownerEmail"], message: "give ownerId or ownerEmail, not both" });
}

export const NewActionItemSchema = z
  .object({
    title: Title,
    kind: Kind,
    priority: Priority.default("medium"),
    ownerId: OwnerId.optional(),
    ownerEmail: OwnerEmail.optional(),
    dueAt: DueAt.optional(),
    trackerUrl: TrackerUrl.optional(),
  })
  .strict()
  .superRefine(oneOwner);
export type NewActionItem = z.output<typeof NewActionItemSchema>;

/** Any of the fields; null clears the owner, the due date or the tracker link. */
export const ActionItemPatchSchema = z
  .object({
    title: Title.optional(),
    kind: Kind.optional(),
    priority: Priority.optional(),
    state: State.optional(),
    ownerId: OwnerId.nullable().optional(),
    ownerEmail: OwnerEmail.optional(),
    dueAt: DueAt.nullable().optional(),
    trackerUrl: TrackerUrl.nullable().optional(),
  })
  .strict()
  .superRefine(oneOwner)
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), { message: "send at least one field to change", path: ["_"] });
export type ActionItemPatch = z.output<typeof ActionItemPatchSchema>;

const StateList = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(State).min(1, "name at least one state"));

export const ActionItemFiltersSchema = z.object({
  /** one state or several, comma-separated ("open,in_progress") */
  state: StateList.optional(),
  /** "me" or a user id */
  owner: z.string().trim().min(1).max(64).optional(),
  overdue: z
    .enum(["1", "0", "true", "false"], { message: "must be 1 or 0" })
    .transform((v) => v === "1" || v === "true")
    .optional(),
  postmortem: z.string().trim().min(1).max(64).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(200, "must be at most 200")
    .default(50),
});
export type ActionItemFilters = z.output<typeof ActionItemFiltersSchema>;

/** The states the action-items page lists unless asked otherwise: everything still to do. */
export const UNFINISHED_STATES: ActionItemStateName[] = ["open", "in_progress"];

/** A posted form as the JSON shape: empty fields are left out (new) or null (edit, clears them). */
export function actionItemFromForm(form: FormData, mode: "new" | "edit"): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ["title", "kind", "priority", "state", "ownerId", "ownerEmail", "dueAt", "trackerUrl"]) {
    const value = form.get(key);
    if (typeof value !== "string") continue;
    if (value.trim() !== "") out[key] = value;
    else if (mode === "edit" && (key === "ownerId" || key === "dueAt" || key === "trackerUrl")) out[key] = null;
  }
  return out;
}
