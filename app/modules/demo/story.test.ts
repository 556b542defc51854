import { describe, it, expect } from "vitest";
import {
  DEMO_PASSWORD,
  componentGroups,
  incidents,
  organization,
  regions,
  standaloneComponents,
  users,
  type SeedIncident,
} from "./story.ts";

const regionSlugs = new Set(regions.map((r) => r.slug));
const userKeys = new Set(users.map((u) => u.key));
const members = componentGroups.flatMap((g) => g.members);
const leafComponents = [...members, ...standaloneComponents];
const componentByKey = new Map(leafComponents.map((c) => [c.key, c]));
const KINDS = ["note", "action", "decision", "observation", "hypothesis", "customer_impact", "status_change"];
const MINUTES_PER_DAY = 24 * 60;

function duplicates(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function allTexts(): string[] {
  return [
    ...incidents.flatMap((i) => [i.title, i.summary, ...i.timeline.map((e) => e.text)]),
    ...leafComponents.map((c) => c.description),
    ...componentGroups.map((g) => g.description),
  ];
}

describe("organisation and regions", () => {
  it("has an organisation with an https public URL and a valid time zone", () => {
    expect(organization.name).not.toBe("");
    expect(organization.publicUrl).toMatch(/^https:\/\/[^\s/]+/);
    expect(isValidTimeZone(organization.timeZone)).toBe(true);
  });

  it("has the three regions with unique slugs", () => {
    expect(regions.map((r) => r.slug)).toEqual(["us-east", "eu-west", "ap-southeast"]);
    expect(duplicates(regions.map((r) => r.name))).toEqual([]);
  });
});

describe("components", () => {
  it("has unique keys across groups, members and standalone components", () => {
    const keys = [...componentGroups.map((g) => g.key), ...leafComponents.map((c) => c.key)];
    expect(duplicates(keys)).toEqual([]);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("has the expected groups, each with members", () => {
    expect(componentGroups.map((g) => g.name)).toEqual(["Web app", "API", "Console", "Coding agent"]);
    for (const group of componentGroups) expect(group.members.length).toBeGreaterThan(0);
    expect(standaloneComponents.length).toBeGreaterThan(0);
  });

  it("places every component in at least one known region, without repeats", () => {
    for (const c of leafComponents) {
      expect(c.regions.length, c.key).toBeGreaterThan(0);
      expect(duplicates(c.regions), c.key).toEqual([]);
      for (const slug of c.regions) expect(regionSlugs.has(slug), `${c.key}: ${slug}`).toBe(true);
    }
  });
});

describe("users", () => {
  it("has unique keys and case-insensitively unique emails", () => {
    expect(duplicates(users.map((u) => u.key))).toEqual([]);
    expect(duplicates(users.map((u) => u.email.toLowerCase()))).toEqual([]);
    for (const u of users) expect(u.email).toMatch(/^[a-z0-9.]+@northwind\.example$/);
  });

  it("has 2 admins, 3 responders, 2 comms and 2 viewers", () => {
    const count = (role: string) => users.filter((u) => u.role === role).length;
    expect([count("admin"), count("responder"), count("comms"), count("viewer")]).toEqual([2, 3, 2, 2]);
  });

  it("makes the first user of each role the documented demo login", () => {
    for (const role of ["admin", "responder", "comms", "viewer"] as const) {
      const first = users.find((u) => u.role === role);
      expect(first?.email).toBe(`${role}@northwind.example`);
    }
  });

  it("uses valid and varied time zones", () => {
    for (const u of users) expect(isValidTimeZone(u.timeZone), u.timeZone).toBe(true);
    expect(new Set(users.map((u) => u.timeZone)).size).toBeGreaterThanOrEqual(5);
  });

  it("has a demo password of at least 12 characters", () => {
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);
  });
});

describe("incidents", () => {
  const label = (i: SeedIncident) => `${i.severity} ${i.title}`;

  it("are all within the last 90 days, oldest first", () => {
    for (const i of incidents) {
      expect(i.daysAgo, label(i)).toBeGreaterThan(0);
      expect(i.daysAgo, label(i)).toBeLessThanOrEqual(90);
      expect(Number.isInteger(i.hourUtc) && i.hourUtc >= 0 && i.hourUtc < 24, label(i)).toBe(true);
      expect(Number.isInteger(i.minuteUtc) && i.minuteUtc >= 0 && i.minuteUtc < 60, label(i)).toBe(true);
    }
    const days = incidents.map((i) => i.daysAgo);
    expect(days).toEqual([...days].sort((a, b) => b - a));
  });

  it("has exactly one unresolved incident, and it is live and recent", () => {
    const open = incidents.filter((i) => i.resolvedAfterMin === null);
    expect(open).toHaveLength(1);
    const live = open[0]!;
    expect(live.status).not.toBe("resolved");
    expect(live.mitigatedAfterMin).toBeNull();
    expect(live.daysAgo).toBeLessThan(1);
    expect(live.components.some((w) => w.toMin === null)).toBe(true);
  });

  it("has status consistent with the milestones", () => {
    for (const i of incidents) {
      expect(i.status === "resolved", label(i)).toBe(i.resolvedAfterMin !== null);
      if (i.status === "monitoring") expect(i.mitigatedAfterMin, label(i)).not.toBeNull();
    }
  });

  it("orders the milestones: 0 <= detected <= acknowledged <= mitigated <= resolved", () => {
    for (const i of incidents) {
      const chain = [0, i.detectedAfterMin, i.acknowledgedAfterMin, i.mitigatedAfterMin, i.resolvedAfterMin].filter(
        (m): m is number => m !== null,
      );
      expect(chain, label(i)).toEqual([...chain].sort((a, b) => a - b));
      if (i.resolvedAfterMin !== null) expect(i.mitigatedAfterMin, label(i)).not.toBeNull();
    }
  });

  it("ends resolved incidents before now", () => {
    for (const i of incidents) {
      if (i.resolvedAfterMin === null) continue;
      // The start is on the day `daysAgo` days back, at any hour, so allow one day of slack.
      expect(i.resolvedAfterMin, label(i)).toBeLessThan((i.daysAgo - 1) * MINUTES_PER_DAY);
    }
  });

  it("references existing users in every role", () => {
    for (const i of incidents) {
      for (const key of [i.commander, i.commsLead, i.scribe, i.declaredBy]) {
        if (key !== null) expect(userKeys.has(key), `${label(i)}: ${key}`).toBe(true);
      }
      const declarer = users.find((u) => u.key === i.declaredBy);
      expect(declarer?.role, label(i)).not.toBe("viewer");
    }
  });

  it("references existing regions without repeats", () => {
    for (const i of incidents) {
      expect(i.regions.length, label(i)).toBeGreaterThan(0);
      expect(duplicates(i.regions), label(i)).toEqual([]);
      for (const slug of i.regions) expect(regionSlugs.has(slug), `${label(i)}: ${slug}`).toBe(true);
    }
  });

  it("has impact windows on existing components, within bounds and not overlapping", () => {
    for (const i of incidents) {
      expect(i.components.length, label(i)).toBeGreaterThan(0);
      const end = i.resolvedAfterMin;
      for (const w of i.components) {
        const where = `${label(i)}: ${w.key} ${w.impact} ${w.fromMin}-${w.toMin}`;
        const component = componentByKey.get(w.key);
        expect(component, where).toBeDefined();
        // the component runs in at least one of the incident's regions
        expect(
          component!.regions.some((r) => i.regions.includes(r)),
          where,
        ).toBe(true);
        expect(w.fromMin, where).toBeGreaterThanOrEqual(0);
        if (w.toMin === null) {
          expect(end, where).toBeNull();
        } else {
          expect(w.toMin, where).toBeGreaterThan(w.fromMin);
          if (end !== null) expect(w.toMin, where).toBeLessThanOrEqual(end);
        }
      }
      for (const key of new Set(i.components.map((w) => w.key))) {
        const windows = i.components.filter((w) => w.key === key);
        for (let n = 1; n < windows.length; n++) {
          const prev = windows[n - 1]!;
          const next = windows[n]!;
          expect(prev.toMin, `${label(i)}: ${key}`).not.toBeNull();
          expect(next.fromMin, `${label(i)}: ${key}`).toBeGreaterThanOrEqual(prev.toMin!);
          expect(next.impact, `${label(i)}: ${key}`).not.toBe(prev.impact);
        }
      }
    }
  });

  it("has timelines sorted by minutes, by known authors, within the incident", () => {
    for (const i of incidents) {
      expect(i.timeline.length, label(i)).toBeGreaterThanOrEqual(5);
      const minutes = i.timeline.map((e) => e.minutes);
      for (let n = 1; n < minutes.length; n++) expect(minutes[n]!, label(i)).toBeGreaterThan(minutes[n - 1]!);
      expect(minutes[0]!, label(i)).toBeGreaterThanOrEqual(-10);
      const last = minutes[minutes.length - 1]!;
      if (i.resolvedAfterMin !== null) {
        expect(last, label(i)).toBeLessThanOrEqual(i.resolvedAfterMin);
      } else {
        // nothing in the future: the live incident started daysAgo days before now
        expect(last, label(i)).toBeLessThanOrEqual(Math.min(30, i.daysAgo * MINUTES_PER_DAY));
      }
      for (const e of i.timeline) {
        expect(userKeys.has(e.author), `${label(i)} @${e.minutes}: ${e.author}`).toBe(true);
        expect(users.find((u) => u.key === e.author)?.role, `${label(i)} @${e.minutes}`).not.toBe("viewer");
        expect(KINDS, `${label(i)} @${e.minutes}`).toContain(e.kind);
        expect(e.text.trim().length, `${label(i)} @${e.minutes}`).toBeGreaterThan(0);
      }
    }
  });

  it("has a resolved SEV1 with a rich, pinned timeline across all regions", () => {
    const sev1 = incidents.filter((i) => i.severity === "SEV1");
    expect(sev1).toHaveLength(1);
    const big = sev1[0]!;
    expect(big.status).toBe("resolved");
    expect(big.commander).not.toBeNull();
    expect(big.commsLead).not.toBeNull();
    expect(big.scribe).not.toBeNull();
    expect([...big.regions].sort()).toEqual([...regionSlugs].sort());
    expect(big.resolvedAfterMin!).toBeGreaterThanOrEqual(4 * 60);
    expect(big.timeline.length).toBeGreaterThanOrEqual(30);
    const pinned = big.timeline.filter((e) => e.pinned).length;
    expect(pinned).toBeGreaterThanOrEqual(4);
    expect(pinned).toBeLessThanOrEqual(8);
    expect(new Set(big.timeline.map((e) => e.kind))).toEqual(new Set(KINDS));
    // at least one component changes impact over time
    const keys = big.components.map((w) => w.key);
    expect(duplicates(keys).length).toBeGreaterThan(0);
  });
});

describe("text", () => {
  it("uses only https links in Markdown", () => {
    for (const text of allTexts()) {
      for (const match of text.matchAll(/\]\(([^)]*)\)/g)) expect(match[1], text).toMatch(/^https:\/\//);
    }
  });

  it("keeps the wording blameless", () => {
    for (const text of allTexts()) {
      expect(text, text).not.toMatch(/human error|careless|should have|negligen|fault of|blame/i);
    }
  });
});
