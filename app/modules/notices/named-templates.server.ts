// Named update templates as admins keep them: listed per status, added, renamed, edited and
// deleted (each audited), and found by comms by id, key or name. A template is checked like
// a status's default before it is stored (update-check.ts).
import type { Actor } from "~/modules/auth/actor.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import { newId } from "~/utils/ids.ts";
import {
  MAX_NAMED_TEMPLATES_PER_STATUS,
  namedTemplateKey,
  parseTemplateKey,
  templateSlug,
  type NamedTemplateInput,
  type NamedTemplatePatch,
  type NamedTemplateView,
} from "./named-templates.ts";
import { withArticle } from "./grammar.ts";
import { updateTemplateProblem } from "./update-check.ts";
import { UPDATE_TEMPLATE_STATUSES, type UpdateTemplateStatus } from "./update-defaults.ts";

type Row = { id: string; status: string; name: string; slug: string; source: string; createdAt: Date; updatedAt: Date };

function view(row: Row): NamedTemplateView {
  const status = row.status as UpdateTemplateStatus;
  return {
    id: row.id,
    key: namedTemplateKey(status, row.slug),
    status,
    name: row.name,
    source: row.source,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const order = (a: Row, b: Row) =>
  UPDATE_TEMPLATE_STATUSES.indexOf(a.status as UpdateTemplateStatus) - UPDATE_TEMPLATE_STATUSES.indexOf(b.status as UpdateTemplateStatus) ||
  a.name.localeCompare(b.name);

/** Every named template, by status then name; those of one status when given. */
export async function listNamedTemplates(status?: UpdateTemplateStatus): Promise<NamedTemplateView[]> {
  const rows = await db.$transaction((tx) => tx.namedTemplate.findMany({ where: status ? { status } : {} }));
  return rows.sort(order).map(view);
}

/** By id or by key (update.<status>.<slug>). */
async function findRow(tx: Tx, ref: string): Promise<Row | null> {
  const key = parseTemplateKey(ref);
  if (key?.slug) return tx.namedTemplate.findUnique({ where: { status_slug: { status: key.status, slug: key.slug } } });
  return tx.namedTemplate.findUnique({ where: { id: ref } });
}

export async function getNamedTemplate(ref: string): Promise<NamedTemplateView> {
  const row = await db.$transaction((tx) => findRow(tx, ref));
  if (!row) notFound("Template");
  return view(row);
}

/**
 * The named template of `status` that comms asked for, by id, key or name (any case); 422 on
 * `field` when there is none, so a draft never goes out with another text than the one chosen.
 */
export async function namedTemplateForDraft(status: UpdateTemplateStatus, ref: string, field = "template"): Promise<NamedTemplateView> {
  const rows = await db.$transaction((tx) => tx.namedTemplate.findMany({ where: { status } }));
  const slug = templateSlug(ref);
  const key = parseTemplateKey(ref);
  const row = rows.find(
    (r) =>
      r.id === ref ||
      (key?.status === status && key.slug === r.slug) ||
      r.name.toLowerCase() === ref.trim().toLowerCase() ||
      (slug !== "" && r.slug === slug),
  );
  if (!row) fail("invalid", "Some fields are not valid.", { [field]: `no ${status} template is called “${ref.slice(0, 80)}”` });
  return view(row);
}

function refuseBroken(source: string, status: UpdateTemplateStatus) {
  const problem = updateTemplateProblem(source, status);
  if (problem) fail("invalid", `The template was not saved. ${problem}`, { source: problem });
}

async function refuseTakenName(tx: Tx, status: UpdateTemplateStatus, slug: string, except?: string) {
  const taken = await tx.namedTemplate.findUnique({ where: { status_slug: { status, slug } } });
  if (taken && taken.id !== except)
    fail("conflict", `There is already ${withArticle(status)} template called “${taken.name}”.`, {
      name: "a template of this status already has this name",
    });
}

export async function createNamedTemplate(actor: Actor, input: NamedTemplateInput): Promise<NamedTemplateView> {
  refuseBroken(input.source, input.status);
  const slug = templateSlug(input.name);
  const id = newId();
  await db.$transaction(async (tx) => {
    await refuseTakenName(tx, input.status, slug);
    const count = await tx.namedTemplate.count({ where: { status: input.status } });
    if (count >= MAX_NAMED_TEMPLATES_PER_STATUS) {
      fail("conflict", `A status may have at most ${MAX_NAMED_TEMPLATES_PER_STATUS} named templates; delete one first.`, {
        status: "has the most named templates allowed",
      });
    }
    await tx.namedTemplate.create({
      data: {
        id,
        status: input.status,
        name: input.name,
        slug,
        source: input.source,
        createdById: actor.userId,
        updatedById: actor.userId,
      },
    });
    await recordAudit(tx, actor, {
      action: "template.created",
      entityType: "Template",
      entityId: id,
      after: { key: namedTemplateKey(input.status, slug), ...input },
    });
  });
  return getNamedTemplate(id);
}

/** Renames and/or rewrites a named template; its id stays, its key follows the name. */
export async function updateNamedTemplate(actor: Actor, ref: string, patch: NamedTemplatePatch): Promise<NamedTemplateView> {
  const id = await db.$transaction(async (tx) => {
    const before = await findRow(tx, ref);
    if (!before) notFound("Template");
    const status = before.status as UpdateTemplateStatus;
    if (patch.source !== undefined) refuseBroken(patch.source, status);
    const slug = patch.name !== undefined ? templateSlug(patch.name) : before.slug;
    if (slug !== before.slug) await refuseTakenName(tx, status, slug, before.id);
    await tx.namedTemplate.update({
      where: { id: before.id },
      data: { name: patch.name, slug, source: patch.source, updatedById: actor.userId },
    });
    await recordAudit(tx, actor, {
      action: patch.name !== undefined && patch.name !== before.name ? "template.renamed" : "template.saved",
      entityType: "Template",
      entityId: before.id,
      before: { key: namedTemplateKey(status, before.slug), name: before.name, source: before.source },
      after: { key: namedTemplateKey(status, slug), name: patch.name ?? before.name, source: patch.source ?? before.source },
    });
    return before.id;
  });
  return getNamedTemplate(id);
}

export async function deleteNamedTemplate(actor: Actor, ref: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await findRow(tx, ref);
    if (!before) notFound("Template");
    await tx.namedTemplate.delete({ where: { id: before.id } });
    await recordAudit(tx, actor, { action: "template.deleted", entityType: "Template", entityId: before.id, before: view(before) });
  });
}
