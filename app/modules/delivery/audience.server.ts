// Who an incident's next update would reach: the subscribers of the components it names and
// of those its published updates named before (publishing notifies both, see publish.server.ts).
import { db } from "~/utils/db.server.ts";
import { audienceSize } from "./enqueue.server.ts";

export async function incidentAudience(incidentId: string, componentIds: string[]): Promise<number> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.statusUpdateComponent.findMany({
      where: { update: { incidentId, state: "published" } },
      select: { componentId: true },
    });
    return audienceSize(tx, [...new Set([...componentIds, ...claimed.map((c) => c.componentId)])]);
  });
}
