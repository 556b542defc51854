// A post-mortem as its pages and the API show it (postmortems.server.ts reads it). Pure, so
// components may import it.
import type { IncidentStatusName, SeverityName } from "~/modules/incidents/lifecycle.ts";
import type { Person } from "~/modules/two-person-rule/contributors.ts";
import type { PmDoc } from "./document.ts";
import type {
  ActionItemKindName,
  ActionItemPriorityName,
  ActionItemStateName,
  PostmortemStateName,
  SectionDefinition,
  SectionKey,
} from "./sections.ts";

export type PostmortemView = {
  id: string;
  title: string;
  state: PostmortemStateName;
  revision: number;
  author: Person;
  /** everyone who wrote any of its text, the author first (decision 29) */
  contributors: Person[];
  approvedBy: Person | null;
  submittedAt: string | null;
  approvedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  incident: {
    id: string;
    ref: string;
    title: string;
    severity: SeverityName;
    status: IncidentStatusName;
    startedAt: string;
    detectedAt: string;
    acknowledgedAt: string | null;
    mitigatedAt: string | null;
    resolvedAt: string | null;
  };
  sections: {
    key: SectionKey;
    title: string;
    source: SectionDefinition["source"];
    prompts: string[];
    /** the whole section in reading order: the generated part, then what people wrote */
    doc: PmDoc;
    /** the part generated from the incident, shown read-only; null when stored before decision 0042 (it is inside `written`) */
    generated: PmDoc | null;
    generatedAt: string | null;
    /** what people wrote: the live document's part */
    written: PmDoc;
    updatedAt: string;
  }[];
  actionItems: {
    id: string;
    title: string;
    kind: ActionItemKindName;
    priority: ActionItemPriorityName;
    state: ActionItemStateName;
    owner: { id: string; name: string; email: string } | null;
    dueAt: string | null;
    trackerUrl: string | null;
    closedAt: string | null;
    createdAt: string;
  }[];
  changes: {
    id: string;
    action: string;
    fromState: PostmortemStateName;
    toState: PostmortemStateName;
    note: string;
    actor: Person | null;
    at: string;
  }[];
};
