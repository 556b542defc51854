import { describe, expect, it } from "vitest";
import { allowedHost, forbiddenAddress } from "./addresses.ts";

describe("webhook destinations", () => {
  it("refuse this machine, private networks, link-local and the metadata service", () => {
    expect(forbiddenAddress("127.0.0.1")).toBe("a loopback address");
    expect(forbiddenAddress("::1")).toBe("a loopback address");
    expect(forbiddenAddress("10.1.2.3")).toBe("a private address");
    expect(forbiddenAddress("172.20.0.5")).toBe("a private address");
    expect(forbiddenAddress("192.168.1.10")).toBe("a private address");
    expect(forbiddenAddress("169.254.169.254")).toBe("the cloud metadata service");
    expect(forbiddenAddress("169.254.10.1")).toBe("a link-local address");
    expect(forbiddenAddress("fe80::1")).toBe("a link-local address");
    expect(forbiddenAddress("fd12::1")).toBe("a private address");
    expect(forbiddenAddress("::ffff:127.0.0.1")).toBe("a loopback address");
    expect(forbiddenAddress("0.0.0.0")).toBe("an unspecified address");
  });

  it("allow public addresses", () => {
    expect(forbiddenAddress("93.184.216.34")).toBeNull();
    expect(forbiddenAddress("172.32.0.1")).toBeNull();
    expect(forbiddenAddress("2606:4700::1111")).toBeNull();
  });

  it("let an admin allowlist a host by name", () => {
    expect(allowedHost("hooks.internal", "hooks.internal, other")).toBe(true);
    expect(allowedHost("HOOKS.internal", "hooks.internal")).toBe(true);
    expect(allowedHost("evil.example", "hooks.internal")).toBe(false);
    expect(allowedHost("127.0.0.1", "")).toBe(false);
  });
});
