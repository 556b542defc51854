// Which addresses a webhook may reach: never this machine, the private network, link-local
// addresses or a cloud's metadata service (SSRF), unless an admin allowlisted the host. Pure.
import { isIP } from "node:net";

function ipv4Parts(address: string): number[] | null {
  const parts = address.split(".").map(Number);
  return parts.length === 4 && parts.every((p) => Number.isInteger(p) && p >= 0 && p <= 255) ? parts : null;
}

/** Why this address is off limits, or null when it is a public address. */
export function forbiddenAddress(address: string): string | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return forbiddenAddress(mapped[1]);
  if (isIP(address) === 4) {
    const [a, b] = ipv4Parts(address)!;
    if (a === 127) return "a loopback address";
    if (a === 0) return "an unspecified address";
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return "a private address";
    if (a === 169 && b === 254) return address === "169.254.169.254" ? "the cloud metadata service" : "a link-local address";
    if (a === 100 && b >= 64 && b <= 127) return "a shared (carrier-grade NAT) address";
    if (a >= 224) return "a multicast or reserved address";
    return null;
  }
  if (isIP(address) === 6) {
    const lower = address.toLowerCase();
    if (lower === "::1") return "a loopback address";
    if (lower === "::") return "an unspecified address";
    if (/^fe[89ab]/.test(lower)) return "a link-local address";
    if (/^f[cd]/.test(lower)) return lower.startsWith("fd00:ec2::254") ? "the cloud metadata service" : "a private address";
    if (lower.startsWith("ff")) return "a multicast address";
    return null;
  }
  return "not an IP address";
}

export function allowedHost(host: string, allowlist: string): boolean {
  const wanted = host.toLowerCase().replace(/^\[|\]$/g, "");
  return allowlist
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean)
    .includes(wanted);
}
