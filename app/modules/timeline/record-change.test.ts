// One way to change an incident (decision 0056): only record-change.server.ts takes an incident's
// sequence numbers, stores its events and announces them; every writer calls recordIncidentChange.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const RITUAL = "app/modules/timeline/record-change.server.ts";
/** The demo writes a finished story's events with numbers it counts itself, before anyone listens. */
const DEMO = "app/modules/demo/load.server.ts";

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return rel.startsWith("app/generated") ? [] : sources(rel);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [rel] : [];
  });
}

const code = sources("app").map((file) => ({ file, text: readFileSync(path.join(root, file), "utf8") }));
const filesWhere = (pattern: RegExp) => code.filter((c) => pattern.test(c.text)).map((c) => c.file);

describe("one way to change an incident", () => {
  it("only the ritual takes an incident's next sequence number", () => {
    expect(filesWhere(/lastSeq:\s*\{\s*increment/)).toEqual([RITUAL]);
  });

  it("only the ritual stores an incident's events (and the demo its story)", () => {
    expect(filesWhere(/incidentEvent\.create/).sort()).toEqual([DEMO, RITUAL].sort());
  });

  it("only the ritual announces on an incident's channel; the stream listens on it", () => {
    expect(filesWhere(/\bincidentChannel\(/).sort()).toEqual([RITUAL, "app/modules/timeline/stream.server.ts"].sort());
    expect(filesWhere(/bus\.publish\(\s*incidentChannel/)).toEqual([RITUAL]);
  });

  it("the writers of incident changes record them through it", () => {
    const writers = [
      "app/modules/incidents/change.server.ts",
      "app/modules/incidents/declare.server.ts",
      "app/modules/incidents/impact.server.ts",
      "app/modules/timeline/entries.server.ts",
      "app/modules/updates/publish.server.ts",
      "app/modules/updates/drafts.server.ts",
      "app/modules/alerts/intake.server.ts",
    ];
    expect(writers.filter((file) => !/recordIncidentChange\(/.test(readFileSync(path.join(root, file), "utf8")))).toEqual([]);
    // their audit rows go with the change (intake also audits its alert groups, which are not incident changes)
    expect(
      writers.filter(
        (file) => file !== "app/modules/alerts/intake.server.ts" && /\brecordAudit\(/.test(readFileSync(path.join(root, file), "utf8")),
      ),
    ).toEqual([]);
  });

  it("the events on the wire are one union, read by the room the way the server writes them", () => {
    expect(filesWhere(/\bnew EventSource\(`\/api\/v1\/incidents/)).toEqual(["app/components/room/incident-events.ts"]);
    expect(filesWhere(/readIncidentEvent\(/).sort()).toEqual(
      ["app/components/room/incident-events.ts", "app/modules/timeline/wire-events.ts"].sort(),
    );
    expect(filesWhere(/\beventFrame\(/).sort()).toEqual(
      ["app/modules/timeline/stream.server.ts", "app/modules/timeline/wire-events.ts"].sort(),
    );
  });
});
