// Email notices as an admin left them: each part (subject, text, HTML) of each kind is the
// shipped default unless a Template row `notice.<kind>.<part>` replaces it. Saving fills the
// notice with the latest real update first, so a broken one is refused at the door (422
// naming the part, with liquid's reason), not discovered while subscribers wait.
import type { Actor } from "~/modules/auth/actor.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { fail } from "~/utils/http.server.ts";
import { noticePreviewData } from "./notice-context.server.ts";
import {
  DEFAULT_NOTICES,
  NOTICE_KIND_LABELS,
  NOTICE_KINDS,
  NOTICE_PARTS,
  noticeTemplateKey,
  type NoticeKind,
  type NoticePart,
  type NoticeTemplate,
} from "./notice-defaults.ts";
import { noticeCaseVariables } from "./notice-cases.ts";
import { PREVIEW_CASES, type PreviewCaseId } from "./preview-cases.ts";
import { noticeTemplateProblems, renderNoticeInSlices } from "./render-notice.ts";
import type { NoticeTemplateView, NoticePreview } from "./notice-views.ts";

type TemplateRow = { key: string; source: string; updatedAt: Date };

/** The notice's sources and which parts are the admin's (those are sanitized when sent). */
export type EffectiveNotice = { template: NoticeTemplate; customised: Record<NoticePart, boolean> & { any: boolean } };

const prefix = (kind: NoticeKind) => `notice.${kind}.`;

function effective(kind: NoticeKind, rows: TemplateRow[]): EffectiveNotice & { updatedAt: Date | null } {
  const row = (part: NoticePart) => rows.find((r) => r.key === noticeTemplateKey(kind, part));
  const template = Object.fromEntries(NOTICE_PARTS.map((p) => [p, row(p)?.source ?? DEFAULT_NOTICES[kind][p]])) as NoticeTemplate;
  const customised = Object.fromEntries(NOTICE_PARTS.map((p) => [p, Boolean(row(p))])) as Record<NoticePart, boolean>;
  const times = rows.filter((r) => r.key.startsWith(prefix(kind))).map((r) => r.updatedAt.getTime());
  return { template, customised: { ...customised, any: times.length > 0 }, updatedAt: times.length ? new Date(Math.max(...times)) : null };
}

/** One notice as it is sent now; one query, for a batch of emails. */
export async function loadNoticeTemplate(tx: Tx, kind: NoticeKind): Promise<EffectiveNotice> {
  const { template, customised } = effective(kind, await tx.template.findMany({ where: { key: { startsWith: prefix(kind) } } }));
  return { template, customised };
}

export async function listNoticeTemplates(): Promise<NoticeTemplateView[]> {
  const rows = await db.$transaction((tx) => tx.template.findMany({ where: { key: { startsWith: "notice." } } }));
  return NOTICE_KINDS.map((kind) => {
    const notice = effective(kind, rows);
    const parts = Object.fromEntries(
      NOTICE_PARTS.map((p) => [
        p,
        { source: notice.template[p], isDefault: !notice.customised[p], defaultSource: DEFAULT_NOTICES[kind][p] },
      ]),
    ) as NoticeTemplateView["parts"];
    return {
      kind,
      label: NOTICE_KIND_LABELS[kind],
      parts,
      isDefault: !notice.customised.any,
      updatedAt: notice.updatedAt?.toISOString() ?? null,
    };
  });
}

/**
 * `template` filled as a subscriber would get it, or why it cannot be: with the latest real
 * update, or with one of the preview cases that applies to this notice.
 */
export async function previewNotice(kind: NoticeKind, template: NoticeTemplate, caseId?: PreviewCaseId): Promise<NoticePreview> {
  const fromCase = caseId ? noticeCaseVariables(kind, caseId) : null;
  const label = PREVIEW_CASES.find((c) => c.id === caseId)?.label.toLowerCase();
  const data = fromCase
    ? { variables: fromCase, source: caseId === "maintenance" ? "the maintenance preview case" : `the preview incident with ${label}` }
    : await db.$transaction((tx) => noticePreviewData(tx, kind));
  const errors = await noticeTemplateProblems(template, data.variables);
  if (Object.keys(errors).length) return { errors, ...data };
  const sanitize = template.html !== DEFAULT_NOTICES[kind].html;
  const { ms: _ms, ...rendered } = await renderNoticeInSlices(template, data.variables, { sanitizeHtml: sanitize });
  return { ...rendered, ...data };
}

/**
 * Saves an admin's parts of a notice (a part left out stays as it is; a part equal to the
 * shipped one is stored as the default); null puts all three back to the shipped notice.
 */
export async function saveNoticeTemplate(
  actor: Actor,
  kind: NoticeKind,
  parts: Partial<NoticeTemplate> | null,
): Promise<NoticeTemplateView> {
  let next: NoticeTemplate | null = null;
  if (parts !== null) {
    const current = await db.$transaction((tx) => loadNoticeTemplate(tx, kind));
    next = { ...current.template, ...parts };
    const data = await db.$transaction((tx) => noticePreviewData(tx, kind));
    const problems = await noticeTemplateProblems(next, data.variables);
    const first = NOTICE_PARTS.find((p) => problems[p]);
    if (first) fail("invalid", `The ${NOTICE_KIND_LABELS[kind].toLowerCase()} notice was not saved. ${problems[first]}`, problems);
  }
  await db.$transaction(async (tx) => {
    const before = await tx.template.findMany({ where: { key: { startsWith: prefix(kind) } } });
    for (const part of NOTICE_PARTS) {
      const key = noticeTemplateKey(kind, part);
      const source = next?.[part];
      if (source === undefined || source === DEFAULT_NOTICES[kind][part]) await tx.template.deleteMany({ where: { key } });
      else
        await tx.template.upsert({
          where: { key },
          create: { key, source, updatedById: actor.userId },
          update: { source, updatedById: actor.userId },
        });
    }
    await recordAudit(tx, actor, {
      action: next ? "template.saved" : "template.reset",
      entityType: "Template",
      entityId: `notice.${kind}`,
      before: before.length ? Object.fromEntries(before.map((r) => [r.key, r.source])) : undefined,
      after: next ?? undefined,
    });
  });
  return (await listNoticeTemplates()).find((t) => t.kind === kind)!;
}
