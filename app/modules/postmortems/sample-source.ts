// A small, realistic incident for previewing section templates before they are saved.
import type { PostmortemSource } from "./source.ts";

export function sampleSource(): PostmortemSource {
  const start = Date.UTC(2026, 10, 5, 14, 52);
  const at = (minutes: number) => new Date(start + minutes * 60_000);
  return {
    incident: {
      id: "sample",
      ref: "INC-42",
      title: "Chat and API unavailable worldwide",
      summary: "A routing configuration change capped in-flight requests far below the intended limit, so requests queued while GPUs sat idle.",
      severity: "SEV1",
      startedAt: at(0),
      detectedAt: at(3),
      acknowledgedAt: at(5),
      mitigatedAt: at(262),
      resolvedAt: at(338),
      commander: "Marcus Okafor",
      commsLead: "Elena Petrova",
      scribe: "Sofia Marquez",
    },
    regions: ["US East", "EU West"],
    impacts: [
      { componentId: "c1", component: "API - Messages", impact: "major_outage", startedAt: at(14), endedAt: at(196) },
      { componentId: "c2", component: "Web app", impact: "degraded_performance", startedAt: at(2), endedAt: at(262) },
    ],
    entries: [
      { seq: 1, kind: "observation", text: "Error rate on /v1/messages at 38% and climbing.", occurredAt: at(3), pinned: true, author: "Sofia Marquez" },
      { seq: 2, kind: "hypothesis", text: "The router config push capped connection pools.", occurredAt: at(40), pinned: false, author: "Marcus Okafor" },
      { seq: 3, kind: "decision", text: "Roll back r4182 with the break-glass procedure.", occurredAt: at(120), pinned: true, author: "Marcus Okafor" },
      { seq: 4, kind: "action", text: "Rolled back EU West.", occurredAt: at(150), pinned: false, author: "Dana Kim" },
      { seq: 5, kind: "customer_impact", text: "Enterprise customers report halted pipelines.", occurredAt: at(60), pinned: false, author: "Elena Petrova" },
    ],
    updates: [
      { id: "u1", status: "investigating", body: "We are investigating errors on the API and the web app.", publishedAt: at(9), nextUpdateAt: at(39) },
      { id: "u2", status: "identified", body: "We found the cause and are rolling back.", publishedAt: at(45), nextUpdateAt: at(75) },
      { id: "u3", status: "resolved", body: "This incident has been resolved.", publishedAt: at(340), nextUpdateAt: null },
    ],
  };
}
