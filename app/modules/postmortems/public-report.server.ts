// Drafting the public root-cause report of a post-mortem: a status-page update with status
// "postmortem" that then goes through the comms tab like any update (a second person always
// approves it), is published under the incident and notifies subscribers.
import type { Actor } from "~/modules/auth/actor.ts";
import { TemplateError } from "~/modules/notices/liquid.ts";
import { createUpdate } from "~/modules/updates/drafts.server.ts";
import type { UpdateView } from "~/modules/updates/views.ts";
import { db } from "~/utils/db.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import { sanitizeDoc, type PmDoc } from "./document.ts";
import {
  DEFAULT_PUBLIC_REPORT_TEMPLATE,
  PUBLIC_REPORT_TEMPLATE_KEY,
  renderPublicReport,
  reportRefusal,
  type ReportInput,
} from "./public-report.ts";
import type { SectionKey } from "./sections.ts";
import { loadSource } from "./source.server.ts";

async function reportInput(
  postmortemId: string,
): Promise<{ incidentId: string; input: ReportInput; template: string; pendingId: string | null; public: boolean }> {
  return db.$transaction(async (tx) => {
    const pm = await tx.postmortem.findUnique({
      where: { id: postmortemId },
      include: {
        sections: { select: { key: true, doc: true } },
        actionItems: {
          where: { kind: { in: ["mitigate", "prevent"] }, state: { not: "wont_do" } },
          orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
        },
        incident: { select: { publishedAt: true } },
      },
    });
    if (!pm) notFound("Post-mortem");
    const source = (await loadSource(tx, pm.incidentId))!;
    const pending = await tx.statusUpdate.findFirst({
      where: { incidentId: pm.incidentId, status: "postmortem", state: { not: "published" } },
      select: { id: true },
    });
    const override = await tx.template.findUnique({ where: { key: PUBLIC_REPORT_TEMPLATE_KEY } });
    const sections: Partial<Record<SectionKey, PmDoc>> = {};
    for (const s of pm.sections) sections[s.key as SectionKey] = sanitizeDoc(s.doc);
    return {
      incidentId: pm.incidentId,
      input: { source, sections, commitments: pm.actionItems.map((a) => ({ title: a.title, dueAt: a.dueAt })) },
      template: override?.source ?? DEFAULT_PUBLIC_REPORT_TEMPLATE,
      pendingId: pending?.id ?? null,
      public: pm.incident.publishedAt !== null,
    };
  });
}

/** Drafts the report; 409 with the reason when it cannot be drafted yet. */
export async function draftPublicReport(actor: Actor, postmortemId: string): Promise<UpdateView> {
  const { incidentId, input, template, pendingId, public: wasPublic } = await reportInput(postmortemId);
  if (!wasPublic) fail("conflict", "This incident was never on the status page, so it has no public root-cause report.");
  if (pendingId) fail("conflict", "A root-cause report is already waiting in the comms tab: edit that one.", { updateId: pendingId });
  const refusal = reportRefusal(input);
  if (refusal) fail("conflict", refusal);
  let body: string;
  try {
    body = renderPublicReport(input, template);
  } catch (error) {
    if (error instanceof TemplateError) fail("invalid", `The root-cause report template cannot be used: ${error.message}`);
    throw error;
  }
  return createUpdate(actor, incidentId, { status: "postmortem", body, notify: true, components: [], publish: false });
}

export type PublicReportStatus = { id: string; state: string; publishedAt: string | null } | null;

/** The incident's latest root-cause report, for the post-mortem page's panel. */
export async function publicReportStatus(incidentId: string): Promise<PublicReportStatus> {
  const row = await db.$transaction((tx) =>
    tx.statusUpdate.findFirst({
      where: { incidentId, status: "postmortem" },
      orderBy: { createdAt: "desc" },
      select: { id: true, state: true, publishedAt: true },
    }),
  );
  return row ? { id: row.id, state: row.state, publishedAt: row.publishedAt?.toISOString() ?? null } : null;
}
