// The demo's two incidents after the global outage: stale billing usage, and uploads in EU West (still open).
import type { SeedIncident } from "../story-types.ts";

export const staleBillingUsage: SeedIncident = {
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

export const uploadsEuWest: SeedIncident = {
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
