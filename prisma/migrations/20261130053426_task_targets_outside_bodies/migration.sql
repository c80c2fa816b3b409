-- Tasks carry optional numeric targets; outside bodies carry a role
-- (issue 10, item 4). The former `partners` list becomes `bodies`, each
-- partner kept as a cooperating body until the plan file is imported again
-- with its roles (e.g. "theo đề nghị của" = REQUESTING).

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "bodies" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "leadNote" TEXT,
ADD COLUMN     "targetText" TEXT,
ADD COLUMN     "targetUnit" TEXT,
ADD COLUMN     "targetValue" DECIMAL(12,2);

-- Keep every partner, as a cooperating body.
UPDATE "Task" SET "bodies" = (
  SELECT COALESCE(jsonb_agg(jsonb_build_object('name', p.name, 'role', 'COOPERATING') ORDER BY p.ord), '[]'::jsonb)
  FROM unnest("partners") WITH ORDINALITY AS p(name, ord)
)
WHERE cardinality("partners") > 0;

-- The UPDATE leaves deferred constraint triggers pending, and PostgreSQL
-- refuses to ALTER a table with pending trigger events in the same
-- transaction: fire them now.
SET CONSTRAINTS ALL IMMEDIATE;

ALTER TABLE "Task" DROP COLUMN "partners";
