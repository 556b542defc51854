// The organisation's public settings as the admin form shows them (organization.server.ts checks them
// with SettingsSchema, whose output must fit this type, and stores them). Pure, so components may import it.

export type Settings = {
  name: string;
  publicUrl: string;
  timeZone: string;
  uptimePartialWeight: number;
  uptimeDegradedWeight: number;
};
