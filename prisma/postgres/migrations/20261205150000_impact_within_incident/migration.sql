-- Impact windows lie within their incident (docs/decisions/0036-impact-follows-milestones.md):
-- cut what lies before Started, close at Resolved what a resolved incident left open or running
-- past it (resolving used to close them at the moment of the request), drop what is left empty.
UPDATE "IncidentComponent" SET "startedAt" = (SELECT i."startedAt" FROM "Incident" i WHERE i."id" = "IncidentComponent"."incidentId")
WHERE "startedAt" < (SELECT i."startedAt" FROM "Incident" i WHERE i."id" = "IncidentComponent"."incidentId");

UPDATE "IncidentComponent" SET "endedAt" = (SELECT i."resolvedAt" FROM "Incident" i WHERE i."id" = "IncidentComponent"."incidentId")
WHERE EXISTS (
  SELECT 1 FROM "Incident" i
  WHERE i."id" = "IncidentComponent"."incidentId" AND i."status" = 'resolved' AND i."resolvedAt" IS NOT NULL
    AND ("IncidentComponent"."endedAt" IS NULL OR "IncidentComponent"."endedAt" > i."resolvedAt")
);

DELETE FROM "IncidentComponent" WHERE "endedAt" IS NOT NULL AND "endedAt" <= "startedAt";
