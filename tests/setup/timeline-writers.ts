// Scribes posting timeline entries as fast as the app takes them, until stopped: each entry
// the app acknowledged (201) is kept with the moment it was, to check a copy of the database.
import { expect } from "vitest";
import type { Api } from "./app-server.ts";

export type Acknowledged = { body: string; at: number };

export function startWriters(api: Api, incidentId: string, count: number): { acknowledged: Acknowledged[]; stop(): Promise<void> } {
  const acknowledged: Acknowledged[] = [];
  let writing = true;
  const writers = Promise.all(
    Array.from({ length: count }, async (_, w) => {
      for (let i = 0; writing; i++) {
        const body = `writer ${w} entry ${i}.`;
        const response = await api.post(`/api/v1/incidents/${incidentId}/timeline`, { body });
        expect(response.status).toBe(201);
        acknowledged.push({ body, at: Date.now() });
      }
    }),
  );
  return {
    acknowledged,
    async stop() {
      writing = false;
      await writers;
    },
  };
}
