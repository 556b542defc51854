// An action item as its pages and the API show it (queries.server.ts reads it). Pure, so
// components may import it.
import type {
  ActionItemKindName,
  ActionItemPriorityName,
  ActionItemStateName,
  PostmortemStateName,
} from "~/modules/postmortems/sections.ts";

export type ActionItemView = {
  id: string;
  title: string;
  kind: ActionItemKindName;
  priority: ActionItemPriorityName;
  state: ActionItemStateName;
  owner: { id: string; name: string; email: string } | null;
  dueAt: string | null;
  /** unfinished and past its due date, at the time of reading */
  overdue: boolean;
  trackerUrl: string | null;
  closedAt: string | null;
  postmortem: { id: string; title: string; state: PostmortemStateName };
  incident: { id: string; ref: string; title: string };
  createdAt: string;
  updatedAt: string;
};
