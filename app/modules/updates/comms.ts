// A component as the comms tab shows it beside an update (comms.server.ts reads it). Pure, so
// components may import it.
import type { ComponentStatusName } from "~/modules/status-page/model.ts";

export type CommsComponent = {
  id: string;
  name: string;
  group: string | null;
  publicStatus: ComponentStatusName;
  /** this incident's impact on it now (internal) */
  impact: ComponentStatusName | null;
  /** this incident's published updates last said it is not operational */
  heldByThisIncident: boolean;
};
