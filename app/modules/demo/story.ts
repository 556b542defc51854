// Demo story for the seed: a pure data module (no I/O, no Prisma). The loader (load.server.ts)
// turns these constants into rows; demo/story.test.ts checks the invariants. Each incident's
// story is in incidents/, the shapes in story-types.ts.
//
// Conventions
// - Keys (components, users) are stable slugs; the loader maps them to generated ids.
// - Incident times are minutes after the incident start. The start is `daysAgo` days before
//   now at hourUtc:minuteUtc. For a fractional `daysAgo` below 1 (the live incident), the
//   hour/minute are not meaningful: the start is exactly now - daysAgo days, so the live
//   incident always began about half an hour before the seed ran.
// - Timeline entries may start a few minutes before the incident start (precursor signals,
//   never before -10), are sorted by `minutes`, and never come after the resolution.
// - Component impact windows are half-open [fromMin, toMin); toMin null = still open.
//   A component may have several consecutive windows as its impact changes.

import { batchDelays, streamingLatencyApac } from "./incidents/earlier.ts";
import { globalOutage } from "./incidents/global-outage.ts";
import { staleBillingUsage, uploadsEuWest } from "./incidents/recent.ts";
import type { SeedIncident, SeedRole } from "./story-types.ts";

export type { SeedEntry, SeedImpact, SeedIncident, SeedKind, SeedRole } from "./story-types.ts";

// ---------------------------------------------------------------------------------------
// Organisation, regions, components
// ---------------------------------------------------------------------------------------

export const organization: { name: string; publicUrl: string; timeZone: string } = {
  name: "Northwind AI",
  publicUrl: "https://status.northwind.example",
  timeZone: "America/Los_Angeles",
};

export const regions: { slug: string; name: string }[] = [
  { slug: "us-east", name: "US East" },
  { slug: "eu-west", name: "EU West" },
  { slug: "ap-southeast", name: "Asia Pacific Southeast" },
];

const ALL_REGIONS = ["us-east", "eu-west", "ap-southeast"];

export const componentGroups: {
  key: string;
  name: string;
  description: string;
  /** regions are region slugs */
  members: { key: string; name: string; description: string; regions: string[] }[];
}[] = [
  {
    key: "web-app",
    name: "Web app",
    description: "The Northwind assistant in the browser and the desktop apps.",
    members: [
      {
        key: "web-chat",
        name: "Chat",
        description: "Conversations with the assistant, including history and sharing.",
        regions: ALL_REGIONS,
      },
      {
        key: "web-login",
        name: "Login & accounts",
        description: "Sign-in, single sign-on, account and workspace settings.",
        regions: ALL_REGIONS,
      },
      {
        key: "web-uploads",
        name: "File uploads",
        description: "Attaching documents and images to conversations.",
        regions: ALL_REGIONS,
      },
    ],
  },
  {
    key: "api",
    name: "API",
    description: "The Northwind developer API.",
    members: [
      {
        key: "api-messages",
        name: "Messages",
        description: "The Messages endpoint (non-streaming requests).",
        regions: ALL_REGIONS,
      },
      {
        key: "api-streaming",
        name: "Streaming",
        description: "Server-sent event streaming of responses.",
        regions: ALL_REGIONS,
      },
      {
        key: "api-batch",
        name: "Batch",
        description: "Asynchronous batch processing with a 24-hour completion window.",
        regions: ["us-east", "eu-west"],
      },
      {
        key: "api-embeddings",
        name: "Embeddings",
        description: "Text embeddings for search and retrieval.",
        regions: ALL_REGIONS,
      },
    ],
  },
  {
    key: "console",
    name: "Console",
    description: "The developer console for API keys, usage and billing.",
    members: [
      {
        key: "console-dashboard",
        name: "Dashboard",
        description: "API keys, workspaces, playground and request logs.",
        regions: ["us-east", "eu-west"],
      },
      {
        key: "console-billing",
        name: "Billing & usage",
        description: "Usage charts, spend limits, invoices and payment methods.",
        regions: ["us-east"],
      },
    ],
  },
  {
    key: "coding-agent",
    name: "Coding agent",
    description: "Northwind's coding agent in the terminal and in editors.",
    members: [
      {
        key: "agent-sessions",
        name: "Agent sessions",
        description: "Starting and running coding agent sessions.",
        regions: ALL_REGIONS,
      },
      {
        key: "agent-ide",
        name: "IDE extensions",
        description: "Editor integrations and their update channel.",
        regions: ALL_REGIONS,
      },
    ],
  },
];

export const standaloneComponents: { key: string; name: string; description: string; regions: string[] }[] = [
  {
    key: "status-notifications",
    name: "Status notifications",
    description: "Email, SMS and webhook notifications to status page subscribers.",
    regions: ["us-east", "eu-west"],
  },
  {
    key: "developer-docs",
    name: "Developer docs",
    description: "API reference, guides and the developer forum.",
    regions: ["us-east"],
  },
];

// ---------------------------------------------------------------------------------------
// People. The first user of each role is the documented demo login.
// ---------------------------------------------------------------------------------------

export const users: { key: string; name: string; email: string; role: SeedRole; timeZone: string }[] = [
  { key: "priya", name: "Priya Raman", email: "admin@northwind.example", role: "admin", timeZone: "Europe/London" },
  { key: "marcus", name: "Marcus Okafor", email: "marcus.okafor@northwind.example", role: "admin", timeZone: "America/New_York" },
  { key: "dana", name: "Dana Whitfield", email: "responder@northwind.example", role: "responder", timeZone: "America/Los_Angeles" },
  { key: "kenji", name: "Kenji Tanaka", email: "kenji.tanaka@northwind.example", role: "responder", timeZone: "Asia/Singapore" },
  { key: "sofia", name: "Sofia Lindqvist", email: "sofia.lindqvist@northwind.example", role: "responder", timeZone: "Etc/UTC" },
  { key: "elena", name: "Elena Marsh", email: "comms@northwind.example", role: "comms", timeZone: "Europe/London" },
  { key: "tomas", name: "Tomás Rivera", email: "tomas.rivera@northwind.example", role: "comms", timeZone: "America/New_York" },
  { key: "alex", name: "Alex Chen", email: "viewer@northwind.example", role: "viewer", timeZone: "Asia/Singapore" },
  { key: "jordan", name: "Jordan Blake", email: "jordan.blake@northwind.example", role: "viewer", timeZone: "America/Los_Angeles" },
];

/** The one password shared by every demo user. */
export const DEMO_PASSWORD: string = "demo-password-2026";

// ---------------------------------------------------------------------------------------
// Incidents, oldest first (each in incidents/)
// ---------------------------------------------------------------------------------------

export const incidents: SeedIncident[] = [batchDelays, streamingLatencyApac, globalOutage, staleBillingUsage, uploadsEuWest];
