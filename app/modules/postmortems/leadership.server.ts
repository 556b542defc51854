// What the leadership page and the Markdown export read: the post-mortem as stored, plus the
// incident's impact windows, regions and published updates, from which the headline numbers
// and key moments are worked out live (headline.ts). Two queries, run side by side.
import type { ComponentImpactName } from "~/modules/incidents/lifecycle.ts";
import { db } from "~/utils/db.server.ts";
import { notFound } from "~/utils/http.server.ts";
import { headlineNumbers, keyMoments, type IncidentFacts } from "./headline.ts";
import { getPostmortem } from "./postmortems.server.ts";

/** A post-mortem by its id, or by its incident's reference ("INC-3"). */
async function postmortemIdFor(idOrRef: string): Promise<string | null> {
  const ref = /^INC-(\d{1,9})$/i.exec(idOrRef);
  if (!ref) return idOrRef;
  const row = await db.postmortem.findFirst({ where: { incident: { number: Number(ref[1]) } }, select: { id: true } });
  return row?.id ?? null;
}

async function loadFacts(postmortemId: string): Promise<(IncidentFacts & { commander: string | null }) | null> {
  const row = await db.postmortem.findUnique({
    where: { id: postmortemId },
    select: {
      incident: {
        select: {
          startedAt: true,
          detectedAt: true,
          acknowledgedAt: true,
          mitigatedAt: true,
          resolvedAt: true,
          commander: { select: { name: true } },
          components: {
            orderBy: { startedAt: "asc" },
            select: { componentId: true, impact: true, startedAt: true, endedAt: true, component: { select: { name: true } } },
          },
          regions: { select: { region: { select: { name: true, position: true } } } },
          updates: {
            where: { state: "published" },
            orderBy: { publishedAt: "asc" },
            select: { id: true, status: true, body: true, publishedAt: true, nextUpdateAt: true },
          },
        },
      },
    },
  });
  if (!row) return null;
  const i = row.incident;
  return {
    milestones: {
      startedAt: i.startedAt,
      detectedAt: i.detectedAt,
      acknowledgedAt: i.acknowledgedAt,
      mitigatedAt: i.mitigatedAt,
      resolvedAt: i.resolvedAt,
    },
    commander: i.commander?.name ?? null,
    impacts: i.components.map((c) => ({
      componentId: c.componentId,
      component: c.component.name,
      impact: c.impact as ComponentImpactName,
      startedAt: c.startedAt,
      endedAt: c.endedAt,
    })),
    regions: i.regions
      .sort((a, b) => a.region.position - b.region.position || a.region.name.localeCompare(b.region.name))
      .map((r) => r.region.name),
    updates: i.updates.map((u) => ({
      id: u.id,
      status: u.status,
      body: u.body,
      publishedAt: u.publishedAt!,
      nextUpdateAt: u.nextUpdateAt,
    })),
  };
}

export type LeadershipReport = Awaited<ReturnType<typeof requireLeadershipReport>>;

/** The post-mortem with its headline numbers and key moments; a 404 when there is none. */
export async function requireLeadershipReport(idOrRef: string, now = new Date()) {
  const id = await postmortemIdFor(idOrRef);
  const [postmortem, facts] = id ? await Promise.all([getPostmortem(id), loadFacts(id)]) : [null, null];
  if (!postmortem || !facts) notFound("Post-mortem");
  return {
    postmortem,
    commander: facts.commander,
    numbers: headlineNumbers(facts, now),
    moments: keyMoments(facts, now),
    now: now.toISOString(),
  };
}
