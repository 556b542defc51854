// What a post-mortem is generated from: the incident's structured data, as plain values.
// Loaded by source.server.ts; everything that reads it is pure.
import type { ComponentImpactName, SeverityName } from "~/modules/incidents/lifecycle.ts";
import type { ImpactWindow, Milestones } from "./metrics.ts";

export type SourceEntry = {
  seq: number;
  kind: string;
  text: string;
  occurredAt: Date;
  pinned: boolean;
  author: string | null;
};

export type SourceUpdate = {
  id: string;
  status: string;
  body: string;
  publishedAt: Date;
  nextUpdateAt: Date | null;
};

export type PostmortemSource = {
  incident: Milestones & {
    id: string;
    ref: string;
    title: string;
    summary: string;
    severity: SeverityName;
    commander: string | null;
    commsLead: string | null;
    scribe: string | null;
  };
  regions: string[];
  impacts: ImpactWindow[];
  /** not deleted, oldest first */
  entries: SourceEntry[];
  /** published updates, oldest first */
  updates: SourceUpdate[];
};

export type { ComponentImpactName };
