-- Drafts save as they are (issue 15, item 1): a half-finished draft may have no main category
-- or stage yet (and an empty title or description); anything past draft must have them all.
ALTER TABLE "arrangement_revisions" ALTER COLUMN "main_category_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "arrangement_revisions" ALTER COLUMN "stage" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "arrangement_revisions" ADD CONSTRAINT "arrangement_revisions_complete_check" CHECK ("arrangement_revisions"."state" = 'draft' OR ("arrangement_revisions"."title" <> '' AND "arrangement_revisions"."description" <> '' AND "arrangement_revisions"."main_category_id" IS NOT NULL AND "arrangement_revisions"."stage" IS NOT NULL));