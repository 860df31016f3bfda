CREATE TABLE "audit_log" (
	"organization_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text DEFAULT '' NOT NULL,
	"ip" text DEFAULT '' NOT NULL,
	"action" text NOT NULL,
	"category" text DEFAULT 'change' NOT NULL,
	"entity_type" text DEFAULT '' NOT NULL,
	"entity_id" text DEFAULT '' NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_organization_id_seq_pk" PRIMARY KEY("organization_id","seq")
);
--> statement-breakpoint
CREATE TABLE "bonus_awards" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"item" text NOT NULL,
	"points" double precision NOT NULL,
	"reason" text NOT NULL,
	"granted_by" text DEFAULT '' NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bonus_awards_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "bonus_awards_one" UNIQUE("organization_id","plan_id","department_id","item")
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"group_name" text DEFAULT '본청' NOT NULL,
	"evaluated" boolean DEFAULT true NOT NULL,
	"former_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"seq" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "departments_org_name" UNIQUE("organization_id","name")
);
--> statement-breakpoint
CREATE TABLE "dept_performance_goals" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"code" text NOT NULL,
	"dept_strategic_goal_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	CONSTRAINT "dept_performance_goals_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "dept_strategic_goals" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"code" text NOT NULL,
	"org_performance_goal_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	CONSTRAINT "dept_strategic_goals_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_snapshots" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text DEFAULT '' NOT NULL,
	"input" jsonb NOT NULL,
	"evaluation" jsonb NOT NULL,
	"reopened_at" timestamp with time zone,
	"reopened_by" text,
	"reopen_reason" text,
	CONSTRAINT "evaluation_snapshots_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"result_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_hash" text NOT NULL,
	"size" bigint NOT NULL,
	"media_type" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "external_awards" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"agency" text DEFAULT '' NOT NULL,
	"department_id" uuid,
	"incentive_krw" bigint DEFAULT 0 NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	CONSTRAINT "external_awards_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "indicator_departments" (
	"organization_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"role" text DEFAULT 'participant' NOT NULL,
	CONSTRAINT "indicator_departments_organization_id_indicator_id_department_id_pk" PRIMARY KEY("organization_id","indicator_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"dept_performance_goal_id" uuid NOT NULL,
	"code" text NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'unique' NOT NULL,
	"lead_department_id" uuid NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"direction" text DEFAULT 'higher' NOT NULL,
	"measurement" text DEFAULT 'quantitative' NOT NULL,
	"formula" text DEFAULT '' NOT NULL,
	"data_source" text DEFAULT '' NOT NULL,
	"frequency" text DEFAULT 'quarterly' NOT NULL,
	"baseline" double precision,
	"target" double precision,
	"weight" double precision DEFAULT 1 NOT NULL,
	"convergence_rule" text DEFAULT 'sum' NOT NULL,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "indicators_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "indicators_plan_code" UNIQUE("organization_id","plan_id","code")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "notifications_once" UNIQUE("organization_id","user_id","key")
);
--> statement-breakpoint
CREATE TABLE "org_performance_goals" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"code" text NOT NULL,
	"org_strategic_goal_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "org_performance_goals_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "org_strategic_goals" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"code" text NOT NULL,
	"vision_pillar_id" uuid,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "org_strategic_goals_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "penalty_cases" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"indicator_id" uuid,
	"result_id" uuid,
	"kind" text NOT NULL,
	"period" text DEFAULT '' NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"waived" boolean DEFAULT false NOT NULL,
	"waived_reason" text DEFAULT '' NOT NULL,
	"waived_by" uuid,
	"illustrative" boolean DEFAULT false NOT NULL,
	CONSTRAINT "penalty_cases_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"vision_name" text DEFAULT '' NOT NULL,
	"vision_slogan" text DEFAULT '' NOT NULL,
	"overview" text DEFAULT '' NOT NULL,
	"future_plan" text DEFAULT '' NOT NULL,
	"prior_year_facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"evaluation_scheme" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"calendar" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"claimed_totals" jsonb,
	"illustrative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "plans_org_year" UNIQUE("organization_id","year")
);
--> statement-breakpoint
CREATE TABLE "qualitative_scores" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"points" double precision NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"given_by" text DEFAULT '' NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qualitative_scores_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "qualitative_scores_one" UNIQUE("organization_id","plan_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "quality_ratings" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"rater" text NOT NULL,
	"representativeness" double precision,
	"difficulty" double precision,
	"completeness" double precision,
	"illustrative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quality_ratings_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "quality_ratings_one" UNIQUE("organization_id","indicator_id","rater")
);
--> statement-breakpoint
CREATE TABLE "rater_assignments" (
	"organization_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"rater" text NOT NULL,
	CONSTRAINT "rater_assignments_organization_id_plan_id_indicator_id_rater_pk" PRIMARY KEY("organization_id","plan_id","indicator_id","rater")
);
--> statement-breakpoint
CREATE TABLE "result_events" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"result_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"reason" text DEFAULT '' NOT NULL,
	"before" jsonb,
	CONSTRAINT "result_events_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "results" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"period" text NOT NULL,
	"actual" double precision,
	"milestones_done" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"declared_evidence" integer DEFAULT 0 NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"approved_by" uuid,
	"verified_by" uuid,
	"illustrative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "results_unique_period" UNIQUE("organization_id","indicator_id","department_id","period")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"organization_id" uuid NOT NULL,
	"id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text DEFAULT '' NOT NULL,
	"user_agent" text DEFAULT '' NOT NULL,
	CONSTRAINT "sessions_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"code" text NOT NULL,
	"indicator_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"start_date" date,
	"end_date" date,
	"progress" double precision DEFAULT 0 NOT NULL,
	"budget_program_code" text DEFAULT '' NOT NULL,
	"budget_program_name" text DEFAULT '' NOT NULL,
	"budget_amount" bigint DEFAULT 0 NOT NULL,
	"executed_amount" bigint DEFAULT 0 NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tasks_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"department_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_roles_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"password_changed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "users_username" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "vision_pillars" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "vision_pillars_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "bonus_awards" ADD CONSTRAINT "bonus_awards_plan_fk" FOREIGN KEY ("organization_id","plan_id") REFERENCES "public"."plans"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dept_performance_goals" ADD CONSTRAINT "dept_performance_goals_plan_fk" FOREIGN KEY ("organization_id","plan_id") REFERENCES "public"."plans"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dept_performance_goals" ADD CONSTRAINT "dept_performance_goals_dsg_fk" FOREIGN KEY ("organization_id","dept_strategic_goal_id") REFERENCES "public"."dept_strategic_goals"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dept_strategic_goals" ADD CONSTRAINT "dept_strategic_goals_plan_fk" FOREIGN KEY ("organization_id","plan_id") REFERENCES "public"."plans"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dept_strategic_goals" ADD CONSTRAINT "dept_strategic_goals_opg_fk" FOREIGN KEY ("organization_id","org_performance_goal_id") REFERENCES "public"."org_performance_goals"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dept_strategic_goals" ADD CONSTRAINT "dept_strategic_goals_dept_fk" FOREIGN KEY ("organization_id","department_id") REFERENCES "public"."departments"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_snapshots" ADD CONSTRAINT "evaluation_snapshots_plan_fk" FOREIGN KEY ("organization_id","plan_id") REFERENCES "public"."plans"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_result_fk" FOREIGN KEY ("organization_id","result_id") REFERENCES "public"."results"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_departments" ADD CONSTRAINT "indicator_departments_ind_fk" FOREIGN KEY ("organization_id","indicator_id") REFERENCES "public"."indicators"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_departments" ADD CONSTRAINT "indicator_departments_dept_fk" FOREIGN KEY ("organization_id","department_id") REFERENCES "public"."departments"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_plan_fk" FOREIGN KEY ("organization_id","plan_id") REFERENCES "public"."plans"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_dpg_fk" FOREIGN KEY ("organization_id","dept_performance_goal_id") REFERENCES "public"."dept_performance_goals"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_lead_fk" FOREIGN KEY ("organization_id","lead_department_id") REFERENCES "public"."departments"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_performance_goals" ADD CONSTRAINT "org_performance_goals_plan_fk" FOREIGN KEY ("organization_id","plan_id") REFERENCES "public"."plans"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_performance_goals" ADD CONSTRAINT "org_performance_goals_osg_fk" FOREIGN KEY ("organization_id","org_strategic_goal_id") REFERENCES "public"."org_strategic_goals"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_strategic_goals" ADD CONSTRAINT "org_strategic_goals_plan_fk" FOREIGN KEY ("organization_id","plan_id") REFERENCES "public"."plans"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD CONSTRAINT "penalty_cases_plan_fk" FOREIGN KEY ("organization_id","plan_id") REFERENCES "public"."plans"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualitative_scores" ADD CONSTRAINT "qualitative_scores_plan_fk" FOREIGN KEY ("organization_id","plan_id") REFERENCES "public"."plans"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_ratings" ADD CONSTRAINT "quality_ratings_plan_fk" FOREIGN KEY ("organization_id","plan_id") REFERENCES "public"."plans"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rater_assignments" ADD CONSTRAINT "rater_assignments_plan_fk" FOREIGN KEY ("organization_id","plan_id") REFERENCES "public"."plans"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_events" ADD CONSTRAINT "result_events_result_fk" FOREIGN KEY ("organization_id","result_id") REFERENCES "public"."results"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_plan_fk" FOREIGN KEY ("organization_id","plan_id") REFERENCES "public"."plans"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_indicator_fk" FOREIGN KEY ("organization_id","indicator_id") REFERENCES "public"."indicators"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_dept_fk" FOREIGN KEY ("organization_id","department_id") REFERENCES "public"."departments"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_plan_fk" FOREIGN KEY ("organization_id","plan_id") REFERENCES "public"."plans"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_indicator_fk" FOREIGN KEY ("organization_id","indicator_id") REFERENCES "public"."indicators"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_dept_fk" FOREIGN KEY ("organization_id","department_id") REFERENCES "public"."departments"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vision_pillars" ADD CONSTRAINT "vision_pillars_plan_fk" FOREIGN KEY ("organization_id","plan_id") REFERENCES "public"."plans"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("organization_id","at");--> statement-breakpoint
CREATE INDEX "dept_performance_goals_plan_idx" ON "dept_performance_goals" USING btree ("organization_id","plan_id");--> statement-breakpoint
CREATE INDEX "dept_strategic_goals_plan_idx" ON "dept_strategic_goals" USING btree ("organization_id","plan_id");--> statement-breakpoint
CREATE INDEX "evidence_result_idx" ON "evidence" USING btree ("organization_id","result_id");--> statement-breakpoint
CREATE INDEX "indicators_plan_idx" ON "indicators" USING btree ("organization_id","plan_id");--> statement-breakpoint
CREATE INDEX "org_strategic_goals_plan_idx" ON "org_strategic_goals" USING btree ("organization_id","plan_id");--> statement-breakpoint
CREATE INDEX "result_events_result_idx" ON "result_events" USING btree ("organization_id","result_id");--> statement-breakpoint
CREATE INDEX "results_plan_idx" ON "results" USING btree ("organization_id","plan_id");--> statement-breakpoint
CREATE INDEX "sessions_id_idx" ON "sessions" USING btree ("id");--> statement-breakpoint
CREATE INDEX "tasks_plan_idx" ON "tasks" USING btree ("organization_id","plan_id");