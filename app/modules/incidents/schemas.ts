// Input shapes for declaring and changing incidents, shared by the form and the API.
import { z } from "zod";
import { FilterDate, PastInstant } from "~/utils/instants.ts";
import { COMPONENT_IMPACTS, INCIDENT_STATUSES, SEVERITIES } from "./lifecycle.ts";

const Id = z.string().trim().min(1).max(64);

export const AffectedComponentSchema = z.object({
  id: Id,
  impact: z.enum(COMPONENT_IMPACTS, { message: `must be one of ${COMPONENT_IMPACTS.join(", ")}` }),
});

export const DeclareIncidentSchema = z.object({
  title: z.string().trim().min(3, "must be at least 3 characters").max(200),
  severity: z.enum(SEVERITIES, { message: `must be one of ${SEVERITIES.join(", ")}` }),
  summary: z.string().trim().max(5000).default(""),
  components: z.array(AffectedComponentSchema).max(100).default([]),
  regions: z.array(Id).max(50).default([]),
  commanderId: Id.optional(),
  startedAt: PastInstant.optional(),
  detectedAt: PastInstant.optional(),
});
export type DeclareIncidentInput = z.output<typeof DeclareIncidentSchema>;

export const IncidentPatchSchema = z
  .object({
    status: z.enum(INCIDENT_STATUSES, { message: `must be one of ${INCIDENT_STATUSES.join(", ")}` }),
    severity: z.enum(SEVERITIES, { message: `must be one of ${SEVERITIES.join(", ")}` }),
    title: z.string().trim().min(3).max(200),
    summary: z.string().trim().max(5000),
    components: z.array(AffectedComponentSchema).max(100),
    regions: z.array(Id).max(50),
    commanderId: Id.nullable(),
    commsLeadId: Id.nullable(),
    scribeId: Id.nullable(),
    startedAt: PastInstant,
    detectedAt: PastInstant,
    acknowledgedAt: PastInstant.nullable(),
    mitigatedAt: PastInstant.nullable(),
    resolvedAt: PastInstant.nullable(),
  })
  .partial()
  .strict();
export type IncidentPatch = z.output<typeof IncidentPatchSchema>;

export const IncidentFiltersSchema = z.object({
  status: z.union([z.enum([...INCIDENT_STATUSES, "open"]), z.literal("")]).optional(),
  severity: z.union([z.enum(SEVERITIES), z.literal("")]).optional(),
  component: z.string().max(64).optional(),
  from: z.union([FilterDate, z.literal("")]).optional(),
  to: z.union([FilterDate, z.literal("")]).optional(),
  q: z.string().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type IncidentFilters = z.output<typeof IncidentFiltersSchema>;
