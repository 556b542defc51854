// Named update templates: several per status beside the default ("Third-party outage",
// "Degraded performance in one region"), picked by comms when drafting. Their key is
// update.<status>.<slug>, the slug made from the name; the id stays when the name changes.
// The input shapes are shared by the admin page and the API. Pure.
import { z } from "zod";
import { MAX_TEMPLATE_LENGTH } from "./liquid.ts";
import { UPDATE_TEMPLATE_STATUSES, type UpdateTemplateStatus } from "./update-defaults.ts";

export const MAX_NAMED_TEMPLATES_PER_STATUS = 25;
export const MAX_TEMPLATE_NAME = 80;

/** "Third-party outage" → "third-party-outage"; letters of any script are kept, accents dropped. */
export function templateSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

export function namedTemplateKey(status: UpdateTemplateStatus, slug: string): string {
  return `update.${status}.${slug}`;
}

/** "update.investigating" → the status's default; "update.investigating.third-party-outage" → a named one. */
export function parseTemplateKey(key: string): { status: UpdateTemplateStatus; slug: string | null } | null {
  const match = /^update\.([a-z]+)(?:\.(.+))?$/.exec(key);
  const status = UPDATE_TEMPLATE_STATUSES.find((s) => s === match?.[1]);
  return status ? { status, slug: match![2] ?? null } : null;
}

const StatusSchema = z.enum(UPDATE_TEMPLATE_STATUSES, { message: `must be one of ${UPDATE_TEMPLATE_STATUSES.join(", ")}` });

export const TemplateNameSchema = z
  .string({ message: "must be text" })
  .trim()
  .min(1, "must not be empty")
  .max(MAX_TEMPLATE_NAME, `must be at most ${MAX_TEMPLATE_NAME} characters`)
  .refine((name) => templateSlug(name) !== "", "must contain a letter or a digit");

const SourceSchema = z.string({ message: "must be text" }).max(MAX_TEMPLATE_LENGTH, `must be at most ${MAX_TEMPLATE_LENGTH} characters`);

export const NamedTemplateCreateSchema = z.object({ status: StatusSchema, name: TemplateNameSchema, source: SourceSchema }).strict();
export type NamedTemplateInput = z.output<typeof NamedTemplateCreateSchema>;

export const NamedTemplatePatchSchema = z
  .object({ name: TemplateNameSchema.optional(), source: SourceSchema.optional() })
  .strict()
  .refine((p) => p.name !== undefined || p.source !== undefined, { message: "give a name, a source, or both" });
export type NamedTemplatePatch = z.output<typeof NamedTemplatePatchSchema>;

/** A named template as the admin page, the comms tab and the API show it. */
export type NamedTemplateView = {
  id: string;
  key: string;
  status: UpdateTemplateStatus;
  name: string;
  source: string;
  createdAt: string;
  updatedAt: string;
};
