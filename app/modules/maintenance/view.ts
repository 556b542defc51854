// A maintenance as its pages and the API show it (maintenance.server.ts reads it). Pure, so
// components may import it.
import type { MaintenanceStatusName } from "~/modules/status-page/model.ts";

export type MaintenanceView = {
  id: string;
  title: string;
  status: MaintenanceStatusName;
  scheduledFor: string;
  scheduledUntil: string;
  startedAt: string | null;
  completedAt: string | null;
  components: { id: string; name: string }[];
  updates: { id: string; status: string; body: string; publishedAt: string }[];
  createdBy: { id: string; name: string };
};
