import { describe, expect, it } from "vitest";
import { allowedHost, canonicalHost, forbiddenAddress, judgeHost, refusedAddresses } from "./addresses.ts";

// Every written form of an address is judged as that address: [address, the reason it is refused].
const REFUSED: [string, string][] = [
  // loopback, however it is written
  ["127.0.0.1", "a loopback address"],
  ["127.255.255.254", "a loopback address"],
  ["::1", "a loopback address"],
  ["0:0:0:0:0:0:0:1", "a loopback address"],
  ["[::1]", "a loopback address"],
  ["::ffff:127.0.0.1", "a loopback address"],
  ["::FFFF:127.0.0.1", "a loopback address"],
  ["::ffff:7f00:1", "a loopback address"],
  ["0:0:0:0:0:ffff:7f00:0001", "a loopback address"],
  ["[::ffff:7f00:1]", "a loopback address"],
  ["::127.0.0.1", "a loopback address"],
  ["::7f00:1", "a loopback address"],
  ["::ffff:0:127.0.0.1", "a loopback address"],
  ["64:ff9b::127.0.0.1", "a loopback address"],
  ["64:ff9b::7f00:1", "a loopback address"],
  ["64:ff9b:1::7f00:1", "a loopback address"],
  ["2002:7f00:1::", "a loopback address"],
  ["2002:7f00:0001:abcd::1", "a loopback address"],
  ["2001:0:4136:e378:8000:63bf:80ff:fffe", "a loopback address"], // Teredo, client 127.0.0.1 inverted
  // private networks, in IPv4 and every IPv6 form that embeds them
  ["10.1.2.3", "a private address"],
  ["172.20.0.5", "a private address"],
  ["192.168.1.10", "a private address"],
  ["::ffff:10.0.0.8", "a private address"],
  ["::ffff:a00:8", "a private address"],
  ["::ffff:192.168.1.1", "a private address"],
  ["::ffff:c0a8:101", "a private address"],
  ["::10.0.0.8", "a private address"],
  ["64:ff9b::10.0.0.8", "a private address"],
  ["2002:c0a8:101::1", "a private address"],
  ["fd12::1", "a private (unique local) address"],
  ["fc00::1", "a private (unique local) address"],
  // the metadata service
  ["169.254.169.254", "the cloud metadata service"],
  ["::ffff:169.254.169.254", "the cloud metadata service"],
  ["::ffff:a9fe:a9fe", "the cloud metadata service"],
  ["fd00:ec2::254", "the cloud metadata service"],
  // the rest of IANA's IPv4 registry
  ["0.0.0.0", "an unspecified ('this network') address"],
  ["0.1.2.3", "an unspecified ('this network') address"],
  ["100.64.0.1", "a shared (carrier-grade NAT) address"],
  ["100.127.255.254", "a shared (carrier-grade NAT) address"],
  ["169.254.10.1", "a link-local address"],
  ["192.0.0.8", "an IETF protocol assignment"],
  ["192.0.2.1", "a documentation address"],
  ["198.51.100.7", "a documentation address"],
  ["203.0.113.9", "a documentation address"],
  ["192.88.99.1", "a deprecated 6to4 relay address"],
  ["198.18.0.1", "a benchmarking address"],
  ["198.19.255.254", "a benchmarking address"],
  ["::ffff:198.18.0.1", "a benchmarking address"],
  ["224.0.0.1", "a multicast address"],
  ["239.255.255.250", "a multicast address"],
  ["240.0.0.1", "a reserved address"],
  ["255.255.255.255", "the broadcast address"],
  // the rest of IANA's IPv6 registry
  ["::", "an unspecified address"],
  ["fe80::1", "a link-local address"],
  ["fe80::1%eth0", "a link-local address"],
  ["febf::1", "a link-local address"],
  ["fec0::1", "a deprecated site-local address"],
  ["ff02::1", "a multicast address"],
  ["100::1", "a discard-only address"],
  ["2001:db8::1", "a documentation address"],
  ["3fff::1", "a documentation address"],
  ["2001:2::1", "an IETF protocol assignment"],
  ["2001:1::1", "an IETF protocol assignment"],
  ["2001:0:4136:e378:8000:63bf:a2d9:d8dd", "a Teredo tunnel address"], // a public client is still Teredo
  ["5f00::1", "a segment routing (SRv6) address"],
  ["64:ff9b:1::5db8:d822", "a local-use NAT64 address"],
  ["::5db8:d822", "a deprecated IPv4-compatible address"],
  ["::ffff:0:5db8:d822", "an IPv4-translated address"],
  ["::2", "an unspecified ('this network') address"], // ::0.0.0.2
  ["400::1", "a reserved address"],
  ["4000::1", "a reserved address"],
  ["not-an-address", "not an IP address"],
];

const ALLOWED = [
  "93.184.216.34",
  "172.32.0.1",
  "172.15.255.255",
  "100.128.0.1",
  "198.20.0.1",
  "1.1.1.1",
  "::ffff:93.184.216.34",
  "::ffff:5db8:d822",
  "64:ff9b::93.184.216.34",
  "2002:5db8:d822::1",
  "2606:4700::1111",
  "2a00:1450:4001::200e",
  "[2606:4700::1111]",
];

describe("webhook destinations", () => {
  it.each(REFUSED)("refuse %s as %s", (address, reason) => {
    expect(forbiddenAddress(address)).toBe(reason);
  });

  it.each(ALLOWED)("allow the globally routable %s", (address) => {
    expect(forbiddenAddress(address)).toBeNull();
  });

  it("judge the host a URL normalised, whatever its spelling", () => {
    for (const url of [
      "http://2130706433/",
      "http://0x7f.1/",
      "http://127.1/",
      "http://0177.0.0.1/",
      "http://127.0.0.%31/",
      "http://[::ffff:127.0.0.1]/",
    ]) {
      const verdict = judgeHost(new URL(url).hostname, "");
      expect(verdict, url).toEqual({ kind: "refused", reason: expect.stringMatching(/is a loopback address$/) });
    }
    expect(judgeHost(new URL("http://198.18.0.1/").hostname, "")).toEqual({
      kind: "refused",
      reason: "198.18.0.1 is a benchmarking address",
    });
    expect(judgeHost(new URL("https://93.184.216.34/").hostname, "")).toEqual({ kind: "allowed" });
    expect(judgeHost(new URL("https://hooks.example.com/").hostname, "")).toEqual({ kind: "resolve" });
  });

  it("refuse localhost and its subdomains by name, with or without a trailing dot", () => {
    for (const host of ["localhost", "LOCALHOST", "localhost.", "api.localhost", "a.b.localhost."]) {
      expect(judgeHost(host, "").kind, host).toBe("refused");
    }
    expect(judgeHost("localhost.example.com", "").kind).toBe("resolve");
  });

  it("judge a name by every address it resolves to", () => {
    expect(refusedAddresses("hooks.example.com", ["93.184.216.34", "2606:4700::1111"], "")).toBeNull();
    expect(refusedAddresses("rebind.example", ["93.184.216.34", "::ffff:127.0.0.1"], "")).toBe(
      "rebind.example resolves to a loopback address (::ffff:127.0.0.1)",
    );
    expect(refusedAddresses("empty.example", [], "")).toMatch(/no address/);
    expect(refusedAddresses("hooks.internal", ["10.0.0.8"], "10.0.0.8")).toBeNull();
  });

  it("let an admin allowlist a host by name or an address in any spelling", () => {
    expect(allowedHost("hooks.internal", "hooks.internal, other")).toBe(true);
    expect(allowedHost("HOOKS.internal", "hooks.internal")).toBe(true);
    expect(allowedHost("hooks.internal.", "hooks.internal")).toBe(true);
    expect(allowedHost("evil.example", "hooks.internal")).toBe(false);
    expect(allowedHost("127.0.0.1", "")).toBe(false);
    expect(allowedHost("[::ffff:10.0.0.8]", "10.0.0.8")).toBe(true);
    expect(allowedHost("10.0.0.8", "::ffff:a00:8")).toBe(true);
    expect(allowedHost("[::1]", "0:0:0:0:0:0:0:1")).toBe(true);
    expect(allowedHost("10.0.0.9", "10.0.0.8")).toBe(false);
    expect(allowedHost("127.0.0.1", "127.1")).toBe(true);
    expect(allowedHost("127.0.0.1", "0x7f.0.0.1")).toBe(true);
    expect(allowedHost("hooks.internal", "hooks.internal:8080/x")).toBe(false);
    expect(judgeHost("localhost", "localhost")).toEqual({ kind: "allowed" });
    expect(judgeHost("127.0.0.1", "127.0.0.1")).toEqual({ kind: "allowed" });
    expect(canonicalHost("[::FFFF:7F00:1]")).toBe(canonicalHost("127.0.0.1"));
  });
});
