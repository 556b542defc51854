// Input shapes for declaring and changing incidents, shared by the form and the API.
import { z } from "zod";
import { COMPONENT_IMPACTS, INCIDENT_STATUSES, SEVERITIES } from "./lifecycle.ts";

const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;
/** Outside these years a time is a typo, and the database client cannot store it (a 500, not a 422). */
const STORABLE_FROM = Date.UTC(1970, 0, 1);
const STORABLE_UNTIL = Date.UTC(10000, 0, 1) - 1;
const storable = (d: Date) => d.getTime() >= STORABLE_FROM && d.getTime() <= STORABLE_UNTIL;
const Instant = z.coerce
  .date({ message: "must be an ISO-8601 time" })
  .refine(storable, "must be between 1970 and 9999")
  .refine((d) => d.getTime() <= Date.now() + FUTURE_TOLERANCE_MS, "must not be in the future");
const FilterDate = z.coerce.date({ message: "must be a date" }).refine(storable, "must be between 1970 and 9999");

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
  startedAt: Instant.optional(),
  detectedAt: Instant.optional(),
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
    startedAt: Instant,
    detectedAt: Instant,
    acknowledgedAt: Instant.nullable(),
    mitigatedAt: Instant.nullable(),
    resolvedAt: Instant.nullable(),
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
