// Input shapes of notice templates, shared by the admin page and the API.
import { z } from "zod";
import { NOTICE_KINDS } from "./notice-defaults.ts";
import { PREVIEW_CASE_IDS } from "./preview-cases.ts";
import { MAX_TEMPLATE_LENGTH } from "./liquid.ts";

export const NoticeKindSchema = z.enum(NOTICE_KINDS, { message: `must be one of ${NOTICE_KINDS.join(", ")}` });

const Part = z.string().max(MAX_TEMPLATE_LENGTH, `must be at most ${MAX_TEMPLATE_LENGTH} characters`);

/** The parts to replace; a part left out stays as it is. */
export const NoticeTemplatePatchSchema = z
  .object({ subject: Part.optional(), text: Part.optional(), html: Part.optional() })
  .strict()
  .refine((t) => t.subject !== undefined || t.text !== undefined || t.html !== undefined, {
    message: "give at least one of subject, text, html",
  });

/** All three parts, as the admin page posts them; a preview may name a preview case ("" for the latest real update). */
export const NoticeTemplateFormSchema = z.object({
  kind: NoticeKindSchema,
  subject: Part,
  text: Part,
  html: Part,
  case: z.union([z.literal(""), z.enum(PREVIEW_CASE_IDS, { message: `must be one of ${PREVIEW_CASE_IDS.join(", ")}` })]).optional(),
});
