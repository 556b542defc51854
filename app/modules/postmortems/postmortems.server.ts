// Generating a post-mortem from a resolved incident, and reading one back. Generation is one
// transaction: the post-mortem, its sections, the audit row; a second attempt is a 409.
import type { Actor } from "~/modules/auth/actor.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { orderedContributors } from "~/modules/two-person-rule/contributors.ts";
import { incidentRef } from "~/utils/incident-links.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import { newId } from "~/utils/ids.ts";
import { docText, type PmDoc } from "./document.ts";
import { generateSections, postmortemTitle } from "./generate.ts";
import { readingDoc, storedParts } from "./parts.ts";
import { sectionTemplateOverrides } from "./section-templates.server.ts";
import { sectionDefinition, type PostmortemStateName, type SectionKey } from "./sections.ts";
import { loadSource } from "./source.server.ts";
import type { PostmortemView } from "./view.ts";

const EMPTY_DOC: PmDoc = { type: "doc", content: [] };

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === "P2002";

/** Generates the first draft. 409 when the incident is not resolved or already has one. */
export async function createPostmortem(actor: Actor, incidentId: string): Promise<NonNullable<PostmortemView>> {
  let id: string;
  try {
    id = await db.$transaction(async (tx) => {
      const existing = await tx.postmortem.findUnique({ where: { incidentId }, select: { id: true } });
      if (existing) fail("conflict", "This incident already has a post-mortem.", { postmortemId: existing.id });
      const source = await loadSource(tx, incidentId);
      if (!source) notFound("Incident");
      if (!source.incident.resolvedAt)
        fail("conflict", "Resolve the incident before writing its post-mortem: the numbers need its resolution time.");
      const sections = generateSections(source, { zone: actor.timeZone, templates: await sectionTemplateOverrides(tx) });
      const postmortemId = newId();
      await tx.postmortem.create({
        data: {
          id: postmortemId,
          incidentId,
          title: postmortemTitle(source),
          authorId: actor.userId,
          contributors: { create: { userId: actor.userId } },
        },
      });
      // The generated part is kept apart from what people write, which starts empty (decision 0042).
      const now = new Date();
      await tx.postmortemSection.createMany({
        data: sections.map((s) => ({
          id: newId(),
          postmortemId,
          key: s.key,
          position: s.position,
          doc: EMPTY_DOC as unknown as object,
          generated: s.doc as unknown as object,
          generatedAt: now,
          text: docText(s.doc),
        })),
      });
      const contributors = [{ id: actor.userId, name: actor.name }];
      const after = { incidentId, sections: sections.length, contributors };
      await recordAudit(tx, actor, { action: "postmortem.generated", entityType: "Postmortem", entityId: postmortemId, after });
      return postmortemId;
    });
  } catch (error) {
    // Two people pressing "Generate" at once: the second finds the first one's.
    if (isUniqueViolation(error)) fail("conflict", "This incident already has a post-mortem.");
    throw error;
  }
  return requirePostmortem(id);
}

async function readPostmortem(tx: Tx, id: string): Promise<PostmortemView | null> {
  const row = await tx.postmortem.findUnique({
    where: { id },
    include: {
      incident: {
        select: {
          id: true,
          number: true,
          title: true,
          severity: true,
          status: true,
          summary: true,
          startedAt: true,
          detectedAt: true,
          acknowledgedAt: true,
          mitigatedAt: true,
          resolvedAt: true,
          publicStatus: true,
        },
      },
      author: { select: { id: true, name: true } },
      approvedBy: { select: { id: true, name: true } },
      sections: { orderBy: { position: "asc" } },
      actionItems: { orderBy: [{ createdAt: "asc" }], include: { owner: { select: { id: true, name: true, email: true } } } },
      changes: { orderBy: { at: "asc" }, include: { actor: { select: { id: true, name: true } } } },
      contributors: { select: { since: true, user: { select: { id: true, name: true } } } },
    },
  });
  if (!row) return null;
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: row.id,
    title: row.title,
    state: row.state as PostmortemStateName,
    revision: row.revision,
    author: row.author,
    /** everyone who wrote any of its text, the author first (decision 29) */
    contributors: orderedContributors(
      row.authorId,
      row.contributors.map((c) => ({ ...c.user, since: c.since })),
    ),
    approvedBy: row.approvedBy,
    submittedAt: iso(row.submittedAt),
    approvedAt: iso(row.approvedAt),
    publishedAt: iso(row.publishedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    incident: {
      id: row.incident.id,
      ref: incidentRef(row.incident.number),
      title: row.incident.title,
      severity: row.incident.severity,
      status: row.incident.status,
      startedAt: row.incident.startedAt.toISOString(),
      detectedAt: row.incident.detectedAt.toISOString(),
      acknowledgedAt: iso(row.incident.acknowledgedAt),
      mitigatedAt: iso(row.incident.mitigatedAt),
      resolvedAt: iso(row.incident.resolvedAt),
    },
    sections: row.sections.map((s) => {
      const definition = sectionDefinition(s.key);
      const parts = storedParts(s);
      return {
        key: s.key as SectionKey,
        title: definition?.title ?? s.key,
        source: definition?.source ?? "written",
        prompts: definition?.prompts ?? [],
        /** the whole section in reading order: the generated part, then what people wrote */
        doc: readingDoc(parts) as PmDoc,
        /** the part generated from the incident, shown read-only; null when stored before decision 0042 (it is inside `written`) */
        generated: parts.generated,
        generatedAt: iso(s.generatedAt),
        /** what people wrote: the live document's part */
        written: parts.written,
        updatedAt: s.updatedAt.toISOString(),
      };
    }),
    actionItems: row.actionItems.map((a) => ({
      id: a.id,
      title: a.title,
      kind: a.kind,
      priority: a.priority,
      state: a.state,
      owner: a.owner,
      dueAt: iso(a.dueAt),
      trackerUrl: a.trackerUrl,
      closedAt: iso(a.closedAt),
      createdAt: a.createdAt.toISOString(),
    })),
    changes: row.changes.map((c) => ({
      id: c.id,
      action: c.action,
      fromState: c.fromState,
      toState: c.toState,
      note: c.note,
      actor: c.actor,
      at: c.at.toISOString(),
    })),
  };
}

export async function getPostmortem(id: string): Promise<PostmortemView | null> {
  return db.$transaction((tx) => readPostmortem(tx, id));
}

/** The post-mortem of an incident, by the incident's id. */
export async function findPostmortemIdOfIncident(incidentId: string): Promise<string | null> {
  const row = await db.$transaction((tx) => tx.postmortem.findUnique({ where: { incidentId }, select: { id: true } }));
  return row?.id ?? null;
}

export async function requirePostmortem(id: string): Promise<NonNullable<PostmortemView>> {
  const view = await getPostmortem(id);
  if (!view) notFound("Post-mortem");
  return view;
}
