// The words bench/scale's synthetic history is made of: components, regions, symptoms, actions,
// causes, metrics, people, and how often each entry kind and severity comes up.

export const COMPONENTS = ["Messages API", "Chat", "Agent sessions", "Batch API", "Embeddings", "Console dashboard", "Login", "Billing", "Webhooks", "File uploads", "Search index", "Streaming", "Status notifications", "Model router", "GPU pool", "Config service", "Rate limiter", "Object storage", "Postgres primary", "Redis cache", "Kafka", "DNS", "CDN edge", "Load balancer", "Auth tokens", "Audit log", "Usage metering", "Image generation", "Speech API", "Fine-tuning"];
export const REGIONS = ["us-east", "us-west", "eu-west", "eu-central", "ap-southeast", "ap-northeast", "sa-east"];
export const SYMPTOMS = ["elevated 5xx", "high p99 latency", "timeouts", "dropped connections", "stale reads", "queue backlog", "failed logins", "slow page loads", "missing events", "duplicate deliveries", "OOM kills", "certificate errors", "packet loss", "disk pressure", "replication lag"];
export const ACTIONS = ["Rolled back", "Restarted", "Scaled out", "Drained", "Failed over", "Paused", "Re-enabled", "Throttled", "Purged the cache of", "Rotated credentials for", "Pinned the version of", "Raised the limit of"];
export const CAUSES = ["a bad config push", "a noisy neighbour", "an expired certificate", "a schema migration", "a dependency upgrade", "a kernel update", "a retry storm", "a hot partition", "a memory leak", "a DNS change", "a feature flag", "a capacity shortfall"];
export const METRICS = ["error rate", "p99", "CPU", "memory", "queue depth", "connection count", "cache hit rate", "GC pause"];
export const PEOPLE = ["Dana", "Sofia", "Marcus", "Elena", "Priya", "Tomasz", "Aiko", "Kwame", "Lena", "Mateo"];
export const ENTRY_KINDS = ["observation", "observation", "action", "action", "note", "hypothesis", "decision", "customer_impact", "observation", "status_change"] as const;
export const SEVERITIES = ["SEV1", "SEV2", "SEV2", "SEV3", "SEV3", "SEV3", "SEV3", "SEV4", "SEV4", "SEV4"] as const;
export const IMPACTS = ["degraded_performance", "partial_outage", "major_outage"] as const;
export const SECTION_KEYS = ["summary", "impact", "timeline", "root_cause", "detection", "response", "contributing_factors", "lessons", "communication"] as const;
