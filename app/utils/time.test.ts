// One clock (decision 0040): what a reader sees for an instant in their zone, and what the hover says.
import { describe, expect, it } from "vitest";
import { instantFromZonedInput, readerTime, zonedInputValue, zoneLabel } from "./time.ts";
import { isKnownTimeZone, TIME_ZONES, TimeZoneField } from "./time-zones.ts";

describe("readerTime", () => {
  it("shows the time in the reader's zone with its abbreviation, and UTC on hover", () => {
    const t = readerTime("2026-01-15T18:25:00.000Z", "America/Los_Angeles", "HH:mm");
    expect(t.text).toBe("10:25 PST");
    expect(t.title).toBe("15 Jan 2026 18:25 UTC");
    expect(t.dateTime).toBe("2026-01-15T18:25:00.000Z");
  });

  it("follows daylight saving time: the same zone says PDT in summer", () => {
    expect(readerTime("2026-07-15T17:25:00.000Z", "America/Los_Angeles", "HH:mm").text).toBe("10:25 PDT");
    // the night the clocks go forward in Los Angeles (8 March 2026, 02:00 → 03:00)
    expect(readerTime("2026-03-08T09:59:00.000Z", "America/Los_Angeles", "HH:mm").text).toBe("01:59 PST");
    expect(readerTime("2026-03-08T10:00:00.000Z", "America/Los_Angeles", "HH:mm").text).toBe("03:00 PDT");
  });

  it("names zones with a common abbreviation where one exists, else the offset, never GMT-8 for Los Angeles", () => {
    const winter = new Date("2026-01-15T12:00:00Z");
    const summer = new Date("2026-07-15T12:00:00Z");
    expect(zoneLabel("America/New_York", winter)).toBe("EST");
    expect(zoneLabel("Europe/Paris", winter)).toBe("CET");
    expect(zoneLabel("Europe/Paris", summer)).toBe("CEST");
    expect(zoneLabel("Europe/London", winter)).toBe("GMT");
    expect(zoneLabel("Europe/London", summer)).toBe("BST");
    expect(zoneLabel("Asia/Kolkata", winter)).toBe("GMT+5:30");
    expect(zoneLabel("Etc/UTC", winter)).toBe("UTC");
    expect(zoneLabel("UTC", winter)).toBe("UTC");
  });

  it("a UTC reader sees UTC as the abbreviation and the same time on hover", () => {
    const t = readerTime("2026-01-15T10:25:00.000Z", "Etc/UTC", "d MMM HH:mm");
    expect(t.text).toBe("15 Jan 10:25 UTC");
    expect(t.title).toBe("15 Jan 2026 10:25 UTC");
  });

  it("a date-only pattern carries no abbreviation, but the hover still gives the UTC time", () => {
    const t = readerTime("2026-01-16T05:00:00.000Z", "America/Los_Angeles", "d MMM yyyy", { zone: false });
    expect(t.text).toBe("15 Jan 2026");
    expect(t.title).toBe("16 Jan 2026 05:00 UTC");
  });
});

describe("milestone inputs in the reader's zone", () => {
  it("shows an instant as the reader's wall-clock time", () => {
    expect(zonedInputValue("2026-01-15T18:00:00.000Z", "America/Los_Angeles")).toBe("2026-01-15T10:00");
    expect(zonedInputValue(null, "America/Los_Angeles")).toBe("");
  });

  it("reads 10:00 entered in Los Angeles as 18:00Z in winter and 17:00Z in summer", () => {
    expect(instantFromZonedInput("2026-01-15T10:00", "America/Los_Angeles")).toBe("2026-01-15T18:00:00.000Z");
    expect(instantFromZonedInput("2026-07-15T10:00", "America/Los_Angeles")).toBe("2026-07-15T17:00:00.000Z");
    expect(instantFromZonedInput("2026-01-15T10:00", "Etc/UTC")).toBe("2026-01-15T10:00:00.000Z");
  });

  it("passes anything that is not a wall-clock time through for the schema to refuse", () => {
    expect(instantFromZonedInput("yesterday", "America/Los_Angeles")).toBe("yesterday");
  });
});

describe("the zone list", () => {
  it("offers UTC first and every IANA zone the runtime knows", () => {
    expect(TIME_ZONES[0]).toBe("Etc/UTC");
    expect(TIME_ZONES).toContain("America/Los_Angeles");
    expect(TIME_ZONES.length).toBeGreaterThan(300);
  });

  it("accepts listed zones and refuses unknown ones by name", () => {
    expect(isKnownTimeZone("Europe/Paris")).toBe(true);
    expect(isKnownTimeZone("UTC")).toBe(true);
    expect(isKnownTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isKnownTimeZone("Asia/Kolkata"), "a newer name of a listed zone, as a browser may report it").toBe(true);
    expect(isKnownTimeZone("Etc/GMT+8")).toBe(false);
    expect(TimeZoneField.safeParse("Europe/Paris").success).toBe(true);
    const refused = TimeZoneField.safeParse("Mars/Olympus_Mons");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toMatch(/time zone from the list/);
  });
});
