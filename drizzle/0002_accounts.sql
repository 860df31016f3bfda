CREATE TABLE "audit_anchor" (
	"organization_id" uuid NOT NULL,
	"first_seq" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"purged_rows" integer NOT NULL,
	"purged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"purged_by" text DEFAULT '' NOT NULL,
	CONSTRAINT "audit_anchor_organization_id_first_seq_pk" PRIMARY KEY("organization_id","first_seq")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "first_failed_login_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_login_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_dept_fk" FOREIGN KEY ("organization_id","department_id") REFERENCES "public"."departments"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE INDEX "user_roles_user_idx" ON "user_roles" USING btree ("organization_id","user_id");