CREATE TYPE "public"."contribution_kind" AS ENUM('created', 'saved', 'submitted', 'imported');--> statement-breakpoint
CREATE TABLE "revision_contributions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "revision_contributions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"revision_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"kind" "contribution_kind" NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "revision_contributions" ADD CONSTRAINT "revision_contributions_revision_id_arrangement_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."arrangement_revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revision_contributions" ADD CONSTRAINT "revision_contributions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "revision_contributions_revision_idx" ON "revision_contributions" USING btree ("revision_id","user_id");--> statement-breakpoint
CREATE INDEX "revision_contributions_user_idx" ON "revision_contributions" USING btree ("user_id");--> statement-breakpoint
-- Hand-written: what the revisions already say about who worked on them (only the creator, the
-- last author and the submitter were kept), so four eyes holds for revisions made before this.
INSERT INTO "revision_contributions" ("revision_id", "user_id", "kind", "at")
SELECT r.id, a.created_by_id, 'created'::contribution_kind, r.created_at
FROM "arrangement_revisions" r JOIN "arrangements" a ON a.id = r.arrangement_id
WHERE r.version = 1 AND a.created_by_id IS NOT NULL
UNION ALL
SELECT r.id, r.author_id, 'saved', r.updated_at FROM "arrangement_revisions" r WHERE r.author_id IS NOT NULL
UNION ALL
SELECT r.id, r.submitted_by_id, 'submitted', r.submitted_at FROM "arrangement_revisions" r
WHERE r.submitted_by_id IS NOT NULL AND r.submitted_at IS NOT NULL;
