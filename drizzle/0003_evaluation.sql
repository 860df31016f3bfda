ALTER TABLE "bonus_awards" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "bonus_awards" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "rating_closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "rating_closed_by" text;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_snapshots_standing" ON "evaluation_snapshots" USING btree ("organization_id","plan_id") WHERE reopened_at is null;--> statement-breakpoint
-- A frozen evaluation is immutable: its input and evaluation never change. The only update is the
-- re-open mark (reopened_at/by/reason), set once. A snapshot is deleted only with its plan year
-- (the foreign key's cascade, when the parent row is already gone).
CREATE OR REPLACE FUNCTION evaluation_snapshots_immutable() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM plans p WHERE p.organization_id = OLD.organization_id AND p.id = OLD.plan_id) THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'evaluation_snapshots are immutable (DELETE refused)' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.organization_id IS DISTINCT FROM OLD.organization_id
     OR NEW.id IS DISTINCT FROM OLD.id
     OR NEW.plan_id IS DISTINCT FROM OLD.plan_id
     OR NEW.created_at IS DISTINCT FROM OLD.created_at
     OR NEW.created_by IS DISTINCT FROM OLD.created_by
     OR NEW.input::text IS DISTINCT FROM OLD.input::text
     OR NEW.evaluation::text IS DISTINCT FROM OLD.evaluation::text
     OR OLD.reopened_at IS NOT NULL THEN
    RAISE EXCEPTION 'evaluation_snapshots are immutable (only the re-open mark may be set, once)' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER evaluation_snapshots_no_change BEFORE UPDATE OR DELETE ON evaluation_snapshots
  FOR EACH ROW EXECUTE FUNCTION evaluation_snapshots_immutable();
