// Which addresses a webhook may reach: only globally routable ones, judged on the address and
// never on how it was written (decision 0032). An IPv6 address that embeds an IPv4 address
// (mapped, compatible, NAT64, 6to4, Teredo) is judged as that IPv4 address; every range of
// IANA's two special-purpose registries is refused. An admin's allowlist (and
// WEBHOOK_ALLOWED_HOSTS) is the one way to a private destination. Pure.
import { isIP } from "node:net";

type Range = { first: bigint; bits: number; width: 32 | 128; reason: string };

function ipv4Value(text: string): bigint {
  return text.split(".").reduce((value, part) => (value << 8n) | BigInt(Number(part)), 0n);
}

function ipv6Value(text: string): bigint {
  let body = text;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (dotted) {
    const v4 = ipv4Value(dotted[1]);
    body = `${body.slice(0, dotted.index)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = body.includes("::") ? body.split("::") : [body, null];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === null ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return groups.reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n);
}

function range(cidr: string, reason: string): Range {
  const [address, bits] = cidr.split("/");
  const width = isIP(address) === 4 ? 32 : 128;
  return { first: width === 32 ? ipv4Value(address) : ipv6Value(address), bits: Number(bits ?? width), width, reason };
}

function inRange(value: bigint, r: Range): boolean {
  const shift = BigInt(r.width - r.bits);
  return value >> shift === r.first >> shift;
}

const PRIVATE = "a private address";
const DOCUMENTATION = "a documentation address";

// IANA IPv4 Special-Purpose Address Registry, every entry, plus multicast and the metadata
// service's own words. The few entries marked globally reachable (AS112, AMT, 192.0.0.9/10)
// are no webhook receivers: refused as well. First match wins.
const IPV4: Range[] = [
  range("169.254.169.254/32", "the cloud metadata service"),
  range("0.0.0.0/8", "an unspecified ('this network') address"),
  range("10.0.0.0/8", PRIVATE),
  range("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
  range("127.0.0.0/8", "a loopback address"),
  range("169.254.0.0/16", "a link-local address"),
  range("172.16.0.0/12", PRIVATE),
  range("192.0.0.0/24", "an IETF protocol assignment"),
  range("192.0.2.0/24", DOCUMENTATION),
  range("192.31.196.0/24", "an AS112 address"),
  range("192.52.193.0/24", "an AMT address"),
  range("192.88.99.0/24", "a deprecated 6to4 relay address"),
  range("192.168.0.0/16", PRIVATE),
  range("192.175.48.0/24", "an AS112 address"),
  range("198.18.0.0/15", "a benchmarking address"),
  range("198.51.100.0/24", DOCUMENTATION),
  range("203.0.113.0/24", DOCUMENTATION),
  range("224.0.0.0/4", "a multicast address"),
  range("255.255.255.255/32", "the broadcast address"),
  range("240.0.0.0/4", "a reserved address"),
];

// IANA IPv6 Special-Purpose Address Registry, without the forms that embed an IPv4 address
// (handled first, below). Everything outside 2000::/3 (global unicast) is refused after these.
const IPV6: Range[] = [
  range("::/128", "an unspecified address"),
  range("::1/128", "a loopback address"),
  range("fd00:ec2::254/128", "the cloud metadata service"),
  range("100::/64", "a discard-only address"),
  range("100:0:0:1::/64", "a dummy prefix address"),
  range("2001:db8::/32", DOCUMENTATION),
  range("3fff::/20", DOCUMENTATION),
  range("2001::/23", "an IETF protocol assignment"),
  range("5f00::/16", "a segment routing (SRv6) address"),
  range("fc00::/7", "a private (unique local) address"),
  range("fe80::/10", "a link-local address"),
  range("fec0::/10", "a deprecated site-local address"),
  range("ff00::/8", "a multicast address"),
];
const GLOBAL_UNICAST = range("2000::/3", "");

/** IPv6 forms that carry an IPv4 address: where it sits, and whether a public one may be reached. */
const EMBEDDING: { prefix: Range; v4: (value: bigint) => bigint; publicAllowed: boolean }[] = [
  // ::ffff:a.b.c.d is a.b.c.d itself on a dual-stack socket.
  { prefix: range("::ffff:0:0/96", "an IPv4-mapped address"), v4: (v) => v & 0xffffffffn, publicAllowed: true },
  // NAT64's well-known prefix is globally reachable: a translator reaches a.b.c.d.
  { prefix: range("64:ff9b::/96", "a NAT64 address"), v4: (v) => v & 0xffffffffn, publicAllowed: true },
  // 6to4: 2002:AABB:CCDD::/48 is the network behind AA.BB.CC.DD.
  { prefix: range("2002::/16", "a 6to4 address"), v4: (v) => (v >> 80n) & 0xffffffffn, publicAllowed: true },
  // Teredo: the client's address, inverted, in the last 32 bits. Teredo serves clients behind
  // NAT, never a webhook receiver: always refused, named by the client address when it is special.
  { prefix: range("2001::/32", "a Teredo tunnel address"), v4: (v) => ~v & 0xffffffffn, publicAllowed: false },
  { prefix: range("64:ff9b:1::/48", "a local-use NAT64 address"), v4: (v) => v & 0xffffffffn, publicAllowed: false },
  { prefix: range("::ffff:0:0:0/96", "an IPv4-translated address"), v4: (v) => v & 0xffffffffn, publicAllowed: false },
  // ::a.b.c.d (IPv4-compatible) is deprecated (RFC 4291); :: and ::1 are matched before this.
  { prefix: range("::/96", "a deprecated IPv4-compatible address"), v4: (v) => v & 0xffffffffn, publicAllowed: false },
];

function forbiddenIpv4(value: bigint): string | null {
  return IPV4.find((r) => inRange(value, r))?.reason ?? null;
}

function forbiddenIpv6(value: bigint): string | null {
  if (value <= 1n) return IPV6.find((r) => inRange(value, r))!.reason;
  for (const form of EMBEDDING) {
    if (!inRange(value, form.prefix)) continue;
    const embedded = forbiddenIpv4(form.v4(value));
    if (embedded) return embedded;
    return form.publicAllowed ? null : form.prefix.reason;
  }
  const special = IPV6.find((r) => inRange(value, r));
  if (special) return special.reason;
  return inRange(value, GLOBAL_UNICAST) ? null : "a reserved address";
}

/** The address without brackets or an IPv6 zone, as isIP reads it; null when it is no IP address. */
function bareAddress(text: string): string | null {
  const bare = text.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  return isIP(bare) ? bare : null;
}

/** Why this address is off limits, or null when it is a globally routable address. */
export function forbiddenAddress(address: string): string | null {
  const bare = bareAddress(address);
  if (!bare) return "not an IP address";
  return isIP(bare) === 4 ? forbiddenIpv4(ipv4Value(bare)) : forbiddenIpv6(ipv6Value(bare.toLowerCase()));
}

/** The host as a URL would read it (an allowlist entry `127.1` or `0x7f.1` is 127.0.0.1), or "" when no URL could hold it. */
function asUrlHost(text: string): string {
  try {
    return new URL(`http://${text}/`).hostname;
  } catch {
    return "";
  }
}

/** One spelling per address (an IPv4-mapped IPv6 address as its IPv4 address), or the lowercased name without a trailing dot. */
export function canonicalHost(host: string): string {
  const bare = bareAddress(host.trim()) ?? bareAddress(asUrlHost(host.trim()));
  if (!bare)
    return host
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, "")
      .replace(/\.$/, "");
  if (isIP(bare) === 4) return `v4:${ipv4Value(bare).toString(16)}`;
  const value = ipv6Value(bare.toLowerCase());
  return value >> 32n === 0xffffn ? `v4:${(value & 0xffffffffn).toString(16)}` : `v6:${value.toString(16)}`;
}

export function allowedHost(host: string, allowlist: string): boolean {
  const wanted = canonicalHost(host);
  return allowlist
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean)
    .some((h) => canonicalHost(h) === wanted);
}

export type HostVerdict = { kind: "allowed" } | { kind: "refused"; reason: string } | { kind: "resolve" };

/**
 * What a URL's host (`new URL(url).hostname`, already normalised by WHATWG: 2130706433, 0x7f.1
 * and 127.1 arrive as 127.0.0.1) allows before any connection: an IP literal is judged here, as
 * Node never passes one through a lookup hook; a name is judged by every address it resolves to.
 */
export function judgeHost(hostname: string, allowlist: string): HostVerdict {
  if (allowedHost(hostname, allowlist)) return { kind: "allowed" };
  const bare = bareAddress(hostname);
  if (bare) {
    const reason = forbiddenAddress(bare);
    return reason ? { kind: "refused", reason: `${bare} is ${reason}` } : { kind: "allowed" };
  }
  const name = canonicalHost(hostname);
  if (name === "localhost" || name.endsWith(".localhost")) return { kind: "refused", reason: `${name} is this machine (localhost)` };
  return { kind: "resolve" };
}

/** Null when every address a name resolved to may be reached; else why not. */
export function refusedAddresses(hostname: string, addresses: readonly string[], allowlist: string): string | null {
  if (addresses.length === 0) return `${hostname} resolves to no address`;
  for (const address of addresses) {
    if (allowedHost(address, allowlist)) continue;
    const reason = forbiddenAddress(address);
    if (reason) return `${hostname} resolves to ${reason} (${address})`;
  }
  return null;
}

/** What a delivery row and the admin's page show for a refused destination: never why, which would map the network. */
export const DESTINATION_NOT_ALLOWED = "destination not allowed";
