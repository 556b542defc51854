// The organisation's public settings: page name, public URL, time zone, uptime weighting.
import { z } from "zod";
import type { Actor } from "~/modules/auth/actor.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { db } from "~/utils/db.server.ts";
import { env, publicUrl } from "~/utils/env.server.ts";
import { newId } from "~/utils/ids.ts";
import { TimeZoneField } from "~/utils/time-zones.ts";
import { hostAllowed, parseAllowedHosts } from "./allowed-hosts.ts";
import { refreshStatusPage } from "./store.server.ts";
import type { Settings } from "./settings.ts";

/** Every installation has its organisation row and a public page id, also without demo data. */
export async function ensureOrganization(): Promise<void> {
  await db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: "org" } });
    if (!org) await tx.organization.create({ data: { id: "org", name: "Status", publicUrl: publicUrl(), pageId: newId() } });
    else if (!org.pageId) await tx.organization.update({ where: { id: "org" }, data: { pageId: newId() } });
  });
}

export const SettingsSchema = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(100),
    publicUrl: z
      .string()
      .trim()
      .url("must be a URL such as https://status.example.com")
      .max(300)
      .refine((u) => /^https?:\/\//.test(u), "must start with http:// or https://")
      .refine(
        (u) => hostAllowed(u, parseAllowedHosts(env().ALLOWED_HOSTS)),
        "must be on a host in ALLOWED_HOSTS (links in emails point there)",
      ),
    timeZone: TimeZoneField,
    uptimePartialWeight: z.coerce
      .number({ message: "must be a number" })
      .min(0, "must be between 0 and 1")
      .max(1, "must be between 0 and 1"),
    uptimeDegradedWeight: z.coerce
      .number({ message: "must be a number" })
      .min(0, "must be between 0 and 1")
      .max(1, "must be between 0 and 1"),
  })
  .strict() satisfies z.ZodType<Settings>;

export async function getSettings(): Promise<Settings> {
  const org = await db.$transaction((tx) => tx.organization.findUniqueOrThrow({ where: { id: "org" } }));
  return {
    name: org.name,
    publicUrl: org.publicUrl,
    timeZone: org.timeZone,
    uptimePartialWeight: org.uptimePartialWeight,
    uptimeDegradedWeight: org.uptimeDegradedWeight,
  };
}

export async function saveSettings(actor: Actor, settings: Settings): Promise<Settings> {
  await db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: "org" } });
    await tx.organization.update({ where: { id: "org" }, data: { ...settings, publicUrl: settings.publicUrl.replace(/\/+$/, "") } });
    await recordAudit(tx, actor, {
      action: "settings.updated",
      entityType: "Organization",
      entityId: "org",
      before: {
        name: before.name,
        publicUrl: before.publicUrl,
        timeZone: before.timeZone,
        uptimePartialWeight: before.uptimePartialWeight,
        uptimeDegradedWeight: before.uptimeDegradedWeight,
      },
      after: settings,
    });
  });
  await refreshStatusPage();
  return getSettings();
}
