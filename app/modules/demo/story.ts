// Demo story for the seed: a pure data module (no I/O, no Prisma). The loader in the seed
// script turns these constants into rows; demo/story.test.ts checks the invariants.
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

export type SeedRole = "admin" | "responder" | "comms" | "viewer";
export type SeedImpact = "degraded_performance" | "partial_outage" | "major_outage";
export type SeedKind =
  | "note"
  | "action"
  | "decision"
  | "observation"
  | "hypothesis"
  | "customer_impact"
  | "status_change";

export type SeedEntry = {
  /** offset from incident start, may be fractional or negative (>= -10) for precursor signals */
  minutes: number;
  kind: SeedKind;
  /** user key */
  author: string;
  /** may contain simple Markdown: **bold**, `code`, [links](https://...) */
  text: string;
  pinned?: boolean;
};

export type SeedIncident = {
  title: string;
  summary: string;
  severity: "SEV1" | "SEV2" | "SEV3" | "SEV4";
  /** start = now - daysAgo days, at hourUtc:minuteUtc (see the note at the top for daysAgo < 1) */
  daysAgo: number;
  hourUtc: number;
  minuteUtc: number;
  detectedAfterMin: number;
  acknowledgedAfterMin: number;
  /** null = not mitigated yet */
  mitigatedAfterMin: number | null;
  /** null = still open */
  resolvedAfterMin: number | null;
  status: "investigating" | "identified" | "monitoring" | "resolved";
  commander: string | null;
  commsLead: string | null;
  scribe: string | null;
  declaredBy: string;
  /** region slugs */
  regions: string[];
  /** impact windows; a component may have several windows with different impact over time */
  components: { key: string; impact: SeedImpact; fromMin: number; toMin: number | null }[];
  timeline: SeedEntry[];
};

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
// Incidents, oldest first
// ---------------------------------------------------------------------------------------

const batchDelays: SeedIncident = {
  title: "Batch API jobs delayed in US East",
  summary:
    "After a routine scheduler node replacement, a leader election left 4 of 16 batch queue partitions without a consumer. Batches were accepted but not dispatched, and the oldest pending job reached 3 hours. Forcing a new leader election restored dispatch; every job completed inside its 24-hour window.",
  severity: "SEV3",
  daysAgo: 75,
  hourUtc: 9,
  minuteUtc: 20,
  detectedAfterMin: 38,
  acknowledgedAfterMin: 44,
  mitigatedAfterMin: 118,
  resolvedAfterMin: 205,
  status: "resolved",
  commander: "sofia",
  commsLead: "elena",
  scribe: null,
  declaredBy: "sofia",
  regions: ["us-east"],
  components: [{ key: "api-batch", impact: "degraded_performance", fromMin: 0, toMin: 150 }],
  timeline: [
    {
      minutes: 38,
      kind: "observation",
      author: "sofia",
      text: "Alert `batch-oldest-pending-age` fired: oldest pending job 41 min (threshold 30). us-east queue depth 18k, usual ~2k at this hour.",
    },
    {
      minutes: 44,
      kind: "status_change",
      author: "sofia",
      text: "Declared **SEV3**, status Investigating. Batch API degraded in us-east; eu-west normal.",
    },
    {
      minutes: 52,
      kind: "hypothesis",
      author: "sofia",
      text: "Submit rate is flat, so not an intake spike. Dispatchers are idle: partitions 3, 7, 11 and 14 have had no consumer since T+0, right after the leader election triggered by the scheduler node replacement.",
      pinned: true,
    },
    {
      minutes: 60,
      kind: "customer_impact",
      author: "elena",
      text: "Status page posted: 'Batch API jobs delayed'. Batches are still accepted. 6 tickets so far, no enterprise escalations; all affected batches are still inside the 24h completion window.",
    },
    {
      minutes: 68,
      kind: "decision",
      author: "sofia",
      text: "Force a new leader election instead of restarting the scheduler: a restart would re-queue ~3k in-flight jobs and bill their partial work twice.",
    },
    {
      minutes: 74,
      kind: "action",
      author: "sofia",
      text: "Ran `schedctl leader resign --set us-east-batch`. New leader holds 16/16 partitions; dispatch resumed on all of them.",
    },
    {
      minutes: 96,
      kind: "observation",
      author: "sofia",
      text: "Queue depth 18k → 6k, dispatching ~900 jobs/min. Oldest pending job 12 min.",
    },
    {
      minutes: 118,
      kind: "status_change",
      author: "sofia",
      text: "Status → **Monitoring**. Dispatch healthy; backlog expected to clear in ~30 min.",
    },
    {
      minutes: 205,
      kind: "status_change",
      author: "sofia",
      text: "Status → **Resolved**. Queue at baseline since T+150. Follow-ups: fix partition lease hand-off ([BATCH-1123](https://tracker.northwind.example/BATCH-1123)) and alert on per-partition consumer lag, which would have detected this within minutes.",
      pinned: true,
    },
  ],
};

const streamingLatencyApac: SeedIncident = {
  title: "Elevated streaming latency in Asia Pacific",
  summary:
    "A degraded network link between one availability zone and the regional transit in ap-southeast caused packet loss between our edge proxies and inference backends. Streaming responses were slow to start and arrived in bursts for about 50 minutes. Draining the affected zone restored normal latency; the cloud provider repaired the link.",
  severity: "SEV2",
  daysAgo: 50,
  hourUtc: 3,
  minuteUtc: 10,
  detectedAfterMin: 4,
  acknowledgedAfterMin: 6,
  mitigatedAfterMin: 52,
  resolvedAfterMin: 71,
  status: "resolved",
  commander: "kenji",
  commsLead: "elena",
  scribe: null,
  declaredBy: "kenji",
  regions: ["ap-southeast"],
  components: [
    { key: "api-streaming", impact: "degraded_performance", fromMin: 0, toMin: 52 },
    { key: "web-chat", impact: "degraded_performance", fromMin: 8, toMin: 48 },
  ],
  timeline: [
    {
      minutes: -3,
      kind: "observation",
      author: "kenji",
      text: "Warning `streaming-ttft-p95` in ap-southeast: time to first token p95 1.8s (baseline 0.9s).",
    },
    {
      minutes: 4,
      kind: "observation",
      author: "kenji",
      text: "Now critical: TTFT p95 4.7s, inter-token latency 3× normal. Error rate unchanged at 0.08%, so requests are slow, not failing.",
    },
    {
      minutes: 6,
      kind: "status_change",
      author: "kenji",
      text: "Declared **SEV2**, status Investigating. Streaming degraded in ap-southeast.",
    },
    {
      minutes: 11,
      kind: "hypothesis",
      author: "kenji",
      text: "Capacity? No: traffic is +3% week over week for this hour and GPU utilisation is 62%. Looking at the network instead.",
    },
    {
      minutes: 17,
      kind: "observation",
      author: "kenji",
      text: "Latency is concentrated on streams served from `ap-southeast-1b`: p95 6.2s there vs 1.0s in 1a and 1c. TCP retransmits between edge proxies and 1b backends at 4% (normal <0.1%).",
      pinned: true,
    },
    {
      minutes: 21,
      kind: "customer_impact",
      author: "elena",
      text: "Status page posted: 'Slow responses in Asia Pacific'. ~40 tickets, mostly 'responses appear in bursts' in Chat. Two API customers report streams hitting their 30s client timeout.",
    },
    {
      minutes: 24,
      kind: "action",
      author: "kenji",
      text: "Opened a P1 case with the cloud provider for packet loss in 1b. Their status page shows nothing yet.",
    },
    {
      minutes: 29,
      kind: "decision",
      author: "kenji",
      text: "Drain `ap-southeast-1b` from the streaming pools. 1a and 1c have headroom up to ~85% GPU utilisation at current traffic.",
    },
    {
      minutes: 36,
      kind: "action",
      author: "kenji",
      text: "Draining 1b in three steps (50% → 20% → 0%), waiting for open streams to finish between steps.",
    },
    {
      minutes: 46,
      kind: "observation",
      author: "kenji",
      text: "1b drained. TTFT p95 1.1s, inter-token latency normal, GPU utilisation in 1a/1c at 78%.",
    },
    {
      minutes: 52,
      kind: "status_change",
      author: "kenji",
      text: "Status → **Monitoring**. Latency back to normal with 1b drained.",
    },
    {
      minutes: 71,
      kind: "status_change",
      author: "kenji",
      text: "Status → **Resolved**. Provider confirmed a degraded link between 1b and the regional transit, now repaired. 1b stays drained until tomorrow's business hours; follow-up: alert on per-zone retransmit rate.",
      pinned: true,
    },
  ],
};

const globalOutage: SeedIncident = {
  title: "Chat and API unavailable worldwide",
  summary:
    "A routing configuration change capped in-flight requests to each inference cluster far below the intended limit, so requests queued in the routing layer while GPUs sat idle. Client retries tripled traffic, router autoscaling overloaded the configuration control plane, and the rollback could not be applied through the normal path. Service was restored region by region with the break-glass procedure: EU West, then US East, then Asia Pacific Southeast. Batch jobs were paused during the incident and completed afterwards; none were lost.",
  severity: "SEV1",
  daysAgo: 20,
  hourUtc: 14,
  minuteUtc: 52,
  detectedAfterMin: 3,
  acknowledgedAfterMin: 5,
  mitigatedAfterMin: 262,
  resolvedAfterMin: 338,
  status: "resolved",
  commander: "marcus",
  commsLead: "elena",
  scribe: "sofia",
  declaredBy: "dana",
  regions: ["us-east", "eu-west", "ap-southeast"],
  components: [
    { key: "api-messages", impact: "degraded_performance", fromMin: 0, toMin: 14 },
    { key: "api-messages", impact: "major_outage", fromMin: 14, toMin: 196 },
    { key: "api-messages", impact: "partial_outage", fromMin: 196, toMin: 232 },
    { key: "web-chat", impact: "degraded_performance", fromMin: 2, toMin: 14 },
    { key: "web-chat", impact: "major_outage", fromMin: 14, toMin: 196 },
    { key: "web-chat", impact: "partial_outage", fromMin: 196, toMin: 232 },
    { key: "web-chat", impact: "degraded_performance", fromMin: 232, toMin: 262 },
    { key: "api-streaming", impact: "partial_outage", fromMin: 5, toMin: 232 },
    { key: "agent-sessions", impact: "major_outage", fromMin: 14, toMin: 196 },
    { key: "agent-sessions", impact: "partial_outage", fromMin: 196, toMin: 232 },
    { key: "console-dashboard", impact: "degraded_performance", fromMin: 20, toMin: 262 },
    { key: "api-batch", impact: "major_outage", fromMin: 66, toMin: 262 },
    { key: "api-batch", impact: "degraded_performance", fromMin: 262, toMin: 326 },
    { key: "status-notifications", impact: "degraded_performance", fromMin: 104, toMin: 158 },
  ],
  timeline: [
    {
      minutes: -4,
      kind: "note",
      author: "sofia",
      text: "Router config `r4182` (connection-pool tuning for the new GPU pools, [CHG-2291](https://changes.northwind.example/CHG-2291)) passed its 5% canary and was promoted to the whole router fleet in all regions.",
    },
    {
      minutes: 0,
      kind: "observation",
      author: "dana",
      text: "Alert `api-5xx-rate-high` fired: Messages API 5xx at 2.3% (baseline 0.04%), p99 latency 14.8s (normal 3.1s). [API overview](https://grafana.northwind.example/d/api-overview)",
    },
    {
      minutes: 3,
      kind: "observation",
      author: "dana",
      text: "5xx at 11% and rising in **all three regions** at once. Gateway logs full of `upstream_queue_timeout` from the router tier.",
    },
    {
      minutes: 5,
      kind: "action",
      author: "dana",
      text: "Ack'd the page. Pulling in Sofia (inference routing secondary) and opening the incident channel.",
    },
    {
      minutes: 8,
      kind: "hypothesis",
      author: "dana",
      text: "Inference serving shipped `ms-2.41` to us-east 40 min ago. Bad model-server build?",
    },
    {
      minutes: 9,
      kind: "status_change",
      author: "dana",
      text: "Declared **SEV2**, status Investigating. Chat and Messages API degraded.",
    },
    {
      minutes: 11,
      kind: "observation",
      author: "sofia",
      text: "`ms-2.41` is on 3% of us-east hosts only, and ap-southeast never got it but fails the same way. Ruling out the model-server deploy.",
    },
    {
      minutes: 13,
      kind: "observation",
      author: "dana",
      text: "5xx at 38%. Chat shows 'Something went wrong' on most sends; coding agent sessions fail at start. Embeddings normal (separate router fleet).",
    },
    {
      minutes: 14,
      kind: "status_change",
      author: "dana",
      text: "Escalated to **SEV1**. Messages API, Chat and Agent sessions → major outage. Paging the incident commander on call.",
      pinned: true,
    },
    {
      minutes: 16,
      kind: "action",
      author: "marcus",
      text: "Marcus taking IC. Dana is ops lead for routing, Sofia scribe, Elena comms. Bridge: [inc-router](https://meet.northwind.example/inc-router)",
    },
    {
      minutes: 18,
      kind: "decision",
      author: "marcus",
      text: "**Deploy freeze** on all production services until further notice. Any change needs IC approval in this channel.",
    },
    {
      minutes: 21,
      kind: "customer_impact",
      author: "elena",
      text: "First status page update published: 'Elevated errors on Chat and API'. Support: 140 new tickets in 15 min. 'northwind down' trending on social.",
    },
    {
      minutes: 24,
      kind: "hypothesis",
      author: "sofia",
      text: "Router config `r4182` reached 100% right at T+0; the timing lines up exactly. Suspect its new `max_inflight_per_backend` setting.",
    },
    {
      minutes: 27,
      kind: "observation",
      author: "dana",
      text: "Router queue depth ~48k per node (normal <200) while GPU utilisation **dropped** from 71% to 9%. Requests are stuck in the router, not in the models. [Router dashboard](https://grafana.northwind.example/d/router)",
    },
    {
      minutes: 31,
      kind: "hypothesis",
      author: "marcus",
      text: "Request volume is 3.2× normal. Could there be an attack on top of this?",
    },
    {
      minutes: 34,
      kind: "observation",
      author: "sofia",
      text: "Not an attack: 68% of requests carry `x-retry-count >= 1`, all from our own SDKs and the web app. Client retries are amplifying the load.",
    },
    {
      minutes: 37,
      kind: "decision",
      author: "marcus",
      text: "Roll back the router config to `r4181` in all regions. Sofia executes, Dana verifies.",
    },
    {
      minutes: 40,
      kind: "action",
      author: "sofia",
      text: "Submitted `cfgctl rollback router --to r4181 --all-regions`.",
    },
    {
      minutes: 46,
      kind: "observation",
      author: "sofia",
      text: "**Rollback blocked**: stuck in `PENDING`, the config service returns 503. Control plane CPU at 100%: the router autoscaler added ~1,900 pods in 30 min, and every new pod polls the config service on boot and retries every 5s without backoff.",
      pinned: true,
    },
    {
      minutes: 52,
      kind: "hypothesis",
      author: "dana",
      text: "Likely cause: `r4182` sets `max_inflight_per_backend: 64`, meant per replica, but the router applies it per **cluster**. Each router allows 64 in-flight requests to an entire GPU cluster, so queues explode and GPUs idle. The canary carried 5% of traffic, which stayed under the cap.",
    },
    {
      minutes: 55,
      kind: "customer_impact",
      author: "elena",
      text: "23 enterprise accounts have opened P1 tickets; 3 report production pipelines halted (support bots, document processing). Support queue at 1,180 open. ~2,400 social mentions in the last hour.",
    },
    {
      minutes: 58,
      kind: "status_change",
      author: "marcus",
      text: "Status → **Identified**. Cause: a routing configuration change limited capacity to the inference clusters. Rollback in progress; the normal rollback path is blocked by control plane overload.",
      pinned: true,
    },
    {
      minutes: 62,
      kind: "decision",
      author: "marcus",
      text: "Shed load so the control plane can recover: (1) pause Batch API dispatch, (2) freeze the router autoscaler at its current size, (3) rate limit the free tier at the edge to 20% of normal.",
    },
    {
      minutes: 66,
      kind: "action",
      author: "dana",
      text: "Autoscaler frozen (`min = max = current`). Batch dispatch paused: 41k jobs held in the queue, none dropped. Free-tier edge limit active.",
    },
    {
      minutes: 78,
      kind: "decision",
      author: "marcus",
      text: "Control plane still at 96% CPU. Go **break-glass**: push static `r4181` straight to router nodes with the emergency bundle, one region at a time, eu-west first (smallest traffic share). [Runbook](https://runbooks.northwind.example/routing/break-glass)",
      pinned: true,
    },
    {
      minutes: 101,
      kind: "observation",
      author: "dana",
      text: "eu-west push stalled at 40%: nodes pull the bundle from the artifact registry, whose auth also goes through the overloaded control plane. Switching to a direct push over SSH via the bastion.",
    },
    {
      minutes: 104,
      kind: "observation",
      author: "tomas",
      text: "Status notification emails delayed ~18 min: 380k subscriber emails queued after our updates, and new subscriptions are at 12× normal.",
    },
    {
      minutes: 118,
      kind: "action",
      author: "dana",
      text: "eu-west: `r4181` on 100% of router nodes via the bastion. Restarting routers in waves of 10%.",
    },
    {
      minutes: 131,
      kind: "observation",
      author: "dana",
      text: "eu-west recovering: Messages 5xx 61% → 4% and falling, router queue depth <150, GPU utilisation 54%. Starting us-east with the same procedure, as agreed with IC.",
    },
    {
      minutes: 178,
      kind: "action",
      author: "dana",
      text: "us-east: `r4181` pushed to all router nodes. Rolling restarts in waves of 5% (largest fleet).",
    },
    {
      minutes: 196,
      kind: "observation",
      author: "dana",
      text: "us-east recovering: 5xx 74% → 6%, GPU utilisation 58%, p99 11.2s while the retry backlog drains. Chat works again for US and EU users.",
    },
    {
      minutes: 204,
      kind: "customer_impact",
      author: "elena",
      text: "Status page: recovery under way in US and EU, Asia Pacific still affected. Ticket inflow down to 90 per 15 min (peak was 410).",
    },
    {
      minutes: 208,
      kind: "decision",
      author: "marcus",
      text: "Control plane at 34% CPU and stable for 20 min. Approve the **normal** rollback path for ap-southeast; faster than the bastion there. Kenji executes.",
    },
    {
      minutes: 232,
      kind: "observation",
      author: "kenji",
      text: "ap-southeast on `r4181` via `cfgctl` (applied in 9 min). Messages success rate 99.2% in all three regions; streaming back to normal.",
    },
    {
      minutes: 244,
      kind: "decision",
      author: "marcus",
      text: "Lift the free-tier rate limit in two steps: 50% now, 100% in 15 min if 5xx stays below 0.5%.",
    },
    {
      minutes: 262,
      kind: "status_change",
      author: "marcus",
      text: "Status → **Monitoring**. Impact mitigated in all regions: 5xx 0.06%, p99 3.3s, free-tier limit lifted. Batch still paused; resuming next.",
      pinned: true,
    },
    {
      minutes: 266,
      kind: "action",
      author: "dana",
      text: "Batch dispatch resumed at 25% rate: 41k held + 12k new jobs, about 60 min to drain.",
    },
    {
      minutes: 275,
      kind: "customer_impact",
      author: "tomas",
      text: "Enterprise follow-up sent: batch jobs were held, not dropped, and will complete inside the 24h window. 3 customers asked about SLA credits; routed to their account teams.",
    },
    {
      minutes: 322,
      kind: "note",
      author: "sofia",
      text: "Follow-ups so far: (1) typed units for router limits and schema validation in `cfgctl`; (2) canary must exercise per-cluster limits at production concurrency; (3) rollback must not depend on the config service or the artifact registry; (4) jittered backoff for config pollers; (5) retry budget in the SDKs and web app.",
    },
    {
      minutes: 338,
      kind: "status_change",
      author: "marcus",
      text: "Status → **Resolved**. Batch backlog drained at T+326; all components operational. Customer impact T+0 to T+262 (~4h22m). Routing config stays frozen until the post-mortem review; post-mortem owner: Dana.",
      pinned: true,
    },
  ],
};

const staleBillingUsage: SeedIncident = {
  title: "Billing & usage page showing stale usage",
  summary:
    "The hourly usage roll-up job failed after newly launched model ids exceeded a column length, so the Console's Billing & usage page showed usage up to 8 hours old. Invoices and spend limits read raw usage events and were not affected. The column was widened and the missing hours backfilled.",
  severity: "SEV4",
  daysAgo: 8,
  hourUtc: 6,
  minuteUtc: 0,
  detectedAfterMin: 35,
  acknowledgedAfterMin: 50,
  mitigatedAfterMin: 140,
  resolvedAfterMin: 185,
  status: "resolved",
  commander: "priya",
  commsLead: "elena",
  scribe: null,
  declaredBy: "elena",
  regions: ["us-east"],
  components: [{ key: "console-billing", impact: "degraded_performance", fromMin: 0, toMin: 140 }],
  timeline: [
    {
      minutes: 35,
      kind: "customer_impact",
      author: "elena",
      text: "Support escalation: 4 customers report the Billing & usage page still shows yesterday's usage. One tracks spend against a hard budget and is asking whether limits still apply.",
    },
    {
      minutes: 42,
      kind: "observation",
      author: "priya",
      text: "Confirmed: usage charts last updated at 23:00 UTC. Raw usage events are current, and invoices and spend limits read from them, so **billed amounts and limits are not affected**; only the display is stale.",
      pinned: true,
    },
    {
      minutes: 50,
      kind: "status_change",
      author: "elena",
      text: "Declared **SEV4**, status Investigating. Added a banner to the Billing & usage page.",
    },
    {
      minutes: 68,
      kind: "hypothesis",
      author: "priya",
      text: "Hourly roll-up `usage-rollup` has failed every run since 00:00 with `value too long for column model_id`: the model ids launched yesterday are longer than 48 characters.",
    },
    {
      minutes: 95,
      kind: "action",
      author: "priya",
      text: "Widened `model_id` to 128 characters (migration reviewed by the data team) and started a backfill of the roll-up from 23:00.",
    },
    {
      minutes: 140,
      kind: "observation",
      author: "priya",
      text: "Backfill complete; usage is current as of the last full hour. Banner removed.",
    },
    {
      minutes: 185,
      kind: "status_change",
      author: "priya",
      text: "Status → **Resolved**. Follow-up: `usage-rollup` failures now page the data on-call; until today they were only logged.",
    },
  ],
};

const uploadsEuWest: SeedIncident = {
  title: "Elevated error rates on file uploads in eu-west",
  summary:
    "Uploads in EU West fail at the malware-scanning step: the scanner is crash-looping after an automatic signature database update. Text conversations are not affected. We are pinning the previous signature database and raising the scanner's memory limit.",
  severity: "SEV3",
  daysAgo: 0.02,
  hourUtc: 0,
  minuteUtc: 0,
  detectedAfterMin: 3,
  acknowledgedAfterMin: 6,
  mitigatedAfterMin: null,
  resolvedAfterMin: null,
  status: "identified",
  commander: "sofia",
  commsLead: "elena",
  scribe: null,
  declaredBy: "sofia",
  regions: ["eu-west"],
  components: [{ key: "web-uploads", impact: "partial_outage", fromMin: 0, toMin: null }],
  timeline: [
    {
      minutes: -2,
      kind: "observation",
      author: "sofia",
      text: "Synthetic upload check failing in eu-west on 1 of 3 probes.",
    },
    {
      minutes: 3,
      kind: "observation",
      author: "sofia",
      text: "Alert `uploads-5xx-rate` in eu-west: 27% of `POST /v1/files` failing with 502. us-east and ap-southeast normal.",
    },
    {
      minutes: 6,
      kind: "status_change",
      author: "sofia",
      text: "Declared **SEV3**, status Investigating. File uploads partial outage in eu-west.",
    },
    {
      minutes: 10,
      kind: "customer_impact",
      author: "elena",
      text: "Status page posted: 'Elevated error rates on file uploads in EU West'. EU users see 'Upload failed' for PDFs and images; text conversations work. 11 tickets so far.",
    },
    {
      minutes: 14,
      kind: "observation",
      author: "sofia",
      text: "Object storage healthy (PUT p99 120ms). The 502s come from the `file-scan` step: eu-west scanner pods in `CrashLoopBackOff`, OOM-killed while loading signature database `sigdb 7742`, applied automatically at T-1.",
      pinned: true,
    },
    {
      minutes: 19,
      kind: "status_change",
      author: "sofia",
      text: "Status → **Identified**. The malware scanner is crash-looping in eu-west after an automatic signature database update.",
    },
    {
      minutes: 24,
      kind: "action",
      author: "sofia",
      text: "Pinning eu-west scanners to `sigdb 7741` and raising their memory limit from 2Gi to 4Gi. Rollout at 30%. [Runbook](https://runbooks.northwind.example/uploads/file-scan)",
    },
  ],
};

export const incidents: SeedIncident[] = [
  batchDelays,
  streamingLatencyApac,
  globalOutage,
  staleBillingUsage,
  uploadsEuWest,
];
