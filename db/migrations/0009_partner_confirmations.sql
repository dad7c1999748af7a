CREATE TYPE "public"."confirmation_state" AS ENUM('pending', 'confirmed', 'disputed');--> statement-breakpoint
CREATE TABLE "partner_confirmations" (
	"arrangement_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"revision_id" integer,
	"state" "confirmation_state" DEFAULT 'pending' NOT NULL,
	"reason" text,
	"answered_by_id" integer,
	"answered_at" timestamp with time zone,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_confirmations_arrangement_id_organisation_id_pk" PRIMARY KEY("arrangement_id","organisation_id"),
	CONSTRAINT "partner_confirmations_reason_check" CHECK (("partner_confirmations"."state" = 'disputed') = ("partner_confirmations"."reason" IS NOT NULL AND length("partner_confirmations"."reason") > 0)),
	CONSTRAINT "partner_confirmations_answered_check" CHECK (("partner_confirmations"."state" = 'pending') = ("partner_confirmations"."answered_at" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "partner_confirmations" ADD CONSTRAINT "partner_confirmations_arrangement_id_arrangements_id_fk" FOREIGN KEY ("arrangement_id") REFERENCES "public"."arrangements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_confirmations" ADD CONSTRAINT "partner_confirmations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_confirmations" ADD CONSTRAINT "partner_confirmations_revision_id_arrangement_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."arrangement_revisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_confirmations" ADD CONSTRAINT "partner_confirmations_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_confirmations_organisation_idx" ON "partner_confirmations" USING btree ("organisation_id","state");