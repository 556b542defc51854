// A component of the catalog as the admin pages and the API show it (catalog.server.ts reads it).
// Pure, so components may import it.
import type { ActiveImpact } from "./rollup.ts";

export type ComponentView = {
  id: string;
  name: string;
  description: string | null;
  group: boolean;
  groupId: string | null;
  position: number;
  status: string;
  regions: string[];
  /** percent; null: the insights' default */
  slaTarget: number | null;
  components?: string[];
  /** open incidents affecting it now (inside view; the public status moves only by published updates) */
  activeIncidents: ActiveImpact[];
  createdAt: string;
  updatedAt: string;
};
