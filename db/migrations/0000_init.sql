CREATE TYPE "public"."arrangement_stage" AS ENUM('planned', 'operational', 'ended');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('council', 'fire', 'police', 'health', 'other');--> statement-breakpoint
CREATE TYPE "public"."partner_role" AS ENUM('lead', 'partner');--> statement-breakpoint
CREATE TYPE "public"."revision_state" AS ENUM('draft', 'submitted', 'approved', 'rejected', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."savings_kind" AS ENUM('actual', 'forecast');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('council_editor', 'admin');--> statement-breakpoint
CREATE TYPE "public"."user_status" AS ENUM('invited', 'active', 'disabled');--> statement-breakpoint
CREATE TABLE "arrangement_revisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "arrangement_revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"arrangement_id" integer NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"main_category_id" integer NOT NULL,
	"stage" "arrangement_stage" NOT NULL,
	"start_date" date,
	"end_date" date,
	"benefits" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact_name" text,
	"contact_email" text,
	"no_savings_reason" text,
	"state" "revision_state" DEFAULT 'draft' NOT NULL,
	"author_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by_id" integer,
	"submitted_at" timestamp with time zone,
	"reviewed_by_id" integer,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	CONSTRAINT "arrangement_revisions_dates_check" CHECK ("arrangement_revisions"."end_date" IS NULL OR "arrangement_revisions"."start_date" IS NULL OR "arrangement_revisions"."end_date" >= "arrangement_revisions"."start_date"),
	CONSTRAINT "arrangement_revisions_version_check" CHECK ("arrangement_revisions"."version" >= 1),
	CONSTRAINT "arrangement_revisions_reviewed_check" CHECK ("arrangement_revisions"."state" NOT IN ('approved', 'rejected', 'superseded') OR "arrangement_revisions"."reviewed_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "arrangements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "arrangements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"lead_organisation_id" integer NOT NULL,
	"published_revision_id" integer,
	"is_illustrative" boolean DEFAULT false NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "arrangements_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"organisation_id" integer,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "editions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "editions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "editions_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organisations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"gss_code" text,
	"former_gss_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"council_type" text,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"region" text,
	"parent_code" text,
	"start_date" date,
	"end_date" date,
	"replaced_by_id" integer,
	"population" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_code_unique" UNIQUE("code"),
	CONSTRAINT "organisations_dates_check" CHECK ("organisations"."end_date" IS NULL OR "organisations"."start_date" IS NULL OR "organisations"."end_date" >= "organisations"."start_date")
);
--> statement-breakpoint
CREATE TABLE "revision_categories" (
	"revision_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	CONSTRAINT "revision_categories_revision_id_category_id_pk" PRIMARY KEY("revision_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "revision_partners" (
	"revision_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"role" "partner_role" NOT NULL,
	CONSTRAINT "revision_partners_revision_id_organisation_id_pk" PRIMARY KEY("revision_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "revision_savings" (
	"revision_id" integer NOT NULL,
	"financial_year" smallint NOT NULL,
	"amount_pence" bigint NOT NULL,
	"kind" "savings_kind" NOT NULL,
	CONSTRAINT "revision_savings_revision_id_financial_year_pk" PRIMARY KEY("revision_id","financial_year"),
	CONSTRAINT "revision_savings_amount_check" CHECK ("revision_savings"."amount_pence" >= 0),
	CONSTRAINT "revision_savings_year_check" CHECK ("revision_savings"."financial_year" BETWEEN 2000 AND 2100)
);
--> statement-breakpoint
CREATE TABLE "service_categories" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "service_categories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"area" text NOT NULL,
	"sort_order" integer NOT NULL,
	CONSTRAINT "service_categories_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"organisation_id" integer,
	"status" "user_status" DEFAULT 'active' NOT NULL,
	"password_hash" text,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_editor_has_organisation_check" CHECK ("users"."role" <> 'council_editor' OR "users"."organisation_id" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "arrangement_revisions" ADD CONSTRAINT "arrangement_revisions_arrangement_id_arrangements_id_fk" FOREIGN KEY ("arrangement_id") REFERENCES "public"."arrangements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangement_revisions" ADD CONSTRAINT "arrangement_revisions_main_category_id_service_categories_id_fk" FOREIGN KEY ("main_category_id") REFERENCES "public"."service_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangement_revisions" ADD CONSTRAINT "arrangement_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangement_revisions" ADD CONSTRAINT "arrangement_revisions_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangement_revisions" ADD CONSTRAINT "arrangement_revisions_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangements" ADD CONSTRAINT "arrangements_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangements" ADD CONSTRAINT "arrangements_published_revision_id_arrangement_revisions_id_fk" FOREIGN KEY ("published_revision_id") REFERENCES "public"."arrangement_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangements" ADD CONSTRAINT "arrangements_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_replaced_by_id_organisations_id_fk" FOREIGN KEY ("replaced_by_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revision_categories" ADD CONSTRAINT "revision_categories_revision_id_arrangement_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."arrangement_revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revision_categories" ADD CONSTRAINT "revision_categories_category_id_service_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."service_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revision_partners" ADD CONSTRAINT "revision_partners_revision_id_arrangement_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."arrangement_revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revision_partners" ADD CONSTRAINT "revision_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revision_savings" ADD CONSTRAINT "revision_savings_revision_id_arrangement_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."arrangement_revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "arrangement_revisions_version_key" ON "arrangement_revisions" USING btree ("arrangement_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "arrangement_revisions_one_open_key" ON "arrangement_revisions" USING btree ("arrangement_id") WHERE "arrangement_revisions"."state" IN ('draft', 'submitted');--> statement-breakpoint
CREATE INDEX "arrangement_revisions_state_idx" ON "arrangement_revisions" USING btree ("state");--> statement-breakpoint
CREATE INDEX "arrangements_lead_idx" ON "arrangements" USING btree ("lead_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "arrangements_published_revision_key" ON "arrangements" USING btree ("published_revision_id");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_organisation_idx" ON "audit_events" USING btree ("organisation_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_user_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_gss_code_key" ON "organisations" USING btree ("gss_code");--> statement-breakpoint
CREATE INDEX "organisations_kind_idx" ON "organisations" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "revision_partners_organisation_idx" ON "revision_partners" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "revision_partners_one_lead_key" ON "revision_partners" USING btree ("revision_id") WHERE "revision_partners"."role" = 'lead';--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" USING btree (lower("email"));