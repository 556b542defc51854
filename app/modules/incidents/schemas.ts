// Input shapes for declaring and changing incidents, shared by the form and the API.
import { z } from "zod";
import { FilterDate, PastInstant } from "~/utils/instants.ts";
import { COMPONENT_IMPACTS, INCIDENT_STATUSES, SEVERITIES } from "./lifecycle.ts";

const Id = z.string().trim().min(1).max(64);

export const AffectedComponentSchema = z.object({
  id: Id,
  impact: z.enum(COMPONENT_IMPACTS, { message: `must be one of ${COMPONENT_IMPACTS.join(", ")}` }),
});

const text = (what: string) => ({ error: (issue: { input: unknown }) => (issue.input == null ? "must not be empty" : `must be ${what}`) });

export const DeclareIncidentSchema = z.object({
  title: z
    .string(text("text"))
    .trim()
    .min(1, "must not be empty")
    .min(3, "must be at least 3 characters")
    .max(200, "must be at most 200 characters"),
  severity: z.enum(SEVERITIES, { message: `must be one of ${SEVERITIES.join(", ")}` }),
  summary: z.string(text("text")).trim().max(5000, "must be at most 5,000 characters").default(""),
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
    /** when Started or Resolved is corrected: windows at the old time move with it (default true; decision 0036) */
    moveImpactWindows: z.boolean({ message: "must be true or false" }),
  })
  .partial()
  .strict();
export type IncidentPatch = z.output<typeof IncidentPatchSchema>;

/** One impact window written by hand: a component at one impact level from a time until a time (null: still). */
export const ImpactWindowSchema = z
  .object({
    componentId: Id,
    impact: z.enum(COMPONENT_IMPACTS, { message: `must be one of ${COMPONENT_IMPACTS.join(", ")}` }),
    startedAt: PastInstant,
    endedAt: PastInstant.nullable(),
    /** the component's name, as GET shows it; ignored, so a GET can be put back */
    component: z.string().max(200).optional(),
  })
  .strict();
export type ImpactWindowInput = z.output<typeof ImpactWindowSchema>;

/** PUT /api/v1/incidents/:id/impact and the room's impact table: every window the incident has. */
export const ImpactWindowsSchema = z.object({ windows: z.array(ImpactWindowSchema).max(500, "at most 500 windows") }).strict();

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
