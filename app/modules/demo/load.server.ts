// Loads the demo story (demo/story.ts) into an empty database, in one transaction.
// Runs on the first start of an empty database (app/startup.server.ts).
import { hashPassword } from "~/modules/auth/password.server.ts";
import { docJson, textToDoc, docToText } from "~/modules/timeline/document.ts";
import { ENTRY_INCLUDE, entryView } from "~/modules/timeline/view.ts";
import { INCIDENT_INCLUDE, incidentView } from "~/modules/incidents/view.server.ts";
import type { Tx } from "~/utils/db.server.ts";
import { withIncidentChanges } from "~/modules/timeline/record-change.server.ts";
import { publicUrl } from "~/utils/env.server.ts";
import { newId } from "~/utils/ids.ts";
import * as story from "./story.ts";
import { loadOutagePostmortem } from "./load-postmortem.server.ts";
import { loadPublicSide } from "./load-public.server.ts";
import { namedTemplates } from "./templates.ts";
import { templateSlug } from "~/modules/notices/named-templates.ts";

const MINUTE = 60_000;

function incidentStart(incident: story.SeedIncident, now: Date): Date {
  if (incident.daysAgo < 1) return new Date(now.getTime() - incident.daysAgo * 24 * 60 * MINUTE);
  const day = new Date(now.getTime() - incident.daysAgo * 24 * 60 * MINUTE);
  day.setUTCHours(incident.hourUtc, incident.minuteUtc, 0, 0);
  return day;
}

export async function loadDemoData(now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(story.DEMO_PASSWORD);
  // its updates are published the way the comms tab publishes them: changes of their incidents
  await withIncidentChanges(
    async (tx) => {
      await tx.organization.create({ data: { id: "org", ...story.organization, publicUrl: publicUrl(), pageId: newId() } });
      const regionIds = new Map<string, string>();
      for (const [position, r] of story.regions.entries()) {
        const id = newId();
        regionIds.set(r.slug, id);
        await tx.region.create({ data: { id, slug: r.slug, name: r.name, position } });
      }
      const componentIds = new Map<string, string>();
      const addComponent = async (
        c: { key: string; name: string; description: string; regions?: string[] },
        position: number,
        extra: { isGroup?: boolean; groupId?: string },
      ) => {
        const id = newId();
        componentIds.set(c.key, id);
        await tx.component.create({
          data: {
            id,
            name: c.name,
            description: c.description,
            position,
            createdAt: new Date(now.getTime() - 400 * 24 * 60 * MINUTE),
            ...extra,
            regions: { create: (c.regions ?? []).map((slug) => ({ regionId: regionIds.get(slug)! })) },
          },
        });
        return id;
      };
      let position = 1;
      for (const group of story.componentGroups) {
        const groupId = await addComponent(group, position++, { isGroup: true });
        for (const [i, member] of group.members.entries()) await addComponent(member, i + 1, { groupId });
      }
      for (const c of story.standaloneComponents) await addComponent(c, position++, {});

      const userIds = new Map<string, string>();
      for (const u of story.users) {
        const id = newId();
        userIds.set(u.key, id);
        await tx.user.create({ data: { id, name: u.name, email: u.email, role: u.role, timeZone: u.timeZone, passwordHash } });
      }
      for (const [i, incident] of story.incidents.entries()) {
        await loadIncident(tx, incident, i + 1, { now, componentIds, regionIds, userIds });
      }
      await tx.organization.update({ where: { id: "org" }, data: { incidentCounter: story.incidents.length } });
      await loadPublicSide(tx, { now, componentIds, userIds });
      const editor = userIds.get("elena")!;
      for (const t of namedTemplates) {
        const slug = templateSlug(t.name);
        await tx.namedTemplate.create({ data: { id: newId(), ...t, slug, createdById: editor, updatedById: editor, createdAt: now } });
      }
      await loadOutagePostmortem(tx, userIds);
    },
    { timeout: 60_000 },
  );
}

async function loadIncident(
  tx: Tx,
  incident: story.SeedIncident,
  number: number,
  ids: { now: Date; componentIds: Map<string, string>; regionIds: Map<string, string>; userIds: Map<string, string> },
) {
  const start = incidentStart(incident, ids.now);
  const at = (minutes: number | null) => (minutes === null ? null : new Date(start.getTime() + minutes * MINUTE));
  const user = (key: string | null) => (key ? ids.userIds.get(key)! : null);
  const id = newId();
  await tx.incident.create({
    data: {
      id,
      number,
      title: incident.title,
      summary: incident.summary,
      severity: incident.severity,
      status: incident.status,
      startedAt: start,
      detectedAt: at(incident.detectedAfterMin)!,
      acknowledgedAt: at(incident.acknowledgedAfterMin),
      mitigatedAt: at(incident.mitigatedAfterMin),
      resolvedAt: at(incident.resolvedAfterMin),
      commanderId: user(incident.commander),
      commsLeadId: user(incident.commsLead),
      scribeId: user(incident.scribe),
      declaredById: user(incident.declaredBy)!,
      createdAt: at(incident.detectedAfterMin)!,
      components: {
        create: incident.components.map((c) => ({
          id: newId(),
          componentId: ids.componentIds.get(c.key)!,
          impact: c.impact,
          startedAt: at(c.fromMin)!,
          endedAt: at(c.toMin),
        })),
      },
      regions: { create: incident.regions.map((slug) => ({ regionId: ids.regionIds.get(slug)! })) },
    },
  });
  let seq = 0;
  for (const entry of incident.timeline) {
    seq += 1;
    const doc = textToDoc(entry.text);
    const row = await tx.timelineEntry.create({
      data: {
        id: newId(),
        incidentId: id,
        seq,
        kind: entry.kind,
        doc: docJson(doc),
        text: docToText(doc),
        occurredAt: at(entry.minutes)!,
        createdAt: at(Math.max(entry.minutes, 0))!,
        authorId: user(entry.author),
        pinned: entry.pinned ?? false,
      },
      include: ENTRY_INCLUDE,
    });
    await tx.incidentEvent.create({
      data: { incidentId: id, seq, type: "timeline.created", data: JSON.parse(JSON.stringify(entryView(row))) },
    });
  }
  seq += 1;
  await tx.incident.update({ where: { id }, data: { lastSeq: seq } });
  const view = incidentView((await tx.incident.findUnique({ where: { id }, include: INCIDENT_INCLUDE }))!);
  await tx.incidentEvent.create({ data: { incidentId: id, seq, type: "incident.updated", data: JSON.parse(JSON.stringify(view)) } });
}
