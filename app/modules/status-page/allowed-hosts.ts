// ALLOWED_HOSTS: the hosts links in emails may point at. An admin sets the page's public URL in
// the settings; with ALLOWED_HOSTS set, a URL on any other host is refused there, and a stored
// one that is no longer allowed is not put into emails. Pure.

/** "status.example.com, *.example.org" → ["status.example.com", "*.example.org"]; empty: any host. */
export function parseAllowedHosts(value: string): string[] {
  return value
    .split(",")
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
}

/** `*.example.org` allows every subdomain of example.org, not example.org itself. A port must match if given. */
export function hostAllowed(url: string, allowed: string[]): boolean {
  if (allowed.length === 0) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  const withPort = parsed.port ? `${host}:${parsed.port}` : host;
  return allowed.some((pattern) => {
    const target = pattern.includes(":") ? withPort : host;
    return pattern.startsWith("*.") ? target.endsWith(pattern.slice(1)) : target === pattern;
  });
}
