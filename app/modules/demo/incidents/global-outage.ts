// The demo's SEV1: chat and API unavailable worldwide (its timeline is in global-outage-timeline.ts).
import type { SeedIncident } from "../story-types.ts";
import { globalOutageTimeline } from "./global-outage-timeline.ts";

export const globalOutage: SeedIncident = {
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
  timeline: globalOutageTimeline,
};
