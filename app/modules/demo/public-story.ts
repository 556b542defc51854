// The demo story's public side: what Northwind's comms team published during each incident
// (loaded by load.server.ts through the real publishing code), and two maintenance windows.
import type { ComponentStatusName } from "~/modules/status-page/model.ts";

export type SeedUpdate = {
  /** minutes after the incident started */
  afterMin: number;
  status: "investigating" | "identified" | "monitoring" | "resolved";
  body: string;
  components?: Record<string, ComponentStatusName>;
  nextInMin?: number;
  author: string;
  /** on a SEV1, the second person */
  approver?: string;
};

/** Keyed by incident title (demo/story.ts). */
export const publicUpdates: Record<string, SeedUpdate[]> = {
  "Batch API jobs delayed in US East": [
    {
      afterMin: 45,
      status: "investigating",
      body: "Batch jobs submitted to the API are taking longer than usual to start. Jobs are not lost; they are queued and will complete. We are investigating.",
      components: { "api-batch": "degraded_performance" },
      nextInMin: 60,
      author: "elena",
    },
    {
      afterMin: 100,
      status: "identified",
      body: "We have identified a capacity shortfall in the batch workers in US East and are adding capacity. Queued jobs are starting again, more slowly than usual.",
      nextInMin: 60,
      author: "elena",
    },
    {
      afterMin: 150,
      status: "monitoring",
      body: "Added capacity has cleared the queue. Batch jobs start within normal times again; we are monitoring.",
      components: { "api-batch": "operational" },
      nextInMin: 60,
      author: "elena",
    },
    { afterMin: 205, status: "resolved", body: "This incident has been resolved. All delayed batch jobs completed.", author: "elena" },
  ],
  "Elevated streaming latency in Asia Pacific": [
    {
      afterMin: 9,
      status: "investigating",
      body: "Streaming responses from the API and the web app are slower than usual for customers in Asia Pacific. We are investigating.",
      components: { "api-streaming": "degraded_performance", "web-chat": "degraded_performance" },
      nextInMin: 30,
      author: "elena",
    },
    {
      afterMin: 35,
      status: "identified",
      body: "A network path between our Singapore and Tokyo regions is congested. We are moving traffic to a second path.",
      nextInMin: 30,
      author: "elena",
    },
    {
      afterMin: 55,
      status: "monitoring",
      body: "Traffic has moved and streaming latency is back to normal. We are monitoring.",
      components: { "api-streaming": "operational", "web-chat": "operational" },
      nextInMin: 30,
      author: "elena",
    },
    { afterMin: 71, status: "resolved", body: "This incident has been resolved.", author: "elena" },
  ],
  "Chat and API unavailable worldwide": [
    {
      afterMin: 9,
      status: "investigating",
      body: "We are investigating elevated error rates on the API and in the web app. Some requests are failing.",
      components: { "api-messages": "partial_outage", "web-chat": "partial_outage", "api-streaming": "partial_outage" },
      nextInMin: 30,
      author: "elena",
      approver: "marcus",
    },
    {
      afterMin: 24,
      status: "investigating",
      body: "The API, the web app and coding agent sessions are unavailable for most customers worldwide. We are working on it with every available engineer.",
      components: {
        "api-messages": "major_outage",
        "web-chat": "major_outage",
        "agent-sessions": "major_outage",
        "console-dashboard": "degraded_performance",
      },
      nextInMin: 30,
      author: "elena",
      approver: "marcus",
    },
    {
      afterMin: 52,
      status: "identified",
      body: "We have identified the cause: a configuration change overloaded the service that routes requests to our model servers. We are rolling it back region by region. Batch jobs are paused and will resume.",
      components: { "api-batch": "major_outage" },
      nextInMin: 30,
      author: "elena",
      approver: "marcus",
    },
    {
      afterMin: 95,
      status: "identified",
      body: "The rollback is taking longer than planned because the routing service has to be restarted with the previous configuration in every region. We will update you as each region recovers.",
      nextInMin: 60,
      author: "tomas",
      approver: "elena",
    },
    {
      afterMin: 200,
      status: "identified",
      body: "US East and EU West are recovering: most requests succeed again there. Asia Pacific is next.",
      components: { "api-messages": "partial_outage", "web-chat": "partial_outage", "agent-sessions": "partial_outage" },
      nextInMin: 30,
      author: "elena",
      approver: "marcus",
    },
    {
      afterMin: 228,
      status: "monitoring",
      body: "All regions are serving requests normally. Batch jobs have resumed and will catch up over the next hour. We are monitoring.",
      components: {
        "api-messages": "operational",
        "web-chat": "operational",
        "agent-sessions": "operational",
        "api-streaming": "operational",
        "console-dashboard": "operational",
        "api-batch": "degraded_performance",
      },
      nextInMin: 60,
      author: "elena",
      approver: "marcus",
    },
    {
      afterMin: 338,
      status: "resolved",
      body: "This incident has been resolved. For about three hours most requests to the API, the web app and coding agent failed, and full service took another hour to return in every region. We are sorry for the disruption this caused; a root-cause report will follow here.",
      components: { "api-batch": "operational" },
      author: "elena",
      approver: "marcus",
    },
  ],
  "Billing & usage page showing stale usage": [
    {
      afterMin: 40,
      status: "identified",
      body: "Usage figures on the Billing & usage page are up to two hours old. Billing itself is not affected. A fix is being deployed.",
      components: { "console-billing": "degraded_performance" },
      nextInMin: 120,
      author: "tomas",
    },
    {
      afterMin: 185,
      status: "resolved",
      body: "Usage figures are current again. This incident has been resolved.",
      components: { "console-billing": "operational" },
      author: "tomas",
    },
  ],
  "Elevated error rates on file uploads in eu-west": [
    {
      afterMin: 6,
      status: "investigating",
      body: "Some file uploads in the web app fail for customers in Europe. Conversations without files are not affected. We are investigating.",
      components: { "web-uploads": "partial_outage" },
      nextInMin: 30,
      author: "elena",
    },
    {
      afterMin: 20,
      status: "identified",
      body: "The issue has been identified: the service that scans uploaded files is failing after an update. We are rolling the update back.",
      nextInMin: 30,
      author: "elena",
    },
  ],
};

/** An unpublished draft waiting in the open incident's comms tab. */
export const openDraft = {
  incident: "Elevated error rates on file uploads in eu-west",
  status: "monitoring" as const,
  body: "A fix has been implemented and file uploads in Europe are succeeding again. We are monitoring the results.",
  components: { "web-uploads": "operational" } as Record<string, ComponentStatusName>,
  author: "tomas",
};

export type SeedMaintenance = {
  title: string;
  /** start = now + startInDays days, at hourUtc:00 */
  startInDays: number;
  hourUtc: number;
  hours: number;
  components: string[];
  body: string;
  author: string;
};

export const maintenances: SeedMaintenance[] = [
  {
    title: "Database upgrade for the Batch and Embeddings APIs",
    startInDays: -12,
    hourUtc: 6,
    hours: 2,
    components: ["api-batch", "api-embeddings"],
    body: "We will upgrade the database behind the Batch and Embeddings APIs. New batch jobs will queue and start after the window; embeddings requests may be slower.",
    author: "tomas",
  },
  {
    title: "Sign-in provider migration",
    startInDays: 4,
    hourUtc: 7,
    hours: 1,
    components: ["web-login"],
    body: "We are moving single sign-on to a new provider. Signing in may be unavailable for up to 10 minutes during this window; people already signed in are not affected.",
    author: "elena",
  },
];
