// The demo's end of the story: the global outage's post-mortem, written, reviewed by a second
// person and published, its action items, and the public root-cause report its Resolved update
// promised. A pure data module, like story.ts; load-postmortem.server.ts loads it through
// the app's own generation and report code, so every number in the generated parts is worked out
// from the incident. Durations written here by people are checked against the impact windows in
// demo/story.test.ts.
//
// Times: hours after the incident's resolution. Written sections are light Markdown; each goes
// before the section's generated part (which links back to the incident).

export type SeedActionItem = {
  title: string;
  kind: "mitigate" | "prevent" | "process";
  priority: "high" | "medium" | "low";
  /** user key */
  owner: string;
  /** days after the resolution */
  dueInDays: number;
  state: "open" | "in_progress" | "done";
  /** days after the resolution, for a done item */
  closedAfterDays?: number;
  trackerUrl: string;
};

export type SeedReviewStep = { action: "submitted" | "returned" | "approved" | "published"; by: string; afterHours: number; note?: string };

export const outagePostmortem = {
  incident: "Chat and API unavailable worldwide",
  author: "dana",
  /** when the draft was generated and the action items were opened */
  startedAfterHours: 20,
  review: [
    { action: "submitted", by: "dana", afterHours: 52 },
    {
      action: "returned",
      by: "marcus",
      afterHours: 60,
      note: "The root cause stops at the configuration value. Go one level deeper: why could a per-cluster limit pass review and the canary at all?",
    },
    { action: "submitted", by: "dana", afterHours: 70 },
    { action: "approved", by: "marcus", afterHours: 88 },
    { action: "published", by: "dana", afterHours: 90 },
  ] satisfies SeedReviewStep[],

  written: {
    summary: `From 14:52 to 19:14 UTC the Northwind API, Chat in the web app and coding agent sessions were unavailable or unreliable worldwide; for 3 hours 2 minutes (15:06 to 18:08 UTC) most requests to them failed. A routing configuration change limited the requests each router could send to a whole inference cluster, and the load that followed blocked our usual rollback, so service came back region by region, EU West first. Batch jobs were paused for 3 hours 16 minutes and caught up by 20:18 UTC; no conversation, file or batch job was lost.`,

    impact: `- **Requests:** at the worst point 74% of Messages API requests failed in US East and 61% in EU West; Asia Pacific Southeast recovered last, at 18:44 UTC.
- **Customers:** every customer of Chat, the API and coding agent sessions was affected; 23 enterprise customers opened priority 1 tickets, and 3 reported production pipelines halted.
- **Support:** 1,180 tickets were open at the peak, with up to 410 new ones every 15 minutes.
- **Batch:** 41,000 queued jobs were held for 3 hours 16 minutes and all completed within their 24-hour window.
- **Notifications:** status emails were delayed by up to 18 minutes while 380,000 were queued.
- **SLA:** the month's Messages API availability fell below the 99.9% enterprise commitment; account teams are handling the 3 credit requests received.`,

    timeline: `All times UTC. The configuration change reached every router at 14:52; the moments below are taken from the incident's record.`,

    root_cause: `**Root cause.** Router configuration \`r4182\` set \`max_inflight_per_backend: 64\`. The value was meant per model-server replica, but the router applies it per inference cluster, so each router allowed 64 requests in flight to a whole cluster of hundreds of GPUs. Requests queued in the routing layer while GPU utilisation dropped from 71% to 9%.

**Why the change went out.** The configuration schema has no units: the same field means "per replica" in the model server's documentation and "per cluster" in the router's code, and nothing checks a limit against the size of what it limits. The canary carried 5% of traffic, which stayed under the cap, so it passed.

**Why recovery took more than four hours.** Clients retried failed requests immediately, which tripled traffic. The router autoscaler added about 1,900 pods, each polling the configuration service every 5 seconds on boot without backoff, and the configuration service, overloaded, could not apply the rollback. The break-glass path needed the artifact registry, whose authentication also depends on the configuration service, so the first region had to be fixed over the bastion host.

**Trigger.** Promoting \`r4182\` from the 5% canary to every router in all regions; it reached the whole fleet at 14:52.`,

    detection: `Detection was fast: the 5xx alert fired as the change reached the fleet, we detected the outage 3 minutes in, and a responder acknowledged the page 2 minutes later. What we lacked was a signal that pointed at the cause: the first twenty minutes went to a model-server release that turned out to be unrelated, until the timing pointed at the router change at 15:16 UTC. An alert on router queue depth against GPU utilisation (queues growing while GPUs idle) would have pointed at the router within minutes.`,

    response: `What worked: the deploy freeze at 15:10, shedding load to let the configuration service recover (pausing batch dispatch, freezing the autoscaler, limiting the free tier), and the region-by-region break-glass rollout, which brought EU West back at 17:03. What slowed us: the rollback path depended on the very service that was overloaded, and the break-glass bundle depended on the artifact registry, which depended on it too.`,

    contributing_factors: `- Client retries without a budget or jitter in our SDKs and the web app tripled traffic within half an hour.
- The router autoscaler scaled on queue depth, which grew because of the cap, so it added load to the configuration service instead of capacity.
- Configuration pollers retried every 5 seconds without backoff.
- The canary stage tested 5% of traffic, below the concurrency at which the cap applied.
- The break-glass runbook had last been exercised eight months earlier, before the artifact registry moved behind the configuration service's authentication.`,

    lessons: `### What went well

- We detected the outage 3 minutes after the change reached the fleet, and an incident commander took over 16 minutes in.
- The deploy freeze and load shedding were decided early and held.
- Batch jobs were paused, not dropped: every one completed within its window.

### What went wrong

- The rollback depended on the service the incident had overloaded.
- Three of the six update times we promised customers were missed during the long rollback and the batch catch-up.

### Where we got lucky

- EU West, the first region we restored, was also the smallest, so the bastion procedure was proven there before US East.
- Embeddings run on a separate router fleet and were not affected.`,

    communication: `The first public update went out 9 minutes after the start, before the incident was escalated to SEV1, and its wording understated the impact ("some requests are failing"); the second, at 15:16 UTC, said plainly that most customers could not use the service. We kept three of the six update times we promised and missed three: two during the rollback (16:14 and 17:27 UTC) and one during the batch catch-up (19:40 UTC). The Resolved update promised this root-cause report.`,
  },

  actionItems: [
    {
      title: "Give router and model-server limits explicit units, and validate them in cfgctl against the size of what they limit",
      kind: "prevent",
      priority: "high",
      owner: "sofia",
      dueInDays: 28,
      state: "in_progress",
      trackerUrl: "https://tracker.northwind.example/ROUTE-2210",
    },
    {
      title: "Run the router canary at production concurrency per cluster, not a share of traffic",
      kind: "prevent",
      priority: "high",
      owner: "dana",
      dueInDays: 42,
      state: "open",
      trackerUrl: "https://tracker.northwind.example/ROUTE-2211",
    },
    {
      title: "Make the rollback and break-glass paths independent of the configuration service and the artifact registry",
      kind: "mitigate",
      priority: "high",
      owner: "kenji",
      dueInDays: 56,
      state: "in_progress",
      trackerUrl: "https://tracker.northwind.example/ROUTE-2212",
    },
    {
      title: "Jittered exponential backoff for configuration pollers",
      kind: "mitigate",
      priority: "medium",
      owner: "sofia",
      dueInDays: 14,
      state: "done",
      closedAfterDays: 9,
      trackerUrl: "https://tracker.northwind.example/ROUTE-2213",
    },
    {
      title: "Retry budget with jitter in the SDKs and the web app",
      kind: "prevent",
      priority: "medium",
      owner: "dana",
      dueInDays: 56,
      state: "open",
      trackerUrl: "https://tracker.northwind.example/SDK-931",
    },
    {
      title: "Alert on router queue depth rising while GPU utilisation falls",
      kind: "mitigate",
      priority: "medium",
      owner: "kenji",
      dueInDays: 30,
      state: "open",
      trackerUrl: "https://tracker.northwind.example/OBS-455",
    },
    {
      title: "Quarterly break-glass drill in each region",
      kind: "process",
      priority: "medium",
      owner: "marcus",
      dueInDays: 35,
      state: "open",
      trackerUrl: "https://tracker.northwind.example/OPS-1290",
    },
  ] satisfies SeedActionItem[],

  /** The public root-cause report: drafted from the post-mortem, then reworded by comms for customers. */
  report: {
    author: "elena",
    approver: "marcus",
    publishedAfterHours: 96,
    whatHappened: `For more than four hours the Northwind API, Chat in the web app and coding agent sessions were unavailable or unreliable for customers worldwide. A change to the service that routes requests to our model servers limited how many requests it could pass on, far below what we intended. Requests queued and failed while our model servers sat idle.`,
    why: `The limit in the change was meant for a single server but applied to a whole cluster of them, and our testing of the change ran at too little traffic to reach it. When requests began to fail, automatic retries tripled the traffic, and the extra load slowed down the system we use to undo changes, so restoring the previous configuration took hours instead of minutes. We restored service region by region with an emergency procedure: Europe first, then the United States, then Asia Pacific.`,
    commitments: [
      "Limits in our routing configuration will state their units and be checked against the size of what they limit before any change is applied.",
      "Routing changes will be tested at full production load before they reach every region.",
      "Undoing a change will no longer depend on the systems an incident may overload, and we will rehearse it every quarter in each region.",
      "Our SDKs and web app will retry failed requests with a budget and random delays, so retries cannot multiply the load.",
    ],
  },
};
