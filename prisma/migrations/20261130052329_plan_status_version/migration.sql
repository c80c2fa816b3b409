-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "statusVersion" INTEGER NOT NULL DEFAULT 0;


-- A plan's counts (statusSummary) depend on its tasks, their assignments,
-- reports and obstacles, its objectives, the plan row itself, and the names
-- and merges of units and indices. Any transaction that writes one of those
-- bumps the plan's "statusVersion" once, at commit: the triggers are
-- deferred, so the Plan row is the last lock the transaction takes (no
-- deadlock with writers that lock tasks in another order), and a
-- transaction-local setting keeps it to one bump per plan however many rows
-- it wrote. Cached counts are keyed by (plan, day, statusVersion), so every
-- instance sees a write the moment it commits. The new value comes from a
-- sequence of its own, so a version is never given twice in a database, not
-- even after `dondoc db restore` brings back plan rows with older values (a
-- restored plan row is an insert, which bumps it too).
CREATE SEQUENCE "Plan_statusVersion_seq" AS integer;

CREATE FUNCTION dondoc_bump_plan(plan_id integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF plan_id IS NULL OR current_setting('dondoc.bumped_' || plan_id, true) = 'y' THEN
    RETURN;
  END IF;
  PERFORM set_config('dondoc.bumped_' || plan_id, 'y', true);
  UPDATE "Plan" SET "statusVersion" = nextval('"Plan_statusVersion_seq"') WHERE id = plan_id;
END $$;

-- Unit and index names and merges appear in every plan's counts.
CREATE FUNCTION dondoc_bump_all_plans() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('dondoc.bumped_all', true) = 'y' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('dondoc.bumped_all', 'y', true);
  UPDATE "Plan" SET "statusVersion" = nextval('"Plan_statusVersion_seq"');
  RETURN NULL;
END $$;

-- Rows that carry "planId" (Task, Objective).
CREATE FUNCTION dondoc_bump_plan_of_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM dondoc_bump_plan(OLD."planId"); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM dondoc_bump_plan(NEW."planId"); END IF;
  RETURN NULL;
END $$;

-- Rows that carry "taskId" (Assignment, ProgressReport, Obstacle). A task
-- deleted in the same transaction has bumped its plan itself.
CREATE FUNCTION dondoc_bump_plan_of_task() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM dondoc_bump_plan((SELECT "planId" FROM "Task" WHERE id = OLD."taskId")); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM dondoc_bump_plan((SELECT "planId" FROM "Task" WHERE id = NEW."taskId")); END IF;
  RETURN NULL;
END $$;

-- The plan row itself (a new or restored row too), unless the update is the bump.
CREATE FUNCTION dondoc_bump_plan_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dondoc_bump_plan(NEW.id);
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "Task_bump_plan" AFTER INSERT OR UPDATE OR DELETE ON "Task"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dondoc_bump_plan_of_row();
CREATE CONSTRAINT TRIGGER "Objective_bump_plan" AFTER INSERT OR UPDATE OR DELETE ON "Objective"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dondoc_bump_plan_of_row();
CREATE CONSTRAINT TRIGGER "Assignment_bump_plan" AFTER INSERT OR UPDATE OR DELETE ON "Assignment"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dondoc_bump_plan_of_task();
CREATE CONSTRAINT TRIGGER "ProgressReport_bump_plan" AFTER INSERT OR UPDATE OR DELETE ON "ProgressReport"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dondoc_bump_plan_of_task();
CREATE CONSTRAINT TRIGGER "Obstacle_bump_plan" AFTER INSERT OR UPDATE OR DELETE ON "Obstacle"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dondoc_bump_plan_of_task();
CREATE CONSTRAINT TRIGGER "Plan_bump_plan_insert" AFTER INSERT ON "Plan"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dondoc_bump_plan_row();
CREATE CONSTRAINT TRIGGER "Plan_bump_plan" AFTER UPDATE ON "Plan"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD."statusVersion" = NEW."statusVersion") EXECUTE FUNCTION dondoc_bump_plan_row();
CREATE CONSTRAINT TRIGGER "Unit_bump_plans" AFTER UPDATE OR DELETE ON "Unit"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dondoc_bump_all_plans();
CREATE CONSTRAINT TRIGGER "Index_bump_plans" AFTER UPDATE OR DELETE ON "Index"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dondoc_bump_all_plans();
