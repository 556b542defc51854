import { describe, expect, it } from "vitest";
import { hostAllowed, parseAllowedHosts } from "./allowed-hosts.ts";

describe("ALLOWED_HOSTS", () => {
  it("allows any host when it is empty", () => {
    expect(hostAllowed("https://anything.example", parseAllowedHosts(""))).toBe(true);
  });

  it("allows exactly the listed hosts, case-insensitively", () => {
    const allowed = parseAllowedHosts(" Status.Northwind.example , status.northwind.dev");
    expect(hostAllowed("https://status.northwind.example/status", allowed)).toBe(true);
    expect(hostAllowed("http://STATUS.northwind.dev", allowed)).toBe(true);
    expect(hostAllowed("https://status.northwind.example.evil.test", allowed)).toBe(false);
    expect(hostAllowed("https://evil.test/status.northwind.example", allowed)).toBe(false);
    expect(hostAllowed("https://user@evil.test", allowed)).toBe(false);
  });

  it("lets *.domain allow its subdomains but not the bare domain or look-alikes", () => {
    const allowed = parseAllowedHosts("*.northwind.example");
    expect(hostAllowed("https://status.northwind.example", allowed)).toBe(true);
    expect(hostAllowed("https://a.b.northwind.example", allowed)).toBe(true);
    expect(hostAllowed("https://northwind.example", allowed)).toBe(false);
    expect(hostAllowed("https://evilnorthwind.example", allowed)).toBe(false);
  });

  it("matches a port only when the pattern names one", () => {
    expect(hostAllowed("http://localhost:3000", parseAllowedHosts("localhost"))).toBe(true);
    expect(hostAllowed("http://localhost:3000", parseAllowedHosts("localhost:3000"))).toBe(true);
    expect(hostAllowed("http://localhost:4000", parseAllowedHosts("localhost:3000"))).toBe(false);
  });

  it("refuses what is not a URL", () => {
    expect(hostAllowed("not a url", parseAllowedHosts("localhost"))).toBe(false);
  });
});
