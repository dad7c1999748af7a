-- The submitter's declaration (issue 15, item 2): "I confirm these figures are accurate and may
-- be published", ticked to submit and recorded on the revision with who ticked it, when.
ALTER TABLE "arrangement_revisions" ADD COLUMN "declared_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "arrangement_revisions" ADD COLUMN "declared_by_id" integer;--> statement-breakpoint
ALTER TABLE "arrangement_revisions" ADD CONSTRAINT "arrangement_revisions_declared_by_id_users_id_fk" FOREIGN KEY ("declared_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangement_revisions" ADD CONSTRAINT "arrangement_revisions_declared_check" CHECK (("arrangement_revisions"."declared_at" IS NULL) = ("arrangement_revisions"."declared_by_id" IS NULL));