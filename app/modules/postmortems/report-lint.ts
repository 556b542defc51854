// The root-cause report goes to customers: names that only mean something inside (service ids
// such as "api-gateway-v2", hosts, infrastructure such as "k8s" or "redis-cluster-3", anything in
// `code`) and version strings ("v2.31.4", "1.19.0-rc1") are flagged for the writer to reword.
// A warning, never a block: the writer decides. Link targets are not read (an address is meant to
// be followed), except the host of a link into an internal network. Pure.

export type InternalTermKind = "service" | "version" | "host" | "code";
export type InternalTerm = { term: string; kind: InternalTermKind };
export type ReportLintIssue = { rule: "internal-terms"; severity: "warning"; message: string; terms: string[] };

/**
 * Words that make a hyphenated or underscored name a piece of infrastructure rather than English
 * ("edge-proxy", "auth-service"; but "per-replica limit" and "follow-up" are English).
 */
const INFRA_PARTS = new Set(
  (
    "gateway cluster worker workers proxy db svc service services shard pod pods lb canary prod staging cron ingress egress " +
    "broker daemon sidecar infra k8s redis kafka postgres pg mysql mongo nginx envoy etcd vpc subnet grpc rpc"
  ).split(" "),
);

/** Infrastructure customers never need to hear of, as whole words. */
const INFRA_WORDS = new RegExp(
  `\\b(?:${[
    "k8s",
    "kubernetes",
    "kubectl",
    "redis",
    "kafka",
    "etcd",
    "zookeeper",
    "rabbitmq",
    "memcached",
    "nginx",
    "haproxy",
    "envoy",
    "istio",
    "terraform",
    "helm",
    "postgres(?:ql)?",
    "mysql",
    "mongodb",
    "elasticsearch",
    "opensearch",
    "grpc",
  ].join("|")})\\b`,
  "gi",
);
const VERSION =
  /(?<![\w.-])(?:v\d+(?:\.\d+){0,3}(?:-[0-9a-z]+(?:\.[0-9a-z]+)*)?|\d+\.\d+\.\d+(?:-[0-9a-z]+(?:\.[0-9a-z]+)*)?)(?![\w.-]*\w)/gi;
const IPV4 = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.]*\w)/g;
const INTERNAL_HOST =
  /(?<![\w.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:internal|local|lan|corp|intra|intranet|svc|localdomain)(?![\w-])/gi;
const IDENTIFIER = /(?<![\w.-])[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+(?![\w-])/gi;
const CODE = /`([^`\n]+)`/g;
const LINK = /\[([^\]]*)\]\(([^)\s]*)\)/g;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"')]+/gi;

function isServiceName(token: string): boolean {
  if (/\d|_/.test(token)) return true;
  return token
    .toLowerCase()
    .split(/[-_]/)
    .some((part) => INFRA_PARTS.has(part));
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/**
 * Every internal name and version string in `text` (light Markdown), in the order they appear,
 * each once; `allowed`: public names (components, regions) that are never flagged.
 */
export function internalTerms(text: string, allowed: string[] = []): InternalTerm[] {
  const found: { at: number; term: string; kind: InternalTermKind }[] = [];
  const add = (at: number, term: string, kind: InternalTermKind) => found.push({ at, term, kind });
  // Link targets and bare addresses are read for their host only, then blanked out (same length, so positions hold).
  const blank = (s: string) => " ".repeat(s.length);
  const checkHost = (at: number, url: string) => {
    const host = hostOf(url);
    if (host && (new RegExp(INTERNAL_HOST.source, "i").test(host) || new RegExp(`^${IPV4.source}$`).test(host))) add(at, host, "host");
  };
  let prose = text.replace(LINK, (whole, label: string, href: string, at: number) => {
    checkHost(at, href);
    return `[${label}]${blank(`(${href})`)}`;
  });
  prose = prose.replace(URL_IN_TEXT, (url, at: number) => {
    checkHost(at, url);
    return blank(url);
  });
  for (const m of prose.matchAll(CODE)) add(m.index!, m[1].trim(), "code");
  prose = prose.replace(CODE, (whole) => blank(whole));
  for (const m of prose.matchAll(IPV4)) add(m.index!, m[0], "host");
  for (const m of prose.matchAll(INTERNAL_HOST)) add(m.index!, m[0], "host");
  for (const m of prose.matchAll(IDENTIFIER)) if (isServiceName(m[0])) add(m.index!, m[0], "service");
  for (const m of prose.matchAll(INFRA_WORDS)) add(m.index!, m[0], "service");
  for (const m of prose.matchAll(VERSION)) add(m.index!, m[0], "version");

  const publicNames = allowed.map((name) => name.toLowerCase());
  const isPublic = (term: string) => publicNames.some((name) => name.includes(term.toLowerCase()));
  found.sort((a, b) => a.at - b.at || b.term.length - a.term.length);
  const out: InternalTerm[] = [];
  const spans: [number, number][] = [];
  for (const f of found) {
    // A version inside a service name ("api-gateway-v2") is that name, not a term of its own.
    if (spans.some(([from, to]) => f.at >= from && f.at + f.term.length <= to)) continue;
    spans.push([f.at, f.at + f.term.length]);
    if (f.term === "" || isPublic(f.term) || out.some((o) => o.term.toLowerCase() === f.term.toLowerCase())) continue;
    out.push({ term: f.term, kind: f.kind });
  }
  return out;
}

/** The warning beside a root-cause report's draft, or nothing when it reads as customer words. */
export function reportLint(text: string, allowed: string[] = []): ReportLintIssue[] {
  const terms = internalTerms(text, allowed).map((t) => t.term);
  if (terms.length === 0) return [];
  return [
    { rule: "internal-terms", severity: "warning", message: `Reword for customers: ${terms.map((t) => `'${t}'`).join(", ")}`, terms },
  ];
}
