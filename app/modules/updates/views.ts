// A status update as the comms tab, the room and the API show it (views.server.ts reads it). Pure,
// so components may import it.
import type { ReportLintIssue } from "~/modules/postmortems/report-lint.ts";
import type { ComponentStatusName } from "~/modules/status-page/model.ts";
import type { UpdateStateName } from "./rules.ts";

export type UpdateView = {
  id: string;
  incidentId: string | null;
  maintenanceId: string | null;
  status: string;
  body: string;
  state: UpdateStateName;
  notify: boolean;
  nextUpdateInMinutes: number | null;
  nextUpdateAt: string | null;
  components: { id: string; name: string; status: ComponentStatusName; oldStatus: ComponentStatusName | null }[];
  author: { id: string; name: string };
  /** everyone who wrote any of its text, the author first (decision 29) */
  contributors: { id: string; name: string }[];
  approvedBy: { id: string; name: string } | null;
  approvedAt: string | null;
  publishedBy: { id: string; name: string } | null;
  publishedAt: string | null;
  fromEntryId: string | null;
  /** the last refusal of its approval, until it is sent again or approved (decision 0046) */
  returned: { by: { id: string; name: string } | null; at: string; reason: string } | null;
  createdAt: string;
  updatedAt: string;
  /** a root-cause report's words customers should not read (internal names, versions); [] for other updates */
  lint: ReportLintIssue[];
};
